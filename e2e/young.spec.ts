import type { Page } from '@playwright/test';
import {
  acceptPrivacy,
  aboutYou,
  CATALOGUES,
  expectPhoneFriendly,
  expectPhoneFriendlyAtBothSizes,
  h1,
  type Lang,
  pickArea,
  SUMMER,
  send,
  start,
  useLanguage,
  walkQuestions,
} from './support/a11y-participant.ts';
import { expectNoViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import { acceptPrivacyIfAsked, openStart } from './support/journeys.ts';

/**
 * Issue 7, "Young people first": the question flow for a 13-year-old on a small phone. Every
 * screen is checked for sideways scrolling, for tap targets under 44×44 CSS px and for targets
 * closer than 8 px (e2e/support/a11y-participant.ts), and every participant route at 320 px and
 * at 200 % text.
 */
test.use({ viewport: { width: 360, height: 640 } });

const PRAO = '/insats/exempel-prao-ar-8';
/** The h1 text of the current screen, once it is there. */
async function heading(page: Page): Promise<string> {
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toBeVisible();
  return ((await h1.textContent()) ?? '').trim();
}

/** On a question screen: checks the progress line and bar, and that skipping is offered. */
async function expectQuestionScreen(page: Page, n: number, total: number, progress: string): Promise<void> {
  await expect(page.getByText(progress)).toBeVisible();
  const bar = page.getByRole('progressbar', { name: progress });
  await expect(bar).toHaveAttribute('value', String(n));
  await expect(bar).toHaveAttribute('max', String(total));
}

/** Moves to the next screen and waits until its heading has changed. */
async function next(page: Page, button: string): Promise<void> {
  const before = await heading(page);
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(before);
}

test('a young person on a small phone answers some questions, skips one, and is asked their age only once', async ({
  page,
  server,
}) => {
  await openStart(page);
  await expectPhoneFriendly(page, 'start');

  await page.goto(SUMMER);
  await expect(page.getByRole('heading', { level: 1, name: 'Exempel: Ung i sommar' })).toBeVisible();
  await expectPhoneFriendly(page, 'insats');
  await expectNoViolations(page, 'insats (sv)');
  await page.getByRole('link', { name: /svara på frågorna/i }).click();
  await acceptPrivacyIfAsked(page);

  const main = page.getByRole('main');
  // 1 of 4: single choice, answered.
  await expect(page.getByRole('heading', { level: 1, name: 'Har du haft ett sommarjobb?' })).toBeVisible();
  await expectQuestionScreen(page, 1, 4, 'Fråga 1 av 4');
  await expect(main.getByRole('button', { name: 'Hoppa över' })).toBeVisible();
  await expectPhoneFriendly(page, 'question 1');
  await expectNoViolations(page, 'question 1 (sv)');
  await main.getByRole('radio', { name: 'Nej' }).check();
  await next(page, 'Nästa');

  // 2 of 4: multiple choice, skipped.
  await expectQuestionScreen(page, 2, 4, 'Fråga 2 av 4');
  await expect(main.getByRole('button', { name: 'Hoppa över' })).toBeVisible();
  await expectPhoneFriendly(page, 'question 2');
  await expectNoViolations(page, 'question 2 (sv)');
  await main.getByRole('checkbox', { name: 'Nära där jag bor' }).check();
  await next(page, 'Hoppa över');

  // 3 of 4: faces.
  await expectQuestionScreen(page, 3, 4, 'Fråga 3 av 4');
  await expectPhoneFriendly(page, 'question 3');
  await expectNoViolations(page, 'question 3 (sv)');
  await main.getByRole('radio', { name: 'Mycket lätt', exact: true }).check();
  await next(page, 'Nästa');

  // 4 of 4: short text.
  await expectQuestionScreen(page, 4, 4, 'Fråga 4 av 4');
  await expectPhoneFriendly(page, 'question 4');
  await expectNoViolations(page, 'question 4 (sv)');
  await main.getByRole('textbox').fill('Fler jobb nära skolan.');
  await next(page, 'Nästa');

  // About you: asked the first time.
  await expect(page.getByRole('heading', { level: 1, name: 'Om dig' })).toBeVisible();
  await page.getByRole('radio', { name: 'Ung person' }).check();
  await page.getByRole('radio', { name: '13–15' }).check();
  await expectPhoneFriendly(page, 'about you');
  await expectNoViolations(page, 'about you (sv)');
  await page.getByRole('button', { name: /skicka svaren/i }).click();
  await page.waitForURL(/\/sparat\//);
  const firstId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await expectPhoneFriendly(page, 'saved');

  // The skipped question is not among the answers the server stored; the age band is.
  await expect
    .poll(() =>
      server
        .query<{ question_id: string }>(
          'SELECT question_id FROM submission_answers WHERE submission_id = ?',
          firstId,
        )
        .map((r) => r.question_id)
        .sort(),
    )
    .toEqual(['uis-har-jobbat', 'uis-latt', 'uis-tips']);
  expect(
    server.query<{ respondent_group: string; age_band: string }>(
      'SELECT respondent_group, age_band FROM submissions WHERE id = ?',
      firstId,
    ),
  ).toEqual([{ respondent_group: 'youth', age_band: '13-15' }]);

  // A second insats, after a reload: the phone remembers; "About you" is a line with "Ändra".
  await page.reload();
  await page.goto(`${PRAO}/fragor`);
  await expectQuestionScreen(page, 1, 4, 'Fråga 1 av 4');
  await main.getByRole('radio', { name: 'Ja', exact: true }).check();
  await next(page, 'Nästa');
  for (let i = 0; i < 3; i++) await next(page, 'Hoppa över');
  await expect(page.getByRole('heading', { level: 1, name: 'Om dig' })).toBeVisible();
  await expect(page.getByText('Du svarar som: Ung person, 13–15')).toBeVisible();
  await expect(page.getByRole('radio', { name: '13–15' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ändra', exact: true })).toBeVisible();
  await expectPhoneFriendly(page, 'about you, remembered');
  await expectNoViolations(page, 'about you, remembered (sv)');
  await page.getByRole('button', { name: /skicka svaren/i }).click();
  await page.waitForURL(/\/sparat\//);
  const secondId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await expect
    .poll(() => server.query<{ age_band: string }>('SELECT age_band FROM submissions WHERE id = ?', secondId))
    .toEqual([{ age_band: '13-15' }]);
  expect(
    server.query<{ question_id: string }>(
      'SELECT question_id FROM submission_answers WHERE submission_id = ?',
      secondId,
    ),
  ).toEqual([{ question_id: 'prao-vet-var' }]);

  // "Ändra" opens the choices again, with what the phone remembered already chosen.
  await page.goto(`${PRAO}/fragor`);
  await main.getByRole('radio', { name: 'Nej, inte än' }).check();
  await next(page, 'Nästa');
  for (let i = 0; i < 3; i++) await next(page, 'Hoppa över');
  await page.getByRole('button', { name: 'Ändra', exact: true }).click();
  await expect(page.getByRole('radio', { name: '13–15' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Ung person' })).toBeFocused();
});

test('the insats page and every question screen work on a small phone in Arabic', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kraftsamla.lang', 'ar'));
  await page.goto(SUMMER);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'مثال: وظائف صيفية للشباب' })).toBeVisible();
  await expectPhoneFriendly(page, 'insats (ar)');
  await expectNoViolations(page, 'insats (ar)');

  await page.goto(`${SUMMER}/fragor`);
  const privacy = page.getByRole('button', { name: 'قرأت هذا' });
  if (await privacy.isVisible()) await privacy.click();
  for (let n = 1; n <= 4; n++) {
    await expect(page.getByText(`السؤال ${n} من 4`)).toBeVisible();
    await expectQuestionScreen(page, n, 4, `السؤال ${n} من 4`);
    await expectPhoneFriendly(page, `question ${n} (ar)`);
    await expectNoViolations(page, `question ${n} (ar)`);
    await next(page, 'تخطَّ');
  }
  await expectPhoneFriendly(page, 'about you (ar)');
  await expectNoViolations(page, 'about you (ar)');
});

test('where the English text is missing, the Swedish one is shown marked lang="sv", with the image, kind and contact', async ({
  page,
  context,
}) => {
  // The catalogue as if staff had written no English summary, body or image text for this insats.
  await context.route(/\/api\/insatser(\/exempel-ung-i-sommar)?$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { insatser?: Record<string, unknown>[] } & Record<
      string,
      unknown
    >;
    const strip = (insats: Record<string, unknown>) => {
      if (insats.id !== 'exempel-ung-i-sommar') return insats;
      const { en: _s, ...summary } = insats.summary as Record<string, string>;
      const { en: _b, ...bodyText } = insats.body as Record<string, string>;
      return {
        ...insats,
        summary,
        body: bodyText,
        kind: 'local-development',
        contact: { name: 'Sara Lind', email: 'sara.lind@example.org', phone: '040-34 10 00' },
        image: { contentType: 'image/png', bytes: 68, hash: 'e2e' },
        imageAlt: { sv: 'Ungdomar planterar blommor', ar: 'شباب يزرعون الزهور' },
      };
    };
    const changed = Array.isArray(body.insatser)
      ? { ...body, insatser: body.insatser.map(strip) }
      : strip(body);
    await route.fulfill({ response, json: changed });
  });
  await context.route(/\/api\/insatser\/exempel-ung-i-sommar\/image/, (route) =>
    route.fulfill({
      contentType: 'image/png',
      body: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
    }),
  );
  await page.addInitScript(() => localStorage.setItem('kraftsamla.lang', 'en'));
  await page.goto(SUMMER);
  const article = page.locator('article.insats');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Example: Summer jobs for young people' }),
  ).toBeVisible();
  await expect(article.locator('.lead span[lang="sv"]')).toHaveText(
    'Sommarjobb för dig som är 16–19 år och bor i ett av områdena.',
  );
  await expect(article.locator('.insats-body span[lang="sv"]')).toContainText('Staden erbjuder sommarjobb');
  // The title has English: not marked.
  await expect(page.getByRole('heading', { level: 1 }).locator('[lang]')).toHaveCount(0);

  const image = page.getByRole('img', { name: 'Ungdomar planterar blommor' });
  await expect(image).toHaveAttribute('lang', 'sv');
  await expect(image).toHaveAttribute('loading', 'lazy');
  await expect(image).toHaveAttribute('width', /\d+/);
  await expect(image).toHaveAttribute('height', /\d+/);
  await expect(image).toHaveAttribute('src', '/api/insatser/exempel-ung-i-sommar/image?v=e2e');

  await expect(page.getByTestId('insats-kind')).toHaveText('Work to make the area better');
  await expect(article.getByText('Sara Lind')).toBeVisible();
  await expect(article.getByRole('link', { name: 'sara.lind@example.org' })).toHaveAttribute(
    'href',
    'mailto:sara.lind@example.org',
  );
  await expect(article.getByRole('link', { name: '040-34 10 00' })).toHaveAttribute('href', 'tel:040341000');
  await expectPhoneFriendly(page, 'insats with image (en)');
  await expectNoViolations(page, 'insats with Swedish fallback (en)');
});

/** A word as long as the ones staff write ("Arbetsmarknadsförvaltningens …"), in an insats title. */
const LONG_WORD = 'Sommarjobbsinformationsträffarna';

for (const lang of ['sv', 'ar'] as const satisfies readonly Lang[]) {
  const m = CATALOGUES[lang];
  test(`every participant screen: no sideways scrolling, 44 px targets 8 px apart, at 320 px and at 200 % text (${lang})`, async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    // Staff text with a long Swedish compound, as written in the staff screens: in every language.
    await context.route(/\/api\/insatser(\/exempel-ung-i-sommar)?$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { insatser?: Record<string, unknown>[] } & Record<
        string,
        unknown
      >;
      const lengthen = (insats: Record<string, unknown>) => {
        if (insats.id !== 'exempel-ung-i-sommar') return insats;
        const title = insats.title as Record<string, string>;
        return {
          ...insats,
          title: Object.fromEntries(Object.entries(title).map(([k, v]) => [k, `${v} ${LONG_WORD}`])),
        };
      };
      const changed = Array.isArray(body.insatser)
        ? { ...body, insatser: body.insatser.map(lengthen) }
        : lengthen(body);
      await route.fulfill({ response, json: changed });
    });
    await useLanguage(page, lang);
    const check = (screen: string) => expectPhoneFriendlyAtBothSizes(page, `${screen} (${lang})`);

    await start(page, m);
    await expect(page.getByText(LONG_WORD).first()).toBeVisible();
    await check('start');
    // A card's title link is a 44 px target by itself too (engines measure the link, not the card).
    for (const title of await page.locator('.card-title a').all()) {
      const box = await title.boundingBox();
      expect(box?.height, `height of "${await title.textContent()}"`).toBeGreaterThanOrEqual(44);
    }
    await page.getByRole('button', { name: m['area.viewMap'] }).click();
    await expect(page.getByRole('group', { name: m['map.label'] })).toBeVisible();
    await check('start, map');
    await page.getByRole('button', { name: m['area.viewList'] }).click();
    await pickArea(page, m);
    await check('start, area chosen');

    await page.goto(SUMMER);
    await expect(page.getByRole('link', { name: m['insats.answer'] })).toBeVisible();
    await check('insats');
    await walkQuestions(page, m, (n) => check(`question ${n}`));
    await check('about you');
    await page.locator('form .send button[type="submit"]').click();
    await expect(page.getByText(m['about.groupRequired']).first()).toBeVisible();
    await check('about you, with the error summary');
    await aboutYou(page, m);
    await send(page);
    await check('saved');
    // The second time, "About you" is one line with "Change", just above the send button.
    await walkQuestions(page, m, async () => {});
    await expect(page.getByRole('button', { name: m['about.change'], exact: true })).toBeVisible();
    await check('about you, remembered');

    await page.goto(`${SUMMER}/kommentar`);
    await acceptPrivacy(page, m);
    await expect(h1(page)).toHaveText(m['comment.title']);
    await check('comment');
    await page.goto('/kommentar');
    await expect(h1(page)).toHaveText(m['comment.title']);
    await page.getByRole('button', { name: m['about.change'], exact: true }).click();
    await page.getByRole('checkbox', { name: m['contact.consent'] }).check();
    await page.locator('form .send button[type="submit"]').click();
    await expect(page.getByText(m['comment.empty']).first()).toBeVisible();
    await check('general comment, with errors');
    await page.goto(`${SUMMER}/forslag`);
    await expect(h1(page)).toHaveText(m['proposal.title']);
    await check('proposal from an insats');
    await page.goto('/forslag');
    await page.locator('form .send button[type="submit"]').click();
    await expect(page.getByText(m['proposal.orgNameMissing']).first()).toBeVisible();
    await check('proposal, with errors');

    const screens: [string, string, string][] = [
      ['/mina-svar', m['my.title'], 'my input'],
      ['/integritet', m['privacy.title'], 'privacy'],
      [`${SUMMER}/vad-vi-hort`, m['heard.title'], 'what we heard'],
      ['/ideer', m['ideas.title'], 'ideas'],
      ['/tillganglighet', m['a11y.title'], 'accessibility statement'],
      ['/oppna-data', m['openData.title'], 'open data'],
      ['/finns-inte-alls', m['notFound.title'], 'not found'],
    ];
    for (const [path, title, screen] of screens) {
      await page.goto(path);
      await expect(h1(page)).toHaveText(title);
      await expect(page.getByText(m['app.loading'])).toHaveCount(0);
      await check(screen);
    }
    await page.goto('/insats/finns-inte');
    await expect(page.getByText(m['insats.notFound'])).toBeVisible();
    await check('insats not found');
  });
}
