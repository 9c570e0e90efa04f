import type { Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import {
  acceptPrivacyIfAsked,
  chooseArea,
  openFirstInsats,
  openMyInput,
  openStart,
  outboxStates,
} from './support/journeys.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * Proposals end to end: an association sends a proposal about an insats with no connection, it
 * is sent when the connection returns, a moderator approves and answers it (through the API, as
 * the staff screens would), and the insats's public "What we heard" page shows it with the
 * association's name and the city's answer. Axe on the form: empty, with errors, filled.
 */

const MODERATOR = {
  email: 'forslag-moderator@malmo.example',
  password: 'Fyra-Gröna-Båtar-Vid-Ribban',
  role: 'moderator',
} as const;
const ORG = 'Föreningen Seveds Gård';
const TITLE = 'Läxhjälp i vår lokal';
const ANSWER = 'Tack! Fritidsförvaltningen hör av sig om en fritidsledare.';
const IDEA = 'Boulebana i parken';

/** As a signed-in staff member in `page`: a JSON request with the session's CSRF token. */
async function staffRequest(page: Page, method: string, path: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify(body),
      });
      return res.status;
    },
    { method, path, body },
  );
}

test('an association sends a proposal offline; once approved and answered it is on the public page', async ({
  page,
  context,
  browser,
  server,
}) => {
  test.setTimeout(120_000);
  await openStart(page);
  await chooseArea(page, 'Södra Sofielund');
  await openFirstInsats(page);
  const insatsPath = new URL(page.url()).pathname;
  await expect(
    page.getByRole('link', { name: 'Förslag från förening, fastighetsägare eller företag' }),
  ).toBeVisible();
  await waitForServiceWorker(page);
  await context.setOffline(true);

  await page.goto(`${insatsPath}/forslag`);
  await acceptPrivacyIfAsked(page);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(
    'Förslag från förening, fastighetsägare eller företag',
  );
  // The insats it came from and the device's area are already chosen.
  await expect(main.getByRole('combobox', { name: 'Vilket projekt gäller det?' })).not.toHaveValue('');
  await expect(main.getByRole('checkbox', { name: 'Södra Sofielund' })).toBeChecked();
  await expectNoViolations(page, 'proposal form, empty');

  await main.getByRole('button', { name: /skicka förslaget/i }).click();
  const orgName = main.getByRole('textbox', { name: 'Organisationens namn' });
  // The error summary gets focus; its first link leads to the first field to fix.
  const summary = main.getByRole('region', { name: 'Rätta det här först' });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Skriv organisationens namn.' }).click();
  await expect(orgName).toBeFocused();
  await expect(orgName).toHaveAttribute('aria-invalid', 'true');
  await expect(orgName).toHaveAccessibleDescription('Skriv organisationens namn.');
  await expect(main.getByText('Välj vad ni är.').first()).toBeVisible();
  await expectNoViolations(page, 'proposal form, with errors');

  await orgName.fill(ORG);
  await main.getByRole('radio', { name: 'Förening' }).check();
  await main.getByRole('textbox', { name: 'Rubrik' }).fill(TITLE);
  await main
    .getByRole('textbox', { name: 'Beskriv förslaget' })
    .fill('Vi kan öppna lokalen för läxhjälp två kvällar i veckan om staden står för en fritidsledare.');
  await main.getByRole('searchbox', { name: 'Sök och lägg till område' }).fill('Möllevång');
  await main
    .getByRole('checkbox', { name: /^Möllevången/ })
    .first()
    .check();
  const offers = main.getByRole('group', { name: 'Vad kan ni bidra med?' });
  await offers.getByRole('checkbox', { name: 'Lokal' }).check();
  await offers.getByRole('checkbox', { name: 'Volontärer' }).check();
  await main
    .getByRole('group', { name: 'Vad behöver ni från staden?' })
    .getByRole('checkbox', { name: 'Personal' })
    .check();
  await expect(main.getByText('Skriv organisationens namn.')).toHaveCount(0);
  await expectNoViolations(page, 'proposal form, filled');
  // On the smallest phones: no sideways scrolling, every control at least 44×44 CSS pixels.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'main label.choice, main input[type="text"], main input[type="search"], main textarea, main select, main button',
      ),
    ]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.outerHTML.slice(0, 60)} ${box.width}×${box.height}`),
  );
  expect(small).toEqual([]);

  await main.getByRole('button', { name: /skicka förslaget/i }).click();
  await page.waitForURL(/\/sparat\//);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await expect(page.getByText(/sparat på telefonen/i).first()).toBeVisible();
  expect(await outboxStates(page)).toEqual({ queued: 1 });
  expect(server.storedIds().has(id)).toBe(false);

  await context.setOffline(false);
  await expect.poll(() => server.storedIds().get(id), { timeout: 20_000 }).toBe(1);
  await openMyInput(page);
  await expect(page.getByTestId('sent-list').getByRole('listitem').filter({ hasText: TITLE })).toContainText(
    'Förslag',
  );

  // --- A new idea (no insats), sent online.
  await page.goto('/forslag');
  await acceptPrivacyIfAsked(page);
  await expect(main.getByRole('combobox', { name: 'Vilket projekt gäller det?' })).toHaveValue('');
  await main.getByRole('textbox', { name: 'Organisationens namn' }).fill(ORG);
  await main.getByRole('radio', { name: 'Förening' }).check();
  await main.getByRole('textbox', { name: 'Rubrik' }).fill(IDEA);
  await main.getByRole('textbox', { name: 'Beskriv förslaget' }).fill('Vi bygger och sköter en boulebana.');
  await main.getByRole('searchbox', { name: 'Sök och lägg till område' }).fill('Möllevång');
  await main
    .getByRole('checkbox', { name: /^Möllevången/ })
    .first()
    .check();
  await main.getByRole('button', { name: /skicka förslaget/i }).click();
  await page.waitForURL(/\/sparat\//);
  const ideaId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await expect.poll(() => server.storedIds().get(ideaId), { timeout: 20_000 }).toBe(1);

  // --- A moderator approves both and answers the first.
  await createStaffAccount(server, { ...MODERATOR, name: 'Mo Moderator' });
  const staffContext = await browser.newContext({ baseURL: server.url, locale: 'sv-SE' });
  try {
    const moderator = await staffContext.newPage();
    await signInStaff(moderator, MODERATOR.email, MODERATOR.password);
    expect(
      await staffRequest(moderator, 'POST', '/api/staff/moderation', {
        target: { ids: [id, ideaId] },
        action: 'approve',
      }),
    ).toBe(200);
    expect(
      await staffRequest(moderator, 'PUT', `/api/staff/submissions/${id}/answer`, { text: ANSWER }),
    ).toBeLessThan(300);
  } finally {
    await staffContext.close();
  }

  // --- The public page of the insats shows it, with the association's name and the answer.
  await page.goto(`${insatsPath}/vad-vi-hort`);
  const heard = page.getByTestId('heard-item').filter({ hasText: TITLE });
  await expect(heard).toHaveCount(1);
  await expect(heard).toContainText(ORG);
  await expect(heard).toContainText(ANSWER);
  await expect(heard).toContainText('Kan bidra med: Lokal, Volontärer');
  await expect(heard).not.toContainText('@');

  // --- The ideas page, linked from the start page, lists the new idea and not the one on an insats.
  await page.goto('/');
  await page.getByRole('link', { name: 'Idéer från föreningar och företag' }).click();
  await page.waitForURL(/\/ideer$/);
  await expect(page.getByTestId('heard-item').filter({ hasText: IDEA })).toHaveCount(1);
  await expect(page.getByTestId('heard-item').filter({ hasText: TITLE })).toHaveCount(0);
});
