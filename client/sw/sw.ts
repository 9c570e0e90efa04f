/**
 * The service worker (built by vite-plugin-pwa `injectManifest` as ONE classic script, /sw.js).
 *
 * - Staff pages (/personal…) always come from the network; offline, a plain page says they need it.
 * - Precaches the app shell (every JS, CSS and HTML file of this build) and serves every navigation
 *   (deep links included) from the precached index.html, so the app opens with no connection.
 * - Keeps the last catalogue (GET /api/insatser*, /api/areas, /api/areas/map, and the privacy
 *   contact and the deployment's identity with its logo): network first with a
 *   short timeout, the cached copy when the network fails. Online, the browser revalidates with the
 *   ETag, so an unchanged map costs a 304. All of them are fetched at install, the map too (~14 KB
 *   gzip, once): "Use my position" names the area from it on the device, and must work offline
 *   after a first visit on which the map was never opened.
 * - Background Sync (`sync` event, Chromium): runs the same syncOutbox as the page, under the same
 *   cross-tab lock, honouring the same stored Retry-After, and tells every open page what it does
 *   (so a page never says "could not send" while this worker is sending fine).
 * - Every request it makes has a time limit: the sync's own (client/sync), 8 s for the catalogue at
 *   install, 4 s before the catalogue falls back to the cache, 15 s for a short link's redirect.
 * - Updates: a new version WAITS until the page sends {type: 'SKIP_WAITING'} (the person pressed
 *   "Update"). The outbox lives in IndexedDB, which nothing here deletes.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  matchPrecache,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { post, type SyncPhase } from '../channel/index.ts';
import { outbox } from '../outbox/index.ts';
import { syncOutbox } from '../sync/index.ts';
import { timed } from '../sync/timeout.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

const BUILD_ID = __BUILD_ID__;
const SYNC_TAG = 'kraftsamla-outbox';
const CATALOGUE_CACHE = 'kraftsamla-catalogue';
const CATALOGUE_URLS = ['/api/areas', '/api/areas/map', '/api/insatser', '/api/privacy', '/api/identity'];

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Take control of pages opened before the first install (no effect on updates: they still wait).
clientsClaim();

// A poster's short link (/i/…) is the server's redirect while online; offline, the app shell,
// whose router does the same redirect (client/routes/insats/short-link.tsx).
const SHORT_LINK = /^\/i\//;

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api(\/|$)/, /^\/healthz$/, /^\/personal(\/|$)/, SHORT_LINK],
  }),
);

registerRoute(
  ({ url, request }) =>
    request.mode === 'navigate' && url.origin === self.location.origin && SHORT_LINK.test(url.pathname),
  async ({ request }) => {
    // A short link is one small redirect: 15 s without it means the network is not there.
    const timer = timed(15_000);
    try {
      return await fetch(request, { signal: timer.signal });
    } catch {
      return (await matchPrecache('/index.html')) ?? Response.error();
    } finally {
      timer.clear();
    }
  },
);

// Staff pages (/personal…) are never served from the cache: they show what is on the server now.
// Without a network the browser's own error page would be all there is; instead a plain page
// says, in Swedish and English, that they need the network. Participant pages are not affected.
const STAFF_PAGES = /^\/personal(\/|$)/;
const STAFF_OFFLINE_PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ingen anslutning – Kraftsamla personal</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
a{color:#0b5d4b}</style></head>
<body><main><h1>Personalsidorna behöver nätverket</h1>
<p>Den här datorn har ingen anslutning just nu. Personalsidorna visar det som finns på servern och fungerar inte utan nätverk. Inget du har sparat tidigare försvinner.</p>
<p><a href="">Försök igen</a></p>
<div lang="en"><h2>Staff pages need the network</h2>
<p>This computer has no connection right now. The staff pages show what is on the server and do not work offline.</p>
<p><a href="">Try again</a></p></div></main></body></html>`;

registerRoute(
  ({ url, request }) =>
    request.mode === 'navigate' && url.origin === self.location.origin && STAFF_PAGES.test(url.pathname),
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return new Response(STAFF_OFFLINE_PAGE, {
        status: 503,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    }
  },
);

const isCatalogue = (url: URL) =>
  url.origin === self.location.origin &&
  (url.pathname === '/api/areas' ||
    url.pathname === '/api/areas/map' ||
    url.pathname === '/api/privacy' ||
    url.pathname === '/api/identity' ||
    url.pathname === '/api/identity/logo.svg' ||
    url.pathname === '/api/insatser' ||
    url.pathname.startsWith('/api/insatser/'));

registerRoute(
  ({ url, request }) => request.method === 'GET' && isCatalogue(url),
  new NetworkFirst({
    cacheName: CATALOGUE_CACHE,
    networkTimeoutSeconds: 4,
    matchOptions: { ignoreVary: true },
  }),
);

function timeoutSignal(ms: number): AbortSignal | undefined {
  if (typeof AbortController === 'undefined') return undefined;
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}

// Fill the catalogue cache at install, so a page that was open before this worker controlled it
// still finds the catalogue offline. Never fails the install.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CATALOGUE_CACHE).then((cache) =>
      Promise.all(
        CATALOGUE_URLS.map((url) =>
          fetch(url, { credentials: 'same-origin', signal: timeoutSignal(8000) })
            .then(async (response) => {
              if (!response.ok) return;
              // The header shows the logo the identity names: keep it with the identity.
              if (url === '/api/identity') await cacheLogo(cache, response.clone());
              await cache.put(url, response);
            })
            .catch(() => undefined),
        ),
      ),
    ),
  );
});

async function cacheLogo(cache: Cache, identity: Response): Promise<void> {
  const { logoUrl } = (await identity.json()) as { logoUrl?: unknown };
  if (typeof logoUrl !== 'string' || !logoUrl.startsWith('/')) return;
  const logo = await fetch(logoUrl, { credentials: 'same-origin', signal: timeoutSignal(8000) });
  if (logo.ok) await cache.put(logoUrl, logo);
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  else if (data?.type === 'GET_BUILD_ID') event.ports[0]?.postMessage({ buildId: BUILD_ID });
});

function announce(phase: SyncPhase, retryAt?: number) {
  post(
    retryAt === undefined
      ? { type: 'sync-state', phase, at: Date.now() }
      : { type: 'sync-state', phase, at: Date.now(), retryAt },
  );
}

self.addEventListener('sync', (event) => {
  const e = event as SyncEvent;
  if (e.tag !== SYNC_TAG) return;
  e.waitUntil(
    syncOutbox({ fetch: (input, init) => fetch(input, init), outbox, announce }).then((result) => {
      // Rejecting asks the browser to try this sync again later.
      if (result.outcome === 'retry' || result.outcome === 'waiting')
        throw new Error(`sync incomplete: ${result.error ?? result.outcome}`);
    }),
  );
});
