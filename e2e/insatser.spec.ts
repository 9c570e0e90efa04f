import type { Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { acceptPrivacyIfAsked, chooseArea, describeYoungPerson, openStart } from './support/journeys.ts';
import { startServer } from './support/server.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * Insatser managed by staff (issue 7): a moderator creates an insats with two questions in
 * Swedish and English and publishes it while a participant's device is offline. When the device
 * comes back online it picks the insats up without a reload (the catalogue is fetched again on
 * the 'online' event), and its answers are stored against question version 1.
 */

const MODERATOR = {
  email: 'mona.moderator@malmo.example',
  password: 'Sju-Blå-Insatser-I-Parken',
  role: 'moderator',
} as const;
const TITLE = { sv: 'Läxhjälp på biblioteket', en: 'Homework help at the library' };

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test('a published insats reaches a device that was offline, and its answers stay on version 1', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = await startServer(BUILDS.a);
  const options = { baseURL: server.url, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' };
  const deviceContext = await browser.newContext(options);
  const staffContext = await browser.newContext(options);
  try {
    // --- A participant opened the app earlier; the service worker controls it; then no network.
    const device = await deviceContext.newPage();
    await openStart(device);
    await waitForServiceWorker(device);
    await chooseArea(device, 'Södra Sofielund');
    await expect(device.getByRole('link', { name: new RegExp(TITLE.sv) })).toHaveCount(0);
    // A mark on this page: still there afterwards means no reload happened.
    await device.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await deviceContext.setOffline(true);

    // --- Meanwhile a moderator creates the insats.
    await createStaffAccount(server, MODERATOR);
    const staff = await staffContext.newPage();
    await signInStaff(staff, MODERATOR.email, MODERATOR.password, '/personal/insatser');
    await expect(heading(staff, 'Insatser')).toBeVisible();
    await expectNoViolations(staff, 'insatser list');

    await staff.getByRole('link', { name: 'Ny insats' }).click();
    await expect(heading(staff, 'Ny insats')).toBeVisible();
    await expectNoViolations(staff, 'new insats form (empty)');
    await staff.getByRole('button', { name: 'Skapa utkast' }).click();
    await expect(staff.locator('#insats-title-sv')).toHaveAttribute('aria-invalid', 'true');
    await expect(staff.locator('#insats-title-sv')).toBeFocused();
    await expect(staff.locator('#insats-summary-sv')).toHaveAttribute('aria-invalid', 'true');
    await expect(staff.locator('#insats-start')).toHaveAttribute('aria-invalid', 'true');
    await expect(staff.locator('#insats-title-ar')).toHaveAttribute('dir', 'rtl');
    await expect(staff.locator('#insats-title-en')).toHaveAttribute('lang', 'en');
    await expectNoViolations(staff, 'new insats form (errors)');

    await staff.locator('#insats-title-sv').fill(TITLE.sv);
    await staff.locator('#insats-title-en').fill(TITLE.en);
    await staff.locator('#insats-summary-sv').fill('Få hjälp med läxorna tre kvällar i veckan.');
    await staff.locator('#insats-summary-en').fill('Get help with homework three evenings a week.');
    await staff.getByRole('group', { name: 'Ansvariga nämnder' }).getByRole('checkbox').first().check();
    await staff.getByRole('searchbox', { name: 'Sök delområde eller stadsområde' }).fill('Södra Sofielund');
    await staff.getByRole('checkbox', { name: /^Södra Sofielund/ }).check();
    await staff.getByRole('checkbox', { name: 'Social', exact: true }).check();
    await staff.getByRole('radio', { name: 'Lokalt utvecklingsarbete' }).check();
    await staff.getByLabel('Status').selectOption('ongoing');
    await staff.getByLabel('Från (datum)').fill('2026-09-01');
    // The server's refusal is shown beside its field (in the server's English, marked so).
    await staff.getByLabel('Namn', { exact: true }).fill('Sara Samordnare');
    await staff.getByLabel('E-postadress', { exact: true }).fill('inte-en-adress');
    await staff.getByRole('button', { name: 'Skapa utkast' }).click();
    await expect(staff.locator('#insats-contact-email')).toHaveAttribute('aria-invalid', 'true');
    await expect(staff.locator('#insats-contact-email-error')).toHaveAttribute('lang', 'en');
    await expect(staff.locator('#insats-contact-email')).toBeFocused();
    await expectNoViolations(staff, 'new insats form (server errors)');
    await staff.getByLabel('E-postadress', { exact: true }).fill('sara.samordnare@malmo.example');
    await staff.getByRole('button', { name: 'Skapa utkast' }).click();
    await expect(heading(staff, `Ändra insats: ${TITLE.sv}`)).toBeVisible();
    await expect(staff.getByTestId('insats-lifecycle')).toHaveText('Läge: Utkast');

    // --- Question 1: single choice, Swedish and English.
    await staff.getByRole('button', { name: 'Lägg till fråga' }).click();
    await staff.getByRole('radio', { name: 'Ett svar' }).check();
    await staff.locator('#q-new-text-sv').fill('Vilken kväll passar dig bäst?');
    await staff.locator('#q-new-text-en').fill('Which evening suits you best?');
    await staff.locator('#q-new-opt-0-sv').fill('Måndag');
    await staff.locator('#q-new-opt-0-en').fill('Monday');
    await staff.locator('#q-new-opt-1-sv').fill('Onsdag');
    await staff.locator('#q-new-opt-1-en').fill('Wednesday');
    await staff.getByRole('button', { name: 'Spara frågan' }).click();
    await expect(staff.getByTestId('questions-status')).toHaveText('Frågan är sparad.');

    // --- Question 2: a scale; a sensitive wording is warned about while typing (not blocked).
    await staff.getByRole('button', { name: 'Lägg till fråga' }).click();
    await staff.getByRole('radio', { name: 'Skala 1–5' }).check();
    await staff.locator('#q-new-text-sv').fill('Vilken religion har du?');
    const warnings = staff.getByTestId('question-warnings');
    await expect(warnings).toContainText('Religion');
    await expect(warnings.getByRole('listitem')).toHaveCount(1);
    await expectNoViolations(staff, 'questions editor (sensitive-topic warning)');
    await staff.locator('#q-new-text-sv').fill('Hur bra är läxhjälpen?');
    await staff.locator('#q-new-text-en').fill('How good is the homework help?');
    await staff.getByRole('button', { name: 'Spara frågan' }).click();
    await expect(staff.getByTestId('questions-status')).toHaveText('Frågan är sparad.');
    await expect(warnings.getByRole('listitem')).toHaveCount(0);
    const list = staff.locator('.question-list > li');
    await expect(list).toHaveCount(2);
    await expect(list.first()).toContainText('version 1');
    await expectNoViolations(staff, 'insats edit form with questions');

    // --- Publish, with a confirmation.
    await staff.getByRole('button', { name: 'Publicera' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: 'Publicera' }).click();
    await expect(staff.getByTestId('insats-lifecycle')).toHaveText('Läge: Publicerad');

    // --- The device comes back online: the new insats shows without a reload.
    await deviceContext.setOffline(false);
    const link = device.getByRole('link', { name: new RegExp(TITLE.sv) });
    await expect(link).toBeVisible({ timeout: 20_000 });
    expect(await device.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await link.click();
    await device.getByRole('link', { name: /svara på frågorna/i }).click();
    await acceptPrivacyIfAsked(device);
    await expect(heading(device, 'Vilken kväll passar dig bäst?')).toBeVisible();
    await device.getByRole('radio', { name: 'Onsdag' }).check();
    await device.getByRole('button', { name: 'Nästa' }).click();
    await expect(heading(device, 'Hur bra är läxhjälpen?')).toBeVisible();
    await device.getByRole('radio', { name: 'Bra', exact: true }).check();
    await device.getByRole('button', { name: 'Nästa' }).click();
    await expect(heading(device, 'Om dig')).toBeVisible();
    await describeYoungPerson(device);
    await device.getByRole('button', { name: /skicka svaren/i }).click();
    await device.waitForURL(/\/sparat\//);
    const id = decodeURIComponent(new URL(device.url()).pathname.split('/').pop() ?? '');

    // --- The answers reach the server, stored against version 1 of each question.
    await expect
      .poll(() => server.query('SELECT 1 FROM submission_answers WHERE submission_id = ?', id).length, {
        timeout: 20_000,
      })
      .toBe(2);
    const rows = server.query<{ question_version: number; value: string }>(
      'SELECT question_version, value FROM submission_answers WHERE submission_id = ?',
      id,
    );
    expect(rows.map((r) => r.question_version)).toEqual([1, 1]);
  } finally {
    await deviceContext.close();
    await staffContext.close();
    await server.stop();
  }
});
