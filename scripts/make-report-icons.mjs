#!/usr/bin/env node
/**
 * Draws the icons of the public crash report page (/bao-tin) from one inline SVG: a white warning
 * triangle with "!" on the emergency red. Run once after changing the drawing, and commit the PNGs:
 *   node scripts/make-report-icons.mjs
 * The "maskable" icon keeps the triangle inside the central safe zone (80 %) that launchers may crop to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const OUT = fileURLToPath(new URL('../src/web/incidents/report/icons/', import.meta.url));
const RED = '#b3261e';

/** The drawing on a 512 box; `scale` shrinks the triangle towards the centre. */
function svg({ rounded, scale }) {
  const r = rounded ? 96 : 0;
  const t = (x, y) => `${256 + (x - 256) * scale},${256 + (y - 256) * scale}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${r}" fill="${RED}"/>
  <polygon points="${t(256, 72)} ${t(462, 430)} ${t(50, 430)}" fill="#fff" stroke="#fff" stroke-width="${28 * scale}" stroke-linejoin="round"/>
  <rect x="${256 - 22 * scale}" y="${256 + (170 - 256) * scale}" width="${44 * scale}" height="${150 * scale}" rx="${20 * scale}" fill="${RED}"/>
  <circle cx="256" cy="${256 + (372 - 256) * scale}" r="${26 * scale}" fill="${RED}"/>
</svg>`;
}

const icons = [
  { file: 'icon-192.png', size: 192, rounded: true, scale: 0.92 },
  { file: 'icon-512.png', size: 512, rounded: true, scale: 0.92 },
  { file: 'icon-maskable-512.png', size: 512, rounded: false, scale: 0.72 },
];

mkdirSync(OUT, { recursive: true });
for (const i of icons) {
  await sharp(Buffer.from(svg(i)))
    .resize(i.size, i.size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(path.join(OUT, i.file));
  console.log(`${path.join('src/web/incidents/report/icons', i.file)} (${i.size}×${i.size})`);
}
