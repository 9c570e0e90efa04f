import type { BrowserContext, Page } from '@playwright/test';
import {
  aboutYou,
  acceptPrivacy,
  CATALOGUES,
  comment,
  h1,
  type Lang,
  pickArea,
  SUMMER,
  start,
  useLanguage,
  walkQuestions,
} from './support/a11y-participant.ts';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { commentOnInsats } from './support/moderation.ts';
import { startServer } from './support/server.ts';
import { createStaffAccount, STAFF, signInStaff } from './support/staff.ts';

/**
 * Issue 9, "What it must show" 1: axe (WCAG 2.0/2.1 A and AA) on every participant screen in
 * Swedish and Arabic, and on every staff screen in Swedish (the dashboard and indicators have
 * their own specs), in the states that matter: empty, filled, with errors, offline, queued.
 * No rule is switched off.
 */

// Fail fast on a missing control rather than at the test's timeout.
test.use({ actionTimeout: 15_000 });

for (const lang of ['sv', 'ar'] as const satisfies readonly Lang[]) {
  const m = CATALOGUES[lang];

  test(`every participant screen has no axe violations (${lang})`, async ({ page }) => {
    // A walk through every screen, each checked by axe at two sizes: minutes on a shared 2-core machine.
    test.setTimeout(300_000);
    await useLanguage(page, lang);
    const check = (screen: string) => expectNoViolations(page, `${screen} (${lang})`);

    await start(page, m);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await check('start');
    await page.getByRole('button', { name: m['area.viewMap'] }).click();
    await expect(page.getByRole('group', { name: m['map.label'] })).toBeVisible();
    await check('start, map');
    await page.getByRole('button', { name: m['area.viewList'] }).click();
    await pickArea(page, m);
    await check('start, area chosen');

    await page.goto(SUMMER);
    await expect(page.getByRole('link', { name: m['insats.answer'] })).toBeVisible();
    await check('insats');

    await walkQuestions(page, m, async (n) => {
      await check(`question ${n}`);
      if (n === 1) {
        // Next without an answer: the hint is an alert tied to the question.
        await page.getByRole('button', { name: m['q.next'], exact: true }).click();
        await expect(page.getByText(m['q.pickOrSkip'])).toBeVisible();
        await check('question 1, nothing chosen');
      }
    });
    await check('about you');
    await page.locator('form .send button[type="submit"]').click();
    await expect(page.getByText(m['about.groupRequired']).first()).toBeVisible();
    await check('about you, no group');
    await aboutYou(page, m);
    await page.locator('form .send button[type="submit"]').click();
    await page.waitForURL(/\/sparat\//);
    await expect(
      page.getByRole('status').getByText(m['saved.sentTitle']).or(page.getByText(m['saved.queuedTitle'])),
    ).toBeVisible();
    await check('saved');

    await page.goto(`${SUMMER}/kommentar`);
    await acceptPrivacy(page, m);
    await expect(h1(page)).toHaveText(m['comment.title']);
    await check('comment, empty');
    await page.locator('form .send button[type="submit"]').click();
    await expect(page.getByText(m['comment.empty']).first()).toBeVisible();
    await check('comment, text missing');

    await page.goto(`${SUMMER}/forslag`);
    await expect(h1(page)).toHaveText(m['proposal.title']);
    await check('proposal, empty');
    await page.locator('form .send button[type="submit"]').click();
    await expect(page.getByText(m['proposal.orgNameMissing']).first()).toBeVisible();
    await check('proposal, with errors');

    await page.goto('/mina-svar');
    await expect(h1(page)).toHaveText(m['my.title']);
    await expect(page.getByTestId('sent-list').getByRole('listitem')).toHaveCount(1);
    await check('my input, sent');
    await page.goto('/integritet');
    await expect(h1(page)).toHaveText(m['privacy.title']);
    await check('privacy');
    await page.goto(`${SUMMER}/vad-vi-hort`);
    await expect(h1(page)).toHaveText(m['heard.title']);
    await expect(page.getByText(m['heard.empty']).or(page.getByTestId('heard-item').first())).toBeVisible();
    await check('what we heard');
    await page.goto('/ideer');
    await expect(h1(page)).toHaveText(m['ideas.title']);
    await check('ideas');
    await page.goto('/tillganglighet');
    await expect(h1(page)).toHaveText(m['a11y.title']);
    await check('accessibility statement');
    await page.goto('/oppna-data');
    await expect(h1(page)).toHaveText(m['openData.title']);
    await expect(page.getByText(m['app.loading'])).toHaveCount(0);
    await check('open data');
    await page.goto('/finns-inte-alls');
    await expect(h1(page)).toHaveText(m['notFound.title']);
    await check('not found');
    await page.goto('/insats/finns-inte');
    await expect(page.getByText(m['insats.notFound'])).toBeVisible();
    await check('insats not found');
  });

  test(`offline, queued and synced states have no axe violations (${lang})`, async ({ browser, server }) => {
    test.setTimeout(120_000);
    // A fresh device: "My input" starts empty.
    const context = await browser.newContext({ baseURL: server.url, locale: lang === 'ar' ? 'ar' : 'sv-SE' });
    try {
      const page = await context.newPage();
      await useLanguage(page, lang);
      const check = (screen: string) => expectNoViolations(page, `${screen} (${lang})`);
      await page.goto('/mina-svar');
      await expect(h1(page)).toHaveText(m['my.title']);
      await expect(page.getByText(m['my.nothing'])).toBeVisible();
      await check('my input, empty');

      await start(page, m);
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      await expect(page.getByRole('status').getByText(m['app.offline'])).toBeVisible();
      await check('start, offline');
      await comment(page, m, 'Skrivet utan internet.');
      await expect(page.getByText(m['saved.queuedTitle'])).toBeVisible();
      await check('saved, queued offline');
      await page.goto('/mina-svar');
      await expect(page.getByTestId('waiting-list').getByRole('listitem')).toHaveCount(1);
      await expect(page.locator('#sync-status')).toContainText(m['my.offline']);
      await check('my input, queued offline');

      await context.setOffline(false);
      await expect(page.getByTestId('sent-list').getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
      await check('my input, synced');
    } finally {
      await context.close();
    }
  });
}

test('the comment form has no axe violations with the e-mail section open, nor with its error', async ({
  page,
}) => {
  const m = CATALOGUES.sv;
  await page.goto('/kommentar');
  await acceptPrivacy(page, m);
  const section = page.getByRole('group', { name: m['contact.title'] });
  const email = section.getByRole('textbox', { name: m['contact.email'] });
  // The address field appears only after the consent is ticked.
  await expect(email).toHaveCount(0);
  await expect(section.getByRole('link', { name: /Läs mer om dina uppgifter/ })).toHaveAttribute(
    'href',
    '/integritet',
  );
  await section.getByRole('checkbox', { name: m['contact.consent'] }).check();
  await expect(email).toBeVisible();
  await expectNoViolations(page, 'comment form, e-mail section open');

  await page.getByRole('textbox', { name: m['comment.label'] }).fill('Fler bänkar i parken.');
  await page.getByRole('radio', { name: m['group.youth'] }).check();
  await email.fill('namn@exempel');
  await page.getByRole('button', { name: /skicka kommentaren/i }).click();
  // Focus goes to the error summary; its link leads to the field.
  const summary = page.getByRole('region', { name: m['form.errorsTitle'] });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: m['contact.invalid'] }).click();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Det ser inte ut som en e-post\./);
  await expect(page).toHaveURL(/\/kommentar$/);
  await expectNoViolations(page, 'comment form, invalid e-mail');

  // Under 13: no e-mail is asked for.
  await page.getByRole('radio', { name: m['age.under13'] }).check();
  await expect(email).toHaveCount(0);
  await expect(section).toContainText(m['contact.under13']);
});

const ADMIN = {
  email: 'a11y-admin@malmo.example',
  password: 'Gula-Bussar-Vid-Triangeln',
  role: 'admin',
} as const;
const MODERATOR = {
  email: 'a11y-moderator@malmo.example',
  password: 'Sex-Röda-Tulpaner-I-Pildammsparken',
  role: 'moderator',
} as const;

async function nav(page: Page, link: string, heading: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: STAFF.nav })
    .getByRole('link', { name: link, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('every staff screen (but the dashboard and indicators) has no axe violations', async ({ browser }) => {
  test.setTimeout(240_000);
  // A server of its own: the queue starts empty.
  const server = await startServer(BUILDS.a);
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const c = await browser.newContext({
      baseURL: server.url,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    contexts.push(c);
    return c.newPage();
  };
  try {
    await createStaffAccount(server, { ...ADMIN, name: 'Aino Admin' });
    await createStaffAccount(server, { ...MODERATOR, name: 'Mika Moderator' });

    const admin = await open();
    await admin.goto('/personal');
    await expect(h1(admin)).toHaveText(STAFF.signInHeading);
    await expectNoViolations(admin, 'sign-in, empty');
    await admin.getByRole('main').getByRole('button', { name: STAFF.signIn }).click();
    await expect(admin.getByLabel(STAFF.email)).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(admin, 'sign-in, fields missing');
    await admin.getByLabel(STAFF.email).fill(ADMIN.email);
    await admin.getByLabel(STAFF.password, { exact: true }).fill('inte-det-rätta-lösenordet');
    await admin.getByRole('main').getByRole('button', { name: STAFF.signIn }).click();
    await expect(admin.getByTestId('signin-result')).toHaveText('Fel e-postadress eller lösenord.');
    await expectNoViolations(admin, 'sign-in, wrong password');

    await signInStaff(admin, ADMIN.email, ADMIN.password);
    await expect(h1(admin)).toHaveText(STAFF.homeHeading);
    await expectNoViolations(admin, 'home');
    await nav(admin, 'Granska', 'Granska');
    await expectNoViolations(admin, 'queue, empty');
    await nav(admin, 'Användare', STAFF.usersHeading);
    await expectNoViolations(admin, 'users');
    await nav(admin, 'Logg', STAFF.auditHeading);
    await expect(admin.getByTestId('audit-row').first()).toBeVisible();
    await expectNoViolations(admin, 'audit');
    await nav(admin, 'Områdesindelningar', STAFF.boundariesHeading);
    await expectNoViolations(admin, 'boundaries');
    await nav(admin, 'Inställningar', 'Inställningar');
    await expectNoViolations(admin, 'settings');
    await nav(admin, 'Insatser', 'Insatser');
    await expectNoViolations(admin, 'insatser');
    await admin.getByRole('main').getByRole('link', { name: 'Exempel: Ung i sommar' }).first().click();
    await expect(h1(admin)).toHaveText(/Exempel: Ung i sommar/);
    await expectNoViolations(admin, 'insats edit');
    await nav(admin, 'Affischer', 'Affischer');
    await expectNoViolations(admin, 'posters');
    await admin.getByRole('link', { name: 'Exempel: Ung i sommar' }).click();
    await expect(h1(admin)).toHaveText('Affisch: Exempel: Ung i sommar');
    await expectNoViolations(admin, 'poster');

    // Items in the queue: two comments from a participant.
    const participant = await open();
    await participant.goto('/');
    await commentOnInsats(participant, SUMMER, 'Bänkarna vid dammen behöver lagas.');
    await commentOnInsats(participant, SUMMER, 'Mer ljus på gångvägen.');
    await expect.poll(() => server.storedIds().size, { timeout: 30_000 }).toBe(2);

    const moderator = await open();
    await signInStaff(moderator, MODERATOR.email, MODERATOR.password, '/personal/granska');
    await expect(h1(moderator)).toHaveText('Granska');
    const items = moderator.getByTestId('queue-item');
    await expect(items).toHaveCount(2);
    await expectNoViolations(moderator, 'queue, with items');
    const first = items.first();
    await first.getByRole('button', { name: /^Avslå Kommentar/ }).click();
    await expect(first.getByTestId('reason-form')).toBeVisible();
    await expectNoViolations(moderator, 'queue, an item open to reject');
    await first
      .locator('summary')
      .filter({ hasText: /^Ändra delområde/ })
      .click();
    await expectNoViolations(moderator, 'queue, an item open to change its area');

    await moderator.goto('/personal/anvandare');
    await expect(moderator.getByTestId('staff-no-access')).toBeVisible();
    await expectNoViolations(moderator, 'no access');
  } finally {
    for (const c of contexts) await c.close();
    await server.stop();
  }
});
