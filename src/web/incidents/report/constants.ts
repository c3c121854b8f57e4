/** Names the page and its service worker share. */

/** The service worker's file (at the site root) and its scope: the report page only. */
export const SW_URL = '/bao-tin-sw.js';
export const SW_SCOPE = '/bao-tin';
/** Background Sync tag under which the outbox is sent. */
export const SYNC_TAG = 'bao-tin-send';
/** BroadcastChannel on which the worker tells the page that a queued report changed. */
export const OUTBOX_CHANNEL = 'bao-tin-outbox';
/** Navigations the worker answers with the cached page: /bao-tin, /bao-tin/, /bao-tin.html, any query. */
export const PAGE_NAVIGATION = /^\/bao-tin(?:\.html|\/)?(?:\?.*)?$/;
