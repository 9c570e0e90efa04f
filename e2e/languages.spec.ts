import { existsSync } from 'node:fs';
import type { Messages } from '../client/i18n/sv.ts';
import { aboutYou, acceptPrivacy, h1, SUMMER, walkQuestions } from './support/a11y-participant.ts';
import { expectNoViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * Every participant route in Sorani (right to left), Somali and easy-read Swedish, on a 320 px
 * wide phone: no axe violations (WCAG 2.0/2.1 A and AA) and no sideways scrolling. Modelled on
 * a11y.spec.ts and arabic.spec.ts. A language whose catalogue file is not there yet is skipped.
 * The saved screen comes last: it needs answers sent, which the walk through the questions does.
 */

const LANGUAGES = [
  { code: 'ckb', dir: 'rtl' },
  { code: 'so', dir: 'ltr' },
  { code: 'sv-x-lattlast', dir: 'ltr' },
] as const;

const ROUTES = [
  '/',
  SUMMER,
  `${SUMMER}/fragor`,
  `${SUMMER}/kommentar`,
  `${SUMMER}/vad-vi-hort`,
  `${SUMMER}/forslag`,
  '/kommentar',
  '/forslag',
  '/ideer',
  '/mina-svar',
  '/integritet',
  '/tillganglighet',
  '/oppna-data',
];

test.use({ actionTimeout: 15_000, viewport: { width: 320, height: 640 } });

for (const { code, dir } of LANGUAGES) {
  const file = new URL(`../client/i18n/${code}.ts`, import.meta.url);
  test(`every participant route at 320 px, axe clean, no sideways scrolling (${code})`, async ({ page }) => {
    test.skip(!existsSync(file), `client/i18n/${code}.ts is not on this branch yet`);
    test.setTimeout(300_000);
    const m = ((await import(file.href)) as { default: Messages }).default;
    await page.addInitScript((lang) => localStorage.setItem('kraftsamla.lang', lang), code);
    const check = async (route: string) => {
      await expect(h1(page).first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expectNoViolations(page, `${route} (${code})`);
      const sideways = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect([route, sideways]).toEqual([route, 0]);
    };
    for (const route of ROUTES) {
      await page.goto(route);
      await acceptPrivacy(page, m);
      await check(route);
    }
    // The saved screen, after answering the questions in this language.
    await page.goto(`${SUMMER}/fragor`);
    await walkQuestions(page, m, async () => {});
    await aboutYou(page, m);
    await page.locator('form .send button[type="submit"]').click();
    await page.waitForURL(/\/sparat\//);
    await expect(
      page.getByRole('status').getByText(m['saved.sentTitle']).or(page.getByText(m['saved.queuedTitle'])),
    ).toBeVisible();
    await check('/sparat/:id');
  });
}
