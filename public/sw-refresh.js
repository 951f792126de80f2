/*
 * Loaded by the service worker (dist/sw.js, made by Workbox in scripts/build-sw.ts). When a new build's
 * worker activates, every page kept for offline use is fetched again, so none refers to the scripts and
 * styles of the build it replaced (those leave the precache). A page that cannot be fetched is kept as is.
 */
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.open('pages').then(async (cache) => {
      const requests = await cache.keys();
      await Promise.allSettled(
        requests.map(async (req) => {
          const res = await fetch(req.url, { cache: 'no-store' });
          if (res.ok) await cache.put(req, res);
        }),
      );
    }),
  );
});
