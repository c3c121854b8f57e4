/**
 * The service worker of the public report page, registered with scope /bao-tin only: it never sees the
 * main app. It precaches the page's shell (HTML, its own JS and CSS, manifest, icons — the list is
 * injected at build time), answers navigations to /bao-tin from that cache so the page opens with no
 * network, keeps the map's files and basemap once used, and sends the outbox on Background Sync.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { OUTBOX_CHANNEL, PAGE_NAVIGATION, SYNC_TAG } from './constants.ts';
import { ReportQueue, sharedLock } from './queue.ts';
import { IdbStore } from './store.ts';

// The few service-worker types used here. (The project's TypeScript lib is DOM; adding the "webworker"
// lib to the shared program would change `self` for every other file.)
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}
interface WorkerScope {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
  location: Location;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
declare const self: WorkerScope;

// ---------------------------------------------------------------------------------------------------
// The page's shell, from the cache.

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/bao-tin.html'), { allowlist: [PAGE_NAVIGATION] }),
);

/** Keeps the newest `max` entries of a runtime cache (hashed files pile up across releases). */
const keepNewest = (max: number) => ({
  cacheDidUpdate: async ({ cacheName }: { cacheName: string }) => {
    const cache = await caches.open(cacheName);
    const keys = await cache.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((k) => cache.delete(k)));
  },
});

// The map picker's code (MapLibre), loaded only when first opened: kept so it opens offline afterwards.
// The names carry a content hash, so a cached file never goes stale.
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin &&
    url.pathname.startsWith('/assets/') &&
    (request.destination === 'script' || request.destination === 'style'),
  new CacheFirst({ cacheName: 'bao-tin-assets', plugins: [keepNewest(12)] }),
);
// The basemap: fresh when online, the last copy when not.
registerRoute(
  ({ url }) =>
    url.origin === self.location.origin &&
    (url.pathname === '/api/v1/public/basemap' || url.pathname === '/api/v1/map/basemap'),
  new NetworkFirst({ cacheName: 'bao-tin-basemap', networkTimeoutSeconds: 6, plugins: [keepNewest(2)] }),
);

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// ---------------------------------------------------------------------------------------------------
// Background Sync: the browser wakes the worker when the network is back, even with the page closed.

const channel = new BroadcastChannel(OUTBOX_CHANNEL);
const queue = new ReportQueue({
  store: new IdbStore(),
  fetch: (url, init) => fetch(url, init),
  lock: sharedLock(),
  online: () => navigator.onLine,
  onChange: (r) => channel.postMessage({ type: 'changed', clientId: r.clientId }),
});

self.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    queue.flush({ force: true }).then((result) => {
      // Rejecting asks the browser to fire the sync again later, with its own backoff.
      if (result.waiting.length > 0) throw new Error(`${result.waiting.length} report(s) still waiting`);
    }),
  );
});
