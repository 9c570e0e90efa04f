import { expect, type Page } from '@playwright/test';
import ar from '../../client/i18n/ar.ts';
import sv, { type Messages } from '../../client/i18n/sv.ts';

/**
 * Participant steps for the accessibility specs, in any language: the names come from the
 * catalogues (client/i18n), so the same walk runs in Swedish and Arabic.
 */
export const CATALOGUES = { sv, ar } as const satisfies Record<string, Messages>;
export type Lang = keyof typeof CATALOGUES;

/** The example insats with one question of every kind (face scale, one choice, several, text). */
export const SUMMER = '/insats/exempel-ung-i-sommar';
/** A delområde every example insats targets. */
export const AREA = 'Södra Sofielund';

/** Makes every new page of the context open in `lang`, as if chosen earlier on the device. */
export async function useLanguage(page: Page, lang: Lang): Promise<void> {
  await page.addInitScript((code) => localStorage.setItem('kraftsamla.lang', code), lang);
}

/** The level-1 heading, once the view is there. */
export function h1(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** Opens the start screen and waits for the area list. */
export async function start(page: Page, m: Messages): Promise<void> {
  await page.goto('/');
  await expect(h1(page)).toHaveText(m['start.title']);
  await expect(page.getByRole('button', { name: new RegExp(`^${AREA}`) })).toBeVisible();
}

/** Filters the area list and chooses `AREA`. */
export async function pickArea(page: Page, m: Messages): Promise<void> {
  await page.getByRole('searchbox', { name: m['area.searchLabel'] }).fill('Sofie');
  await page
    .getByRole('button', { name: new RegExp(`^${AREA}`) })
    .first()
    .click();
  await expect(page.getByText(m['area.chosen'].replace('{name}', AREA))).toBeVisible();
}

/** Clicks "I have read this" when the privacy notice is shown before a first submission. */
export async function acceptPrivacy(page: Page, m: Messages): Promise<void> {
  const accept = page.getByRole('button', { name: m['privacy.accept'] });
  if (await accept.isVisible()) await accept.click();
}

/** The question screens of `SUMMER` one by one: `visit` is called on each, then it is answered. */
export async function walkQuestions(
  page: Page,
  m: Messages,
  visit: (n: number) => Promise<void>,
): Promise<void> {
  await page.goto(`${SUMMER}/fragor`);
  await acceptPrivacy(page, m);
  for (let n = 1; ; n++) {
    const about = page.getByRole('heading', { level: 1, name: m['about.title'] });
    const next = page.getByRole('button', { name: m['q.next'], exact: true });
    await expect(next.or(about).first()).toBeVisible();
    if (await about.isVisible()) return;
    await visit(n);
    const main = page.getByRole('main');
    const textbox = main.getByRole('textbox');
    if (await textbox.count()) await textbox.fill('Fler aktiviteter på kvällarna.');
    else if (await main.getByRole('checkbox').count()) await main.getByRole('checkbox').first().check();
    else await main.getByRole('radio').first().check();
    const before = await h1(page).textContent();
    await next.click();
    await expect(h1(page)).not.toHaveText(before ?? '');
  }
}

/** On "About you" (questions or comment): a young person aged 16–19. */
export async function aboutYou(page: Page, m: Messages): Promise<void> {
  const change = page.getByRole('button', { name: m['about.change'], exact: true });
  if (await change.isVisible()) await change.click();
  await page.getByRole('radio', { name: m['group.youth'] }).check();
  await page.getByRole('radio', { name: m['age.16-19'] }).check();
}

/** Sends the form with its wide submit button and waits for the receipt; returns the id. */
export async function send(page: Page): Promise<string> {
  await page.locator('form .send button[type="submit"]').click();
  await page.waitForURL(/\/sparat\//);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

/** Writes a comment about `SUMMER` as a young person and sends it. */
export async function comment(page: Page, m: Messages, text: string): Promise<string> {
  await page.goto(`${SUMMER}/kommentar`);
  await acceptPrivacy(page, m);
  await page.getByRole('textbox', { name: m['comment.label'] }).fill(text);
  await aboutYou(page, m);
  return send(page);
}
