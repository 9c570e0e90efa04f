import type { Locator, Page } from '@playwright/test';
import {
  acceptPrivacy,
  aboutYou,
  AREA,
  CATALOGUES,
  comment,
  h1,
  pickArea,
  SUMMER,
  start,
  useLanguage,
  walkQuestions,
} from './support/a11y-participant.ts';
import { DEFAULT_IDENTITY } from '../common/identity/index.ts';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { startServer } from './support/server.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * What engines other than axe found (HTML_CodeSniffer, IBM Equal Access, the Nu checker, forced
 * colours, the accessibility tree) and what walking through the app found, one test each, read
 * through what a screen reader or a high-contrast user gets: accessible names, descriptions and
 * states, focus, the `lang` of text, and pixels in forced-colours mode.
 */

const m = CATALOGUES.sv;
test.use({ actionTimeout: 15_000 });

/** The focused element. */
const focused = (page: Page) => page.locator(':focus');

test('a missing "Who are you?" marks every radio invalid and described, is marked required, and the error summary leads to it', async ({
  page,
}) => {
  await walkQuestions(page, m, async () => {});
  const radios = page.getByRole('main').getByRole('group', { name: m['about.group'] }).getByRole('radio');
  await expect(radios).toHaveCount(3);
  // Required, in words and in the accessibility tree.
  await expect(
    page.getByRole('group', { name: `${m['about.group']} (${m['form.required']})` }),
  ).toBeVisible();
  for (const radio of await radios.all()) await expect(radio).toHaveJSProperty('required', true);

  await page.locator('form .send button[type="submit"]').click();
  // Focus goes to the summary, which names the problem as a link ...
  const summary = page.getByRole('region', { name: m['form.errorsTitle'] });
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: m['about.groupRequired'] });
  await expect(link).toBeVisible();
  // ... every radio (not only the group) is invalid and says what is wrong ...
  for (const radio of await radios.all()) {
    await expect(radio).toHaveAttribute('aria-invalid', 'true');
    await expect(radio).toHaveAccessibleDescription(new RegExp(`^${m['about.groupRequired']}`));
  }
  await expectNoViolations(page, 'about you, with the error summary');
  // ... and the link puts focus on the first radio, which reads as invalid there.
  await link.click();
  await expect(page.getByRole('radio', { name: m['group.youth'] })).toBeFocused();
  await expect(focused(page)).toHaveAccessibleDescription(new RegExp(m['about.groupRequired']));
  // Choosing a group takes the error and the summary away.
  await page.getByRole('radio', { name: m['group.youth'] }).check();
  await expect(summary).toHaveCount(0);
  await expect(radios.first()).not.toHaveAttribute('aria-invalid', 'true');
});

test('"Who are you?" offers three groups that do not overlap, no organisations; the proposal asks for the organisation', async ({
  page,
}) => {
  await page.goto(`${SUMMER}/kommentar`);
  await acceptPrivacy(page, m);
  const group = page.getByRole('group', { name: m['about.group'] });
  await expect(group.getByRole('radio')).toHaveCount(3);
  for (const [key, hint] of [
    ['group.youth', 'group.youthHint'],
    ['group.resident', 'group.residentHint'],
    ['group.other', 'group.otherHint'],
  ] as const) {
    await expect(group.getByRole('radio', { name: m[key], exact: true })).toHaveAccessibleDescription(
      m[hint],
    );
  }
  for (const org of ['group.association', 'group.property_owner', 'group.business'] as const)
    await expect(group.getByRole('radio', { name: m[org] })).toHaveCount(0);
  await page.goto('/forslag');
  await expect(page.getByRole('radio', { name: m['orgKind.association'] })).toBeVisible();
});

test('the comment form: a failed send focuses an error summary whose links move focus to each field', async ({
  page,
}) => {
  await page.goto('/kommentar');
  await acceptPrivacy(page, m);
  await page.getByRole('checkbox', { name: m['contact.consent'] }).check();
  await page.getByRole('textbox', { name: m['contact.email'] }).fill('namn@exempel');
  await page.locator('form .send button[type="submit"]').click();
  const summary = page.getByRole('region', { name: m['form.errorsTitle'] });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    m['comment.empty'],
    m['about.groupRequired'],
    m['contact.invalid'],
  ]);
  await expect(page).toHaveURL(/\/kommentar$/);
  await expectNoViolations(page, 'comment, error summary');

  await summary.getByRole('link', { name: m['comment.empty'] }).click();
  const text = page.getByRole('textbox', { name: m['comment.label'] });
  await expect(text).toBeFocused();
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await summary.getByRole('link', { name: m['contact.invalid'] }).click();
  await expect(page.getByRole('textbox', { name: m['contact.email'] })).toBeFocused();
  // Fixed fields leave the summary.
  await text.fill('Fler bänkar i parken.');
  await expect(summary.getByRole('link')).toHaveCount(2);
});

test('the proposal: its organisation radios and area search carry their errors, and the summary lists them', async ({
  page,
}) => {
  await page.goto('/forslag');
  await acceptPrivacy(page, m);
  await page.locator('form .send button[type="submit"]').click();
  const summary = page.getByRole('region', { name: m['form.errorsTitle'] });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: m['proposal.orgKindMissing'] })).toBeVisible();
  await expect(summary.getByRole('link', { name: m['proposal.areasMissing'] })).toBeVisible();
  const kinds = page.getByRole('group', { name: m['proposal.orgKind'] }).getByRole('radio');
  for (const radio of await kinds.all()) {
    await expect(radio).toHaveAttribute('aria-invalid', 'true');
    await expect(radio).toHaveAccessibleDescription(m['proposal.orgKindMissing']);
    await expect(radio).toHaveJSProperty('required', true);
  }
  const search = page.getByRole('searchbox', { name: m['proposal.areasSearch'] });
  await expect(search).toHaveAttribute('aria-invalid', 'true');
  await expect(search).toHaveAccessibleDescription(new RegExp(m['proposal.areasMissing']));
  await summary.getByRole('link', { name: m['proposal.areasMissing'] }).click();
  await expect(search).toBeFocused();
});

test('"Question 2 of 4" is read: focus lands on a heading that says it', async ({ page }) => {
  await page.goto(`${SUMMER}/fragor`);
  await acceptPrivacy(page, m);
  await page.getByRole('main').getByRole('radio').first().check();
  await page.getByRole('button', { name: m['q.next'], exact: true }).click();
  const heading = h1(page);
  await expect(heading).toBeFocused();
  await expect(heading).toHaveAccessibleName(
    new RegExp(`^${m['q.progress'].replace('{n}', '2').replace('{total}', '4')} `),
  );
  // The bar is named by the same words.
  await expect(page.getByRole('progressbar', { name: 'Fråga 2 av 4' })).toHaveAttribute('value', '2');
});

/**
 * The share of pixels that differ between two same-sized PNG screenshots, decoded in the page
 * (no image library in the tests).
 */
async function pixelDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a64, b64]) => {
      const pixels = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d canvas');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const [pa, pb] = [await pixels(a64), await pixels(b64)];
      const n = Math.min(pa.length, pb.length) / 4;
      let differ = 0;
      for (let i = 0; i < n * 4; i += 4) {
        const d =
          Math.abs((pa[i] ?? 0) - (pb[i] ?? 0)) +
          Math.abs((pa[i + 1] ?? 0) - (pb[i + 1] ?? 0)) +
          Math.abs((pa[i + 2] ?? 0) - (pb[i + 2] ?? 0));
        if (d > 48) differ++;
      }
      return differ / n;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/** A screenshot of `box`'s region, without the focus ring (focus is moved away first). */
async function shot(page: Page, box: Locator): Promise<Buffer> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return box.screenshot({ animations: 'disabled' });
}

test('in forced-colours mode a chosen face and a chosen area look chosen', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${SUMMER}/fragor`);
  await acceptPrivacy(page, m);
  // Question 3 is the face scale.
  for (let n = 1; n < 3; n++) await page.getByRole('button', { name: m['q.skip'] }).click();
  // Its words are the question's own ("Mycket svårt … Mycket lätt"): the fourth face, whichever.
  const face = page.locator('label.face').nth(3);
  const before = await shot(page, face);
  await face.getByRole('radio').check();
  const after = await shot(page, face);
  const faceChange = await pixelDifference(page, before, after);
  expect(faceChange, 'share of the face that changes when it is chosen').toBeGreaterThan(0.3);

  await start(page, m);
  await pickArea(page, m);
  await page.getByRole('button', { name: m['area.change'] }).click();
  await page.getByRole('searchbox', { name: m['area.searchLabel'] }).fill('Sofielund');
  const chosen = page.getByRole('button', { name: new RegExp(`^${AREA}`), pressed: true });
  const other = page.getByRole('button', { name: /^Norra Sofielund/, pressed: false });
  await expect(chosen).toBeVisible();
  const chosenShot = await shot(page, chosen);
  const otherShot = await shot(page, other);
  // Two list rows differ in their words anyway (a few per cent); a chosen one in most of its area.
  const areaChange = await pixelDifference(page, chosenShot, otherShot);
  expect(areaChange, 'share of the row that differs between a chosen and another area').toBeGreaterThan(0.3);
  test.info().annotations.push({
    type: 'pixels',
    description: `changed by choosing: face ${faceChange.toFixed(2)}, area row ${areaChange.toFixed(2)}`,
  });
});

test('with no area chosen, the insatser are a few Tab presses after the area search, not 136', async ({
  page,
}) => {
  await start(page, m);
  await page.getByRole('searchbox', { name: m['area.searchLabel'] }).focus();
  const firstCard = page.locator('.card-title a').first();
  let presses = 0;
  while (presses < 8 && !(await firstCard.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab');
    presses++;
  }
  await expect(firstCard).toBeFocused();
  // The list is one stop: Arrow down goes along it, and Enter chooses.
  await page.getByRole('searchbox', { name: m['area.searchLabel'] }).fill('Sofielund');
  await page.keyboard.press('ArrowDown');
  const areas = page.getByRole('list', { name: m['area.listLabel'] }).getByRole('button');
  await expect(areas.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(areas.nth(1)).toBeFocused();
  await expect(areas.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(areas.first()).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('searchbox', { name: m['area.searchLabel'] })).toBeFocused();
});

test('every participant route has a title of its own', async ({ page }) => {
  const titles = new Map<string, string>();
  const visit = async (path: string, ready: Locator) => {
    await page.goto(path);
    await expect(ready).toBeVisible();
    await expect.poll(() => page.title()).not.toBe(DEFAULT_IDENTITY.appName);
    titles.set(path, await page.title());
  };
  await visit('/', h1(page));
  await visit(SUMMER, page.getByRole('link', { name: m['insats.answer'] }));
  await visit(`${SUMMER}/fragor`, page.getByRole('progressbar'));
  await visit(`${SUMMER}/kommentar`, page.getByRole('textbox', { name: m['comment.label'] }));
  await visit('/kommentar', page.getByRole('textbox', { name: m['comment.label'] }));
  await visit(`${SUMMER}/forslag`, h1(page));
  await visit('/forslag', h1(page));
  await visit(`${SUMMER}/vad-vi-hort`, h1(page));
  await visit('/ideer', h1(page));
  await visit('/mina-svar', h1(page));
  await visit('/integritet', h1(page));
  await visit('/tillganglighet', h1(page));
  await visit('/oppna-data', h1(page));
  const byTitle = new Map<string, string[]>();
  for (const [path, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), path]);
  const shared = [...byTitle]
    .filter(([, paths]) => paths.length > 1)
    .map(([t, p]) => `${t}: ${p.join(', ')}`);
  expect(shared).toEqual([]);
});

test('the saved screen says what is true: "being sent" while online and sending, never "when you have internet"', async ({
  page,
  context,
}) => {
  // The server is slow to answer: the item waits, online.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await context.route(/\/api\/submissions/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${SUMMER}/kommentar`);
  await acceptPrivacy(page, m);
  await page.getByRole('textbox', { name: m['comment.label'] }).fill('Mer ljus vid busshållplatsen.');
  await aboutYou(page, m);
  await page.locator('form .send button[type="submit"]').click();
  await page.waitForURL(/\/sparat\//);
  await expect(page.getByText(m['saved.sendingText'])).toBeVisible();
  await expect(page.getByText(m['saved.queuedText'])).toHaveCount(0);
  release();
  await expect(page.getByText(m['saved.sentTitle'])).toBeVisible({ timeout: 20_000 });
  // The tab's title follows: a person coming back to the tab reads "Skickat", not "Sparat".
  await expect(page).toHaveTitle(new RegExp(`^${m['saved.sentTitle']} – `));
});

test('the saved screen, online while the city asks the app to wait: "will try again", not "when you have internet"', async ({
  page,
  context,
}) => {
  await context.route(/\/api\/submissions$/, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 503,
          headers: {
            'content-type': 'application/problem+json',
            'retry-after': '120',
            'kraftsamla-api': '1',
          },
          body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
        })
      : route.continue(),
  );
  await page.goto(`${SUMMER}/kommentar`);
  await acceptPrivacy(page, m);
  await page.getByRole('textbox', { name: m['comment.label'] }).fill('Fler lampor i tunneln.');
  await aboutYou(page, m);
  await page.locator('form .send button[type="submit"]').click();
  await page.waitForURL(/\/sparat\//);
  await expect(page.getByText(m['saved.retryText'])).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(m['saved.queuedText'])).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(m['saved.queuedTitle']);
});

test('"could not get the status" on My input goes once the connection is back', async ({ page, context }) => {
  await comment(page, m, 'Fler papperskorgar vid skolan.');
  await page.goto('/mina-svar');
  await expect(page.getByTestId('sent-list').getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(m['my.receiptsOld'])).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText(m['my.receiptsOld'])).toHaveCount(0, { timeout: 20_000 });
});

test("people's texts carry their own language: a Swedish comment on an Arabic page, an Arabic one in the staff queue", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const server = await startServer(BUILDS.a);
  const contexts = [
    await browser.newContext({ baseURL: server.url, locale: 'sv-SE' }),
    await browser.newContext({ baseURL: server.url, locale: 'sv-SE' }),
  ];
  try {
    const [participantContext, staffContext] = contexts as [
      (typeof contexts)[number],
      (typeof contexts)[number],
    ];
    const SWEDISH = 'Bänkarna vid dammen behöver lagas.';
    const ARABIC = 'نريد ملعبًا أكبر قرب المدرسة.';
    const sv = await participantContext.newPage();
    await comment(sv, m, SWEDISH);
    const ar = await participantContext.newPage();
    await useLanguage(ar, 'ar');
    await comment(ar, CATALOGUES.ar, ARABIC);
    await expect.poll(() => server.storedIds().size, { timeout: 30_000 }).toBe(2);

    await createStaffAccount(server, {
      email: 'lang-moderator@malmo.example',
      password: 'Sex-Röda-Tulpaner-I-Pildammsparken',
      role: 'moderator',
      name: 'Mika Moderator',
    });
    const staff = await staffContext.newPage();
    await signInStaff(
      staff,
      'lang-moderator@malmo.example',
      'Sex-Röda-Tulpaner-I-Pildammsparken',
      '/personal/granska',
    );
    const items = staff.getByTestId('queue-item');
    await expect(items).toHaveCount(2);
    const arabicText = staff.locator('.queue-text').filter({ hasText: ARABIC });
    await expect(arabicText).toHaveAttribute('lang', 'ar');
    await expect(arabicText).toHaveAttribute('dir', 'auto');
    await expect(staff.locator('.queue-text').filter({ hasText: SWEDISH })).toHaveAttribute('lang', 'sv');
    for (const text of [SWEDISH, ARABIC]) {
      const item = items.filter({ hasText: text });
      await item.getByRole('button', { name: /^Godkänn/ }).click();
      await expect
        .poll(
          () =>
            server.query<{ n: number }>(
              "SELECT count(*) AS n FROM submissions WHERE moderation_status = 'approved' AND text = ?",
              text,
            )[0]?.n,
        )
        .toBe(1);
    }

    const page = await participantContext.newPage();
    await useLanguage(page, 'ar');
    await page.goto(`${SUMMER}/vad-vi-hort`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    const heard = page.getByTestId('heard-item');
    await expect(heard).toHaveCount(2);
    await expect(heard.getByText(SWEDISH)).toHaveAttribute('lang', 'sv');
    await expect(heard.getByText(ARABIC)).toHaveAttribute('lang', 'ar');
    await expect(heard.getByText(SWEDISH)).toHaveAttribute('dir', 'auto');
    await expectNoViolations(page, 'what we heard, Arabic, with a Swedish comment');
  } finally {
    for (const c of contexts) await c.close();
    await server.stop();
  }
});
