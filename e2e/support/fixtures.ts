import { test as base, expect, type Page } from '@playwright/test';
import { BUILDS } from './global-setup.ts';
import { startServer, type TestServer } from './server.ts';

/**
 * `server`: one real API + SQLite per worker, serving build A.
 * `baseURL` points at it, so `page.goto('/')` opens the app.
 */
export const test = base.extend<object, { server: TestServer }>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures need the destructuring
    async ({}, use) => {
      const server = await startServer(BUILDS.a);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect };

/** Waits until the service worker controls the page, so offline reloads are served by it. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}
