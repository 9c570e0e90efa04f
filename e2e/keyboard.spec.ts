import type { Page } from '@playwright/test';
import { CATALOGUES, SUMMER } from './support/a11y-participant.ts';
import { expectFocusVisible, expectHeadingFocused, isFocused, tabTo } from './support/a11y-keyboard.ts';
import { expect, test } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { commentOnInsats } from './support/moderation.ts';
import { startServer } from './support/server.ts';
import { createStaffAccount, STAFF } from './support/staff.ts';

/**
 * Issue 9, "What it must show" 2: keyboard-only journeys. Only Tab, Shift+Tab, Enter, Space and
 * the arrow keys, and typing into the focused field; locators are read, never clicked. Every
 * stop shows a focus ring, and every new view puts focus on its heading.
 */

const m = CATALOGUES.sv;
const COMMENT = 'Fler bänkar vid fotbollsplanen, tack.';

/** Moves focus into the current question's control and answers it, whatever its kind. */
async function answerFocusedQuestion(page: Page): Promise<string> {
  await page.keyboard.press('Tab');
  await expectFocusVisible(page);
  const kind = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.tagName === 'TEXTAREA' ? 'text' : (el?.type ?? 'none');
  });
  if (kind === 'text') await page.keyboard.type('Jobb nära där jag bor.');
  else if (kind === 'radio') {
    // In a radio group the arrows move the choice; Space chooses the focused one.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await expect(page.locator('main input[type="radio"]:checked')).toHaveCount(1);
  } else if (kind === 'checkbox') {
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.locator('main input[type="checkbox"]:checked')).toHaveCount(2);
  } else throw new Error(`unexpected control after the question heading: ${kind}`);
  return kind;
}

test('a participant chooses an area, answers every question, comments and finds it in My input, by keyboard only', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: m['start.title'] })).toBeVisible();
  const main = page.getByRole('main');

  // The skip link is the first stop, and shows itself.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: m['app.skip'] })).toBeFocused();
  await expectFocusVisible(page);

  // The map is one tab stop and lets focus go on, both ways.
  const mapButton = main.getByRole('button', { name: m['area.viewMap'] });
  await tabTo(page, mapButton);
  await page.keyboard.press('Enter');
  const map = main.getByRole('group', { name: m['map.label'] });
  await expect(map).toBeVisible();
  const mapStop = map.locator('[tabindex="0"]');
  await tabTo(page, mapStop);
  await page.keyboard.press('ArrowRight');
  await expect(map.locator(':focus')).toHaveCount(1);
  // One more Tab leaves the areas (to the zoom buttons below them).
  await page.keyboard.press('Tab');
  await expect(map.locator(':focus')).toHaveCount(0);
  await expect(main.getByRole('button', { name: m['map.zoomIn'] })).toBeFocused();
  await tabTo(page, mapButton, { back: true });
  const listButton = main.getByRole('button', { name: m['area.viewList'] });
  await tabTo(page, listButton, { back: true, max: 2 });
  await page.keyboard.press('Enter');

  // The list: search, then choose.
  await tabTo(page, main.getByRole('searchbox', { name: m['area.searchLabel'] }), { max: 5 });
  await page.keyboard.type('Sofie');
  // The list is one tab stop (136 areas would come before the insatser); the arrows move in it.
  await tabTo(page, main.getByRole('list', { name: m['area.listLabel'] }).locator('[tabindex="0"]'), {
    max: 5,
  });
  const sodra = main.getByRole('button', { name: /^Södra Sofielund/ });
  for (let i = 0; i < 5 && !(await isFocused(sodra)); i++) await page.keyboard.press('ArrowDown');
  await expect(sodra).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(main.getByText('Ditt område: Södra Sofielund')).toBeVisible();
  await expect(main.locator('.chosen-text')).toBeFocused();

  // The insats, then every question (one of each kind).
  await tabTo(page, main.getByRole('link', { name: /^Exempel: Ung i sommar/ }));
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Exempel: Ung i sommar');
  await tabTo(page, main.getByRole('link', { name: m['insats.answer'] }));
  await page.keyboard.press('Enter');
  const accept = main.getByRole('button', { name: m['privacy.accept'] });
  const next = main.getByRole('button', { name: m['q.next'], exact: true });
  await expect(next.or(accept).first()).toBeVisible();
  if (await accept.isVisible()) {
    await tabTo(page, accept);
    await page.keyboard.press('Enter');
  }
  const kinds: string[] = [];
  for (let n = 1; n <= 4; n++) {
    await expect(main.getByText(`Fråga ${n} av 4`)).toBeVisible();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeFocused();
    const title = (await heading.textContent()) ?? '';
    kinds.push(await answerFocusedQuestion(page));
    await tabTo(page, next, { max: 8 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title);
  }
  expect(new Set(kinds)).toEqual(new Set(['radio', 'checkbox', 'text']));

  // About you: "Ung person" is the first choice of its group.
  await expectHeadingFocused(page, m['about.title']);
  await tabTo(page, main.getByRole('radio', { name: m['group.youth'] }), { max: 5 });
  await page.keyboard.press('Space');
  await expect(main.getByRole('radio', { name: m['group.youth'] })).toBeChecked();
  await tabTo(page, main.getByRole('button', { name: /skicka svaren/i }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/sparat\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // A comment about the same insats.
  await tabTo(page, main.getByRole('link', { name: m['saved.more'] }));
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, m['start.title']);
  await tabTo(page, main.getByRole('link', { name: /^Exempel: Ung i sommar/ }));
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Exempel: Ung i sommar');
  await tabTo(page, main.getByRole('link', { name: m['insats.comment'] }));
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, m['comment.title']);
  await tabTo(page, main.getByRole('textbox', { name: m['comment.label'] }), { max: 3 });
  await page.keyboard.type(COMMENT);
  await tabTo(page, main.getByRole('button', { name: /skicka kommentaren/i }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/sparat\//);

  // My input lists it.
  await tabTo(page, main.getByRole('link', { name: m['saved.myInput'] }));
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, m['my.title']);
  await expect(main.getByRole('listitem').filter({ hasText: COMMENT })).toBeVisible();
});

const MODERATOR = {
  email: 'tangent-moderator@malmo.example',
  password: 'Nio-Tysta-Tangenter-Vid-Havet',
  role: 'moderator',
} as const;

test('a moderator signs in, approves one item and rejects another with a reason, by keyboard only', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const server = await startServer(BUILDS.a);
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  try {
    await createStaffAccount(server, MODERATOR);
    const participant = await context.newPage();
    await participant.goto('/');
    await commentOnInsats(participant, SUMMER, 'Bänkarna vid dammen behöver lagas.');
    await commentOnInsats(participant, SUMMER, 'Köp skor i min butik.');
    await expect.poll(() => server.storedIds().size, { timeout: 30_000 }).toBe(2);
    await participant.close();

    const page = await context.newPage();
    await page.goto('/personal');
    const main = page.getByRole('main');
    await expect(page.getByRole('heading', { level: 1, name: STAFF.signInHeading })).toBeVisible();
    await tabTo(page, main.getByLabel(STAFF.email), { max: 10 });
    await page.keyboard.type(MODERATOR.email);
    await tabTo(page, main.getByLabel(STAFF.password, { exact: true }), { max: 3 });
    await page.keyboard.type(MODERATOR.password);
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, STAFF.homeHeading);

    await tabTo(
      page,
      page.getByRole('navigation', { name: STAFF.nav }).getByRole('link', { name: 'Granska' }),
      {
        back: true,
      },
    );
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Granska');
    const item = (text: string) => page.getByTestId('queue-item').filter({ hasText: text });
    const benches = item('Bänkarna vid dammen');
    const shop = item('Köp skor');
    await expect(page.getByTestId('queue-item')).toHaveCount(2);

    await tabTo(page, benches.getByRole('button', { name: /^Godkänn Kommentar/ }), { max: 120 });
    await page.keyboard.press('Enter');
    await expect(benches.getByTestId('item-status')).toHaveText('Godkänd');

    const reject = shop.getByRole('button', { name: /^Avslå Kommentar/ });
    if (!(await isFocused(reject))) await tabTo(page, reject, { max: 60 });
    await page.keyboard.press('Enter');
    // The button opens the reason form right after itself (a disclosure): Tab goes into it.
    await expect(reject).toHaveAttribute('aria-expanded', 'true');
    const form = shop.getByTestId('reason-form');
    await tabTo(page, form.getByLabel('Skäl', { exact: true }), { max: 8 });
    // A closed select takes the arrow keys: the first template.
    await page.keyboard.press('ArrowDown');
    await expect(form.getByLabel('Skäl', { exact: true })).not.toHaveValue('');
    await tabTo(page, form.getByLabel('Eget skäl (valfritt)'), { max: 3 });
    await page.keyboard.type('Reklam hör inte hit.');
    await tabTo(page, form.getByRole('button', { name: 'Avslå med skälet' }), { max: 3 });
    await page.keyboard.press('Enter');
    await expect(shop.getByTestId('item-status')).toHaveText('Avslagen');
    await expect(page.getByTestId('queue-status')).toHaveText('1 avslagna.');
  } finally {
    await context.close();
    await server.stop();
  }
});
