// Concerto's offline shell: the app opens and reloads without network (a train, a rural site). Co-edited documents
// live in IndexedDB (libs/collab offline copy) and merge when the connection returns; this worker makes sure the
// page itself, all of its code and the last answers it read can be served from this device meanwhile.
// Built by vite-plugin-pwa (injectManifest) into dist/sw.js; registered by app/offline-shell.ts in production builds.
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { isKeptApiRead, NOT_THE_SHELL } from './routes';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

/** The last answers of the API read on this device (what signing out forgets). */
const API_CACHE = 'concerto-api';
/** The cache of the hand-written worker this one replaces (page, code and API answers together). */
const FORMER_CACHES = ['concerto-shell-v1'];

// Every file of the build (index.html, each page's JavaScript and CSS chunk, fonts, icons), fetched at install: a page
// never opened while online still opens offline. A new deployment installs beside the running one and waits until the
// person accepts to reload (the update prompt, app/update-banner.tsx), then replaces it.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Pages of the app: the shell this device holds, online or not (the single-page app routes itself).
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: NOT_THE_SHELL }));

/** Keeps only what today's worker kept: successful same-origin answers. */
const okAndSameOrigin: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => (response.ok && response.type === 'basic' ? response : null),
};

// Reads of the API: fresh when online, the last answer when offline. Downloads and the API's own docs are not kept.
registerRoute(({ url, sameOrigin }) => sameOrigin && isKeptApiRead(url.pathname), new NetworkFirst({ cacheName: API_CACHE, plugins: [okAndSameOrigin] }));

self.addEventListener('message', (event) => {
  // Signing out forgets what this device kept of the account (the code stays: it holds nobody's data).
  if (event.data === 'forget') event.waitUntil(caches.delete(API_CACHE));
  // The person accepted the new version (workbox-window's messageSkipWaiting).
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all(FORMER_CACHES.map((name) => caches.delete(name))));
});

// The first installation controls the open pages at once (nothing older is running).
clientsClaim();
