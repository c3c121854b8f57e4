import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

// ---------------------------------------------------------------------------------------------------
// The public crash report page (/bao-tin): a second, small entry with its own service worker.
const reportDir = fileURLToPath(new URL('./src/web/incidents/report/', import.meta.url));
/** Files of the report page with fixed names at the site root (the manifest and the HTML refer to them). */
const REPORT_STATIC: Record<string, string> = {
  'bao-tin.webmanifest': 'manifest.webmanifest',
  'bao-tin-icon-192.png': 'icons/icon-192.png',
  'bao-tin-icon-512.png': 'icons/icon-512.png',
  'bao-tin-icon-maskable-512.png': 'icons/icon-maskable-512.png',
};
/** Output files the report page loads (entry, its chunks and CSS), found from the bundle's import graph. */
const reportFiles = new Set<string>();

/** The report page's entry chunk: its HTML (as Vite names HTML entries) or its script. */
const isReportEntry = (id: string | null) => id === `${webRoot}/bao-tin.html` || id === `${reportDir}main.ts`;

/** Is this module part of the report page (or a library only it uses)? */
const isReportModule = (id: string) => id.startsWith(reportDir) || /node_modules\/(exifr|idb)\//.test(id);

/**
 * Emits the report page's manifest and icons, and records which output files the page needs offline:
 * everything reachable from its entry, except the map picker's subtree (MapLibre, ~280 kB gzip), which
 * the service worker caches at run time on first use instead.
 */
function reportPage(): Plugin {
  return {
    name: 'atgt:bao-tin',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [fileName, source] of Object.entries(REPORT_STATIC))
        this.emitFile({ type: 'asset', fileName, source: readFileSync(`${reportDir}${source}`) });
      reportFiles.clear();
      const chunks = new Map(
        Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])),
      );
      const entry = [...chunks.values()].find((c) => c.isEntry && isReportEntry(c.facadeModuleId));
      if (!entry) this.error('the report page entry (incidents/report/main.ts) is missing from the bundle');
      const todo = [entry.fileName];
      while (todo.length) {
        const name = todo.pop()!;
        const chunk = chunks.get(name);
        if (!chunk || reportFiles.has(name)) continue;
        if (chunk.facadeModuleId === `${reportDir}map-picker.ts`) continue;
        reportFiles.add(name);
        for (const css of chunk.viteMetadata?.importedCss ?? []) reportFiles.add(css);
        todo.push(...chunk.imports, ...chunk.dynamicImports);
      }
    },
  };
}

// The web app: root src/web, built into dist/web, which the Fastify server serves.
// In development `/api` goes to the server on port 3000.
export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: false,
  plugins: [
    react(),
    reportPage(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'incidents/report',
      filename: 'bao-tin-sw.ts', // → dist/web/bao-tin-sw.js
      scope: '/bao-tin',
      // The page registers its worker itself (main.ts) and links its own manifest: nothing is injected
      // into the HTML files, so the main app's index.html stays untouched.
      injectRegister: false,
      manifest: false,
      injectManifest: {
        rollupFormat: 'iife', // a classic worker script: every browser with service workers runs it
        globPatterns: ['bao-tin.html', ...Object.keys(REPORT_STATIC), 'assets/*.{js,css}'],
        // Of the app's assets, only the report page's own (see reportPage()).
        manifestTransforms: [
          async (entries) => ({
            manifest: entries.filter((e) => !e.url.startsWith('assets/') || reportFiles.has(e.url)),
            warnings: [],
          }),
        ],
      },
    }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        index: `${webRoot}/index.html`,
        'bao-tin': `${webRoot}/bao-tin.html`,
      },
      output: {
        // The report page's own files are named bao-tin-*, so they are easy to spot in dist/web.
        entryFileNames: (chunk) =>
          isReportEntry(chunk.facadeModuleId) ? 'assets/bao-tin-[hash].js' : 'assets/[name]-[hash].js',
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every(isReportModule)
            ? 'assets/bao-tin-[name]-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
