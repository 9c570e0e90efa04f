import type { Browser, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { expect, test } from '@playwright/test';
import { BUILDS } from './support/global-setup.ts';
import { acceptPrivacyIfAsked, describeYoungPerson } from './support/journeys.ts';
import { startServer, type TestServer } from './support/server.ts';
import { DASHBOARD } from './support/insights.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * Scale questions with their own words, end to end. A phone in Swedish (360×640) answers the
 * example safety question with its words ("Inte alls trygg" … "Mycket trygg"); a moderator then
 * changes the words, which makes version 2; a phone in Arabic answers version 2 with its Arabic
 * words and "don't know". What is stored, the dashboard and the public summary name each answer by
 * the words of the version answered. Screenshots of both phones' scale are written to
 * docs/screenshots/ (scale-sv.png, scale-ar.png); axe finds nothing on any of the screens.
 */

const INSATS = 'exempel-tryggare-malmo';
const QUESTION = 'trygg-kvall';
const QUESTION_TEXT = {
  sv: 'Hur trygg känner du dig i ditt område på kvällen?',
  ar: 'ما مدى شعورك بالأمان في منطقتك في المساء؟',
};
const MODERATOR = {
  email: 'skala.moderator@malmo.example',
  password: 'Fem-Ansikten-Och-Egna-Ord',
  role: 'moderator',
} as const;
/** The words a moderator gives version 2. */
const V2 = {
  min: { sv: 'Aldrig trygg', ar: 'لا أشعر بالأمان أبدًا' },
  middle: { sv: 'Ibland trygg', ar: 'أحيانًا أشعر بالأمان' },
  max: { sv: 'Alltid trygg', ar: 'أشعر بالأمان دائمًا' },
};

/**
 * A server of its own (its counts are exactly this test's). On a machine this busy the first
 * start can miss the health check's 30 s; a second try is the same server on a fresh database.
 */
async function ownServer(): Promise<TestServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServer(BUILDS.a);
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

async function phone(browser: Browser, server: TestServer, locale: string) {
  return browser.newContext({
    baseURL: server.url,
    locale,
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 360, height: 640 },
  });
}

/** Skips questions until the scale question's heading shows. */
async function toScaleQuestion(page: Page, heading: string, skip: string, accept?: string): Promise<void> {
  await page.goto(`/insats/${INSATS}/fragor`);
  if (accept === undefined) await acceptPrivacyIfAsked(page);
  else {
    const button = page.getByRole('button', { name: accept });
    if (await button.isVisible()) await button.click();
  }
  const scale = page.getByRole('heading', { level: 1, name: heading });
  for (let i = 0; i < 4 && !(await scale.isVisible()); i++) {
    const before = await page.getByRole('heading', { level: 1 }).textContent();
    await page.getByRole('button', { name: skip, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(before ?? '');
  }
  await expect(scale).toBeVisible();
}

/** The names of the radios on the screen, in order. */
const radioNames = async (page: Page) =>
  page
    .getByRole('main')
    .getByRole('radio')
    .evaluateAll((radios) =>
      radios.map((r) => {
        const label = r.closest('label');
        return (label?.textContent ?? '').trim();
      }),
    );

/** The stored answer values of `question`, by version (the server's truth, read from its file). */
function stored(server: TestServer): { version: number; value: string }[] {
  return server.query<{ version: number; value: string }>(
    'SELECT question_version AS version, value FROM submission_answers WHERE question_id = ? ORDER BY question_version',
    QUESTION,
  );
}

test('the words of each version of a scale question are shown, sent and summarised', async ({ browser }) => {
  test.setTimeout(600_000);
  const server = await ownServer();
  const sv = await phone(browser, server, 'sv-SE');
  const ar = await phone(browser, server, 'ar');
  const staffContext = await browser.newContext({
    baseURL: server.url,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  try {
    // --- Version 1 on a Swedish phone: the question's own words, not the generic ones.
    const device = await sv.newPage();
    await toScaleQuestion(device, QUESTION_TEXT.sv, 'Hoppa över');
    const main = device.getByRole('main');
    for (const name of ['Inte alls trygg', 'Mittemellan', 'Mycket trygg', 'Vet inte'])
      await expect(main.getByRole('radio', { name, exact: true })).toBeVisible();
    // Steps 2 and 4 have no words: the face alone, named by its place.
    await expect(main.getByRole('radio', { name: '2 av 5', exact: true })).toHaveCount(1);
    await expect(main.getByRole('radio', { name: '4 av 5', exact: true })).toHaveCount(1);
    await expect(main.getByText('Jättebra')).toHaveCount(0);
    expect(await radioNames(device)).toEqual([
      'Inte alls trygg',
      '2 av 5',
      'Mittemellan',
      '4 av 5',
      'Mycket trygg',
      'Vet inte',
    ]);
    await expectNoViolations(device, 'scale question v1 (sv, 360×640)');
    expect(await device.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await device.screenshot({ path: 'docs/screenshots/scale-sv.png', fullPage: true });
    await main.getByRole('radio', { name: 'Mycket trygg', exact: true }).check();
    await device.getByRole('button', { name: 'Nästa' }).click();
    await device.getByRole('button', { name: 'Hoppa över', exact: true }).click();
    await expect(device.getByRole('heading', { level: 1, name: 'Om dig' })).toBeVisible();
    await describeYoungPerson(device);
    await device.getByRole('button', { name: /skicka svaren/i }).click();
    await device.waitForURL(/\/sparat\//);
    await expect.poll(() => stored(server), { timeout: 20_000 }).toEqual([{ version: 1, value: '5' }]);

    // --- A moderator changes the words: the question has answers, so this is version 2.
    await createStaffAccount(server, MODERATOR);
    const staff = await staffContext.newPage();
    await signInStaff(staff, MODERATOR.email, MODERATOR.password, `/personal/insatser/${INSATS}`);
    await staff.getByRole('button', { name: 'Ändra fråga 3', exact: true }).click();
    const form = `#q-${QUESTION}`;
    await expect(staff.locator(`${form}-scale-min-sv`)).toHaveValue('Inte alls trygg');
    await expect(staff.locator(`${form}-dont-know`)).toBeChecked();
    await staff.locator(`${form}-scale-min-sv`).fill(V2.min.sv);
    await staff.locator(`${form}-scale-min-ar`).fill(V2.min.ar);
    await staff.locator(`${form}-scale-middle-1-sv`).fill(V2.middle.sv);
    await staff.locator(`${form}-scale-middle-1-ar`).fill(V2.middle.ar);
    await staff.locator(`${form}-scale-max-sv`).fill(V2.max.sv);
    await staff.locator(`${form}-scale-max-ar`).fill(V2.max.ar);
    await expectNoViolations(staff, 'question editor with scale words');
    await staff.getByRole('button', { name: 'Spara frågan' }).click();
    await expect(staff.getByTestId('questions-status')).toHaveText('Frågan är sparad.');
    await expect(staff.locator('.question-list > li').nth(2)).toContainText('version 2');

    // --- Version 2 on an Arabic phone: its Arabic words, and "don't know" chosen.
    const arDevice = await ar.newPage();
    await toScaleQuestion(arDevice, QUESTION_TEXT.ar, 'تخطَّ', 'قرأت هذا');
    const arMain = arDevice.getByRole('main');
    expect(await radioNames(arDevice)).toEqual([
      V2.min.ar,
      '2 من 5',
      V2.middle.ar,
      '4 من 5',
      V2.max.ar,
      'لا أعرف',
    ]);
    await expectNoViolations(arDevice, 'scale question v2 (ar, 360×640)');
    expect(await arDevice.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await arDevice.screenshot({ path: 'docs/screenshots/scale-ar.png', fullPage: true });
    await arMain.getByRole('radio', { name: 'لا أعرف', exact: true }).check();
    await arDevice.getByRole('button', { name: 'التالي' }).click();
    await arDevice.getByRole('button', { name: 'تخطَّ', exact: true }).click();
    await arDevice.getByRole('radio', { name: 'شاب أو شابة' }).check();
    await arDevice.getByRole('button', { name: /أرسل الإجابات/ }).click();
    await arDevice.waitForURL(/\/sparat\//);
    await expect
      .poll(() => stored(server), { timeout: 20_000 })
      .toEqual([
        { version: 1, value: '5' },
        { version: 2, value: '"dont-know"' },
      ]);

    // --- The dashboard: each version's counts by its own words, "don't know" apart.
    await staff.goto(`${DASHBOARD.path}?insats=${INSATS}`);
    const v1 = staff.getByTestId(`answers-${QUESTION}-1`);
    const v2 = staff.getByTestId(`answers-${QUESTION}-2`);
    await expect(v1.locator('tbody tr[data-key="5"] th')).toHaveText('5 – Mycket trygg');
    await expect(v1.locator('tbody tr[data-key="5"] td').first()).toHaveText('1');
    await expect(v2.locator('tbody tr[data-key="1"] th')).toHaveText(`1 – ${V2.min.sv}`);
    await expect(v2.locator('tbody tr[data-key="dont-know"] th')).toHaveText('Vet inte');
    await expect(v2.locator('tbody tr[data-key="dont-know"] td').first()).toHaveText('1');
    await expect(v2.locator('tbody tr[data-key="5"] td').first()).toHaveText('0');
    await expectNoViolations(staff, 'dashboard with scale words per version');

    // --- The public summary, on both phones: every version with its own words.
    await device.goto(`/insats/${INSATS}/vad-vi-hort`);
    const summary = device.locator('.answer-summary');
    const tableOf = (page: Page, words: string) =>
      page
        .locator('.answer-summary table')
        .filter({ has: page.getByRole('rowheader', { name: words, exact: true }) });
    await expect(tableOf(device, V2.max.sv).getByRole('rowheader')).toHaveText([
      V2.min.sv,
      '2 av 5',
      V2.middle.sv,
      '4 av 5',
      V2.max.sv,
      'Vet inte',
    ]);
    await expect(tableOf(device, 'Mycket trygg').getByRole('rowheader')).toHaveText([
      'Inte alls trygg',
      '2 av 5',
      'Mittemellan',
      '4 av 5',
      'Mycket trygg',
      'Vet inte',
    ]);
    await expect(tableOf(device, 'Mycket trygg').locator('caption')).toContainText(
      'En äldre version av frågan',
    );
    await expect(summary).toBeVisible();
    await expectNoViolations(device, 'public summary with scale words (sv)');
    await arDevice.goto(`/insats/${INSATS}/vad-vi-hort`);
    await expect(tableOf(arDevice, V2.max.ar).getByRole('rowheader')).toHaveText([
      V2.min.ar,
      '2 من 5',
      V2.middle.ar,
      '4 من 5',
      V2.max.ar,
      'لا أعرف',
    ]);
    await expect(tableOf(arDevice, 'أشعر بأمان كبير')).toHaveCount(1);
    await expectNoViolations(arDevice, 'public summary with scale words (ar)');
  } finally {
    await Promise.all([sv.close(), ar.close(), staffContext.close()]);
    await server.stop();
  }
});
