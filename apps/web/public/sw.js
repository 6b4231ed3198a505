// Concerto's offline shell: the app opens and reloads without network (a train, a rural site). Co-edited documents
// live in IndexedDB (libs/collab offline copy) and merge when the connection returns; this worker only makes sure
// the page itself, its code and the last answers it read can be served from this device meanwhile.
const CACHE = 'concerto-shell-v1';
const SHELL = '/';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  // Signing out forgets what this device kept of the account.
  if (event.data === 'forget') event.waitUntil(caches.delete(CACHE));
});

/** The network when it answers (and keep the answer); the kept answer when it does not. */
async function networkFirst(request, key = request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

/** Hashed assets never change: the kept copy first. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/socket.io')) return;
  if (url.pathname.startsWith('/assets/')) return event.respondWith(cacheFirst(request));
  if (request.mode === 'navigate') return event.respondWith(networkFirst(request, SHELL));
  // Reads of the API: fresh when online, the last answer when offline. Downloads are not kept.
  if (url.pathname.startsWith('/api/') && !url.pathname.includes('/export') && !url.pathname.startsWith('/api/docs')) {
    event.respondWith(networkFirst(request));
  }
});
