import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ar from '../client/i18n/ar.ts';
import en from '../client/i18n/en.ts';
import sv from '../client/i18n/sv.ts';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { acceptPrivacyIfAsked, describeYoungPerson, leaveComment } from './support/journeys.ts';
import { startServer, type TestServer } from './support/server.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * Whose app it is: the configured identity in the header, the page title and the manifest,
 * offline too; no participant screen names the internal project ("Kraftsamla"); and the Share
 * button's fallback (copy the link) where the browser has no share sheet.
 */

const SUMMER = 'exempel-ung-i-sommar';
/** Every participant route (with an example insats where one is needed), as a visitor reaches it. */
const ROUTES = [
  '/',
  `/insats/${SUMMER}`,
  `/insats/${SUMMER}/fragor`,
  `/insats/${SUMMER}/kommentar`,
  `/insats/${SUMMER}/vad-vi-hort`,
  `/insats/${SUMMER}/forslag`,
  '/kommentar',
  '/forslag',
  '/ideer',
  '/sparat/not-saved-here',
  '/mina-svar',
  '/integritet',
  '/tillganglighet',
  '/oppna-data',
  '/ingen-sida-har',
];

/** Everything a person can see or hear on the page: text, title and accessible names. */
async function whatOneMeets(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label], [alt], [title], [placeholder]')].map((el) =>
      ['aria-label', 'alt', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join(' '),
    );
    return [document.title, document.body.innerText, ...attrs].join('\n');
  });
}

for (const [code, m] of [
  ['sv', sv],
  ['en', en],
  ['ar', ar],
] as const) {
  test(`no participant screen names Kraftsamla, in ${code}`, async ({ page }) => {
    // Fifteen full loads, on a machine other runs share.
    test.setTimeout(240_000);
    await page.addInitScript((lang) => localStorage.setItem('kraftsamla.lang', lang), code);
    for (const route of ROUTES) {
      await page.goto(route);
      await expect(page.getByRole('heading', { level: 1 }), route).toBeVisible({ timeout: 30_000 });
      // The view's own text, not only the loading state: the header's purpose and a settled title.
      await expect(page.locator('#site-purpose')).not.toBeEmpty();
      await page.waitForLoadState('networkidle');
      const seen = await whatOneMeets(page);
      expect(seen, `${route} in ${code}`).not.toMatch(/kraftsaml/i);
      expect(seen, `${route} in ${code}`).toContain('Malmö stad');
    }
    // The same catalogue the screens used: its words are on the start screen.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m['start.title']);
  });
}

test.describe('a configured identity', () => {
  let server: TestServer;
  let logoDir: string;
  test.beforeAll(async () => {
    logoDir = mkdtempSync(join(tmpdir(), 'identity-logo-'));
    writeFileSync(
      join(logoDir, 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#fff"/><circle cx="5" cy="5" r="4" fill="#1d4e89"/></svg>',
    );
    server = await startServer(BUILDS.a, {
      ORG_NAME: 'Lunds kommun',
      APP_NAME: 'Säg det',
      APP_PURPOSE_SV: 'Tyck till om det som händer i Lund.',
      APP_PURPOSE_EN: 'Have your say about what happens in Lund.',
      APP_PURPOSE_AR: 'قل رأيك في ما يحدث في لوند.',
      THEME_COLOUR: '#1d4e89',
      ORG_LOGO: join(logoDir, 'logo.svg'),
    });
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('names the app in the header, the title and the manifest, and keeps it offline', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto('/');
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'Lunds kommun' })).toBeVisible();
    await expect(banner).toContainText('Tyck till om det som händer i Lund.');
    await expect(page).toHaveTitle(/Säg det$/);
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#1d4e89');
    // The theme colour is the header's, set without an inline style (the CSP allows none).
    await expect(page.locator('.bar')).toHaveCSS('background-color', 'rgb(29, 78, 137)');
    const logo = banner.locator('img.brand-logo');
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    // The manifest the page links to carries the same identity.
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await page.evaluate(async (url) => (await fetch(url ?? '')).json(), href);
    expect(manifest).toMatchObject({
      name: 'Säg det – Lunds kommun',
      short_name: 'Säg det',
      theme_color: '#1d4e89',
      description: 'Tyck till om det som händer i Lund.',
    });
    expect(manifest.icons[0]).toMatchObject({ type: 'image/svg+xml' });
    const icon = await page.evaluate(
      async (src) => (await fetch(src)).headers.get('content-type'),
      manifest.icons[0].src,
    );
    expect(icon).toMatch(/^image\/svg\+xml/);

    // In Arabic the purpose is the Arabic one, and the header reads right to left.
    await page.getByRole('combobox', { name: /Språk/ }).selectOption('ar');
    await expect(banner).toContainText('قل رأيك في ما يحدث في لوند.');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectNoViolations(page, 'start, configured identity, Arabic');

    // Offline, from the service worker: the same header at once, logo included.
    await waitForServiceWorker(page);
    await page.reload();
    await expect(banner).toContainText('قل رأيك في ما يحدث في لوند.');
    await context.setOffline(true);
    await page.reload();
    await expect(banner.getByRole('link', { name: 'Lunds kommun' })).toBeVisible();
    await expect(banner).toContainText('قل رأيك في ما يحدث في لوند.');
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(page.locator('.bar')).toHaveCSS('background-color', 'rgb(29, 78, 137)');
    await context.close();
  });

  test('prints the same identity on the posters', async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const account = {
      email: 'ola.lund@malmo.example',
      password: 'Lunds-Affischer-Sitter-Uppe',
      role: 'moderator' as const,
    };
    await createStaffAccount(server, account);
    await signInStaff(page, account.email, account.password, `/personal/affischer/${SUMMER}`);
    const identity = page.getByTestId('poster-identity');
    await expect(identity).toContainText('Lunds kommun');
    await expect(identity).toContainText('Säg det');
    await expect(page.getByTestId('poster')).toContainText('Tyck till om det som händer i Lund.');
    await context.close();
  });
});

test.describe('sharing', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test.beforeEach(async ({ page }) => {
    // Headless Chromium on Linux has no share sheet; make sure of it, so the fallback is what runs.
    await page.addInitScript(() => {
      Reflect.deleteProperty(Navigator.prototype, 'share');
    });
  });

  test('the Share button on an insats copies its link and says so', async ({ page, server }) => {
    await page.goto(`/insats/${SUMMER}`);
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Dela' }).click();
    await expect(main.getByRole('status').filter({ hasText: sv['share.copied'] })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/insats/${SUMMER}`);
    await expectNoViolations(page, 'insats, link copied');
  });

  test('the saved screen shares the insats and leads to what others said about it', async ({
    page,
    server,
  }) => {
    await page.goto('/');
    await page.goto(`/insats/${SUMMER}/kommentar`);
    await acceptPrivacyIfAsked(page);
    await page.getByRole('textbox', { name: 'Din kommentar' }).fill('Bra med sommarjobb.');
    await describeYoungPerson(page);
    await page.getByRole('button', { name: /skicka kommentaren/i }).click();
    await page.waitForURL(/\/sparat\//);
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Dela' }).click();
    await expect(main.getByRole('status').filter({ hasText: sv['share.copied'] })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/insats/${SUMMER}`);
    await expectNoViolations(page, 'saved, link copied');
    await main.getByRole('link', { name: sv['heard.link'] }).click();
    await expect(page).toHaveURL(new RegExp(`/insats/${SUMMER}/vad-vi-hort$`));
    await expect(page.getByRole('heading', { level: 1, name: sv['heard.title'] })).toBeVisible();
  });

  test('a general comment has nothing to share on the saved screen', async ({ page }) => {
    await page.goto('/');
    await leaveComment(page, 'Mer ljus i parken.');
    await expect(page.getByRole('main').getByRole('button', { name: 'Dela' })).toHaveCount(0);
  });
});

test('the start screen says whose app it is in two short lines, at 360 px in Swedish and Arabic', async ({
  browser,
  server,
}) => {
  test.setTimeout(120_000);
  for (const [code, purpose] of [
    ['sv', 'Säg vad du tycker om ditt område.'],
    ['ar', 'قل رأيك في منطقتك.'],
  ] as const) {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.addInitScript((lang) => localStorage.setItem('kraftsamla.lang', lang), code);
    await page.goto('/');
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'Malmö stad' })).toBeVisible();
    await expect(banner.getByText(purpose)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Södra Sofielund/ })).toBeVisible({ timeout: 30_000 });
    const logo = banner.locator('img.brand-logo');
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    // The organisation on one line and the purpose on one more: the header is two lines high.
    const lines = await page.evaluate(() => {
      const org = document.querySelector('.brand span') as HTMLElement;
      const text = document.getElementById('site-purpose') as HTMLElement;
      const lineHeight = (el: HTMLElement) => Number.parseFloat(getComputedStyle(el).lineHeight);
      return [org.offsetHeight / lineHeight(org), text.offsetHeight / lineHeight(text)].map(Math.round);
    });
    expect(lines).toEqual([1, 1]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `docs/screenshots/start-${code}.png` });
    await context.close();
  }
});
