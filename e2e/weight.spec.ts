import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { openStart } from './support/journeys.ts';

/**
 * The participant's first load, in compressed bytes, may not exceed this: what it was before the
 * start screen learnt whose app it is, where you are and the map (36.6 KB; 1 KB = 1000 bytes here),
 * so those came without weighing on a phone. The Swedish of later screens is what made the room.
 */
const BUDGET_BYTES = 36_600;

test('the start screen is usable after at most 36.6 KB of compressed HTML, JS and CSS on a cold load', async ({
  browser,
  server,
}) => {
  // A fresh context: empty HTTP cache, no service worker.
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const counted: { url: string; type: string; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  let counting = true;
  page.on('requestfinished', (request) => {
    const type = request.resourceType();
    if (!['document', 'script', 'stylesheet'].includes(type) && request.url().indexOf('/api/') === -1) return;
    pending.push(
      request
        .sizes()
        .then((sizes) => {
          counted.push({ url: new URL(request.url()).pathname, type, bytes: sizes.responseBodySize });
        })
        // A request that finishes while the context closes, after the count, is not counted:
        // unhandled, its rejected sizes() would fail the run outside any test. Before, it fails.
        .catch((error: unknown) => {
          if (counting) throw error;
        }),
    );
  });
  await openStart(page);
  // What the page fetches right after (the service worker bridge, the outbox, the scheduler: on
  // idle) is part of the first load too: counted whether or not it finished before the screen did.
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  counting = false;
  const shell = counted.filter((r) => r.type !== 'fetch' && r.type !== 'xhr' && !r.url.startsWith('/api/'));
  const total = shell.reduce((sum, r) => sum + r.bytes, 0);
  const data = counted.filter((r) => r.url.startsWith('/api/'));
  console.log(
    `first load: ${(total / 1000).toFixed(1)} KB compressed HTML+JS+CSS (budget ${BUDGET_BYTES / 1000} KB)\n` +
      shell
        .map((r) => `  ${r.type.padEnd(10)} ${(r.bytes / 1000).toFixed(1).padStart(6)} KB  ${r.url}`)
        .join('\n') +
      `\n  + data: ${data.map((r) => `${r.url} ${(r.bytes / 1000).toFixed(1)} KB`).join(', ')}`,
  );
  // Every other chunk of the build loads later, when a screen or feature needs it (gzip -9 here).
  // Each is listed with its size, and whether the service worker precaches it (so it opens offline).
  const assets = join(BUILDS.a, 'assets');
  const sw = readFileSync(join(BUILDS.a, 'sw.js'), 'utf8');
  const lazy = readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f) && !shell.some((r) => r.url === `/assets/${f}`))
    .map((f) => ({
      f,
      bytes: gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
      precached: sw.includes(`assets/${f}`),
    }))
    .sort((a, b) => b.bytes - a.bytes);
  const lazyTotal = lazy.reduce((sum, c) => sum + c.bytes, 0);
  console.log(
    `loaded lazily, when needed (gzip -9; * = precached by the service worker for offline use):\n${lazy
      .map((c) => `  ${(c.bytes / 1000).toFixed(1).padStart(6)} KB ${c.precached ? '*' : ' '} ${c.f}`)
      .join('\n')}\n  ${lazy.length} chunks, ${(lazyTotal / 1000).toFixed(1)} KB in all`,
  );
  // The language catalogues, the Swedish of every later screen and the accessibility statement
  // are not in the first load, but are precached: a language chosen offline, or a screen or the
  // statement opened offline, still works.
  for (const name of ['en-', 'ar-', 'later-', 'accessibility-']) {
    const chunks = lazy.filter((c) => c.f.startsWith(name) && c.f.endsWith('.js'));
    expect(chunks.map((c) => [c.f, c.precached])).toEqual([[expect.stringMatching(name), true]]);
  }
  // Staff screens are the one part phones do not precache (they need the network anyway): no
  // script of theirs, whichever screen (vite.config.ts names them staff-…).
  expect(lazy.filter((c) => c.f.startsWith('staff-') && c.f.endsWith('.js') && c.precached)).toEqual([]);
  expect(lazy.filter((c) => c.f.startsWith('staff-') && c.f.endsWith('.js')).length).toBeGreaterThan(5);
  // The map (component and styles; its data too) is fetched only when someone opens it.
  expect(lazy.filter((c) => c.f.startsWith('map-picker-')).length).toBeGreaterThan(0);
  // So are the staff screens (script and styles), only when staff open /personal.
  expect(lazy.filter((c) => c.f.startsWith('staff-app-')).length).toBe(2);
  // The posters, with the QR code generator, load only within those (never for participants).
  expect(lazy.filter((c) => /^(staff-)?posters-/.test(c.f)).length).toBe(2);
  expect(shell.some((r) => r.type === 'script')).toBe(true);
  expect(total, `first load is ${total} bytes, over the ${BUDGET_BYTES}-byte budget`).toBeLessThanOrEqual(
    BUDGET_BYTES,
  );
  await context.close();
});

test('the accessibility statement and the Arabic catalogue open with no connection after one visit', async ({
  page,
  context,
}) => {
  await openStart(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  // Reached from the footer of every page, in Swedish...
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighet i appen' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Digg/ })).toHaveAttribute(
    'href',
    'https://www.digg.se/anmal-bristande-tillganglighet',
  );
  // ...and, switched to Arabic while offline, from the precached catalogue.
  await page.getByRole('combobox', { name: /Språk/ }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'إمكانية الوصول في هذا التطبيق' })).toBeVisible();
  // A deep link, reloaded offline, is served by the service worker.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'إمكانية الوصول في هذا التطبيق' })).toBeVisible();
});
