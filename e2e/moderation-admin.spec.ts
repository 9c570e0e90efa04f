import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startSmtpSink } from '../api/mail/testing.ts';
import { expectNoViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { chooseArea, openFirstInsats, openStart } from './support/journeys.ts';
import { commentOnInsats, QUEUE } from './support/moderation.ts';
import { startServer } from './support/server.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * What the queue keeps out of sight, on a real server of its own: a moderator shows the contact
 * details a participant left (the read is in the audit log) and redacts a personnummer; in the
 * default `restricted` mode an admin reads the original after a reminder of the secrecy review,
 * a moderator has no such button; the moderator deletes the contact details when consent is
 * withdrawn (audited). Axe on each new state.
 */

const MODERATOR = { email: 'moderator@malmo.example', password: 'Tre-Blå-Cyklar-Vid-Kanalen' } as const;
const ADMIN = { email: 'admin@malmo.example', password: 'Korrekt-Häst-Batteri-Häftklammer' } as const;
const PNR = '19121212-1212';
const TEXT = `Ring mig om lekplatsen, ${PNR}.`;
const PARTICIPANT_EMAIL = 'deltagare@example.org';

async function context(browser: Browser, url: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL: url, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const item = (page: Page) => page.getByTestId('queue-item').filter({ hasText: 'Ring mig om lekplatsen' });

test('a moderator shows contact details (audited); only an admin reads a restricted original', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const smtp = await startSmtpSink();
  const server = await startServer(BUILDS.a, {
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SMTP_FROM: 'Malmö stad <noreply@malmo.example>',
  });
  const contexts: BrowserContext[] = [];
  try {
    await createStaffAccount(server, { ...MODERATOR, role: 'moderator', name: 'Mo Moderator' });
    await createStaffAccount(server, { ...ADMIN, role: 'admin', name: 'Ada Admin' });

    // --- A participant comments with a personnummer in the text and an e-mail for the answer.
    contexts.push(await context(browser, server.url));
    const participant = await (contexts[0] as BrowserContext).newPage();
    await openStart(participant);
    await chooseArea(participant, 'Södra Sofielund');
    await openFirstInsats(participant);
    const insatsPath = new URL(participant.url()).pathname;
    await commentOnInsats(participant, insatsPath, TEXT, PARTICIPANT_EMAIL);
    await expect.poll(() => server.storedIds().size, { timeout: 30_000 }).toBe(1);

    // --- The moderator shows the contact details: fetched on request, the logging said.
    contexts.push(await context(browser, server.url));
    const moderator = await (contexts[1] as BrowserContext).newPage();
    await signInStaff(moderator, MODERATOR.email, MODERATOR.password, '/personal/granska');
    await expect(heading(moderator, QUEUE.heading)).toBeVisible();
    const modItem = item(moderator);
    await expect(modItem.getByTestId('item-contact')).toBeEmpty();
    const show = modItem.getByRole('button', { name: /^Visa kontaktuppgifter/ });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await show.click();
    const contact = modItem.getByTestId('item-contact');
    await expect(contact).toContainText(`E-post${PARTICIPANT_EMAIL}`);
    await expect(contact).toContainText('Att du har visat kontaktuppgifterna är loggat.');
    await expect(modItem.getByRole('button', { name: /^Dölj kontaktuppgifter/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expectNoViolations(moderator, 'moderation queue, contact details shown');

    // Redact the personnummer (restricted, the default): the original is kept for admins only.
    await modItem.getByRole('button', { name: /^Ta bort uppgiften Personnummer i Text/ }).click();
    await moderator.getByRole('dialog').getByRole('button', { name: 'Ta bort uppgiften' }).click();
    await expect(modItem.locator('[data-field="text"]')).toHaveText('Ring mig om lekplatsen, [borttaget].');
    await moderator.reload();
    await expect(item(moderator).getByRole('button', { name: /^Visa kontaktuppgifter/ })).toBeVisible();
    await expect(item(moderator).getByRole('button', { name: /^Visa original/ })).toHaveCount(0);
    await expect(moderator.getByText(PNR)).toHaveCount(0);

    // --- The admin reads the original, after the reminder of the secrecy review.
    contexts.push(await context(browser, server.url));
    const admin = await (contexts[2] as BrowserContext).newPage();
    await signInStaff(admin, ADMIN.email, ADMIN.password, '/personal/granska');
    const adminItem = item(admin);
    await adminItem.getByRole('button', { name: /^Visa original \(loggas\)/ }).click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog).toContainText('sekretessprövning');
    await expectNoViolations(admin, 'moderation queue, confirm reading an original');
    await dialog.getByRole('button', { name: 'Visa originalet' }).click();
    const originals = adminItem.getByTestId('item-originals');
    await expect(originals).toContainText(TEXT);
    await expect(originals).toContainText('Att du har läst originalet är loggat.');
    await expect(adminItem.locator('[data-field="text"]')).toHaveText('Ring mig om lekplatsen, [borttaget].');
    await expectNoViolations(admin, 'moderation queue, restricted original shown');

    // --- The audit log has both reads, by whom; never the details themselves.
    await admin.goto('/personal/logg?action=submission.contact.read');
    await expect(heading(admin, 'Logg')).toBeVisible();
    const reads = admin.getByTestId('audit-row');
    await expect(reads).toHaveCount(1);
    await expect(reads).toContainText('submission.contact.read');
    await expect(reads).toContainText(MODERATOR.email);
    await expect(reads).not.toContainText(PARTICIPANT_EMAIL);
    await admin.goto('/personal/logg?action=submission.original.read');
    await expect(admin.getByTestId('audit-row')).toHaveCount(1);
    await expect(admin.getByTestId('audit-row')).toContainText(ADMIN.email);
    await expect(admin.getByTestId('audit-row')).not.toContainText(PNR);

    // --- The participant withdraws consent: the moderator deletes the contact details.
    const withdrawn = item(moderator);
    await withdrawn.getByRole('button', { name: /^Radera kontaktuppgifter/ }).click();
    const confirm = moderator.getByRole('dialog');
    await expect(confirm).toContainText('återkallat sitt samtycke');
    await expectNoViolations(moderator, 'moderation queue, confirm deleting contact details');
    await confirm.getByRole('button', { name: 'Radera kontaktuppgifter' }).click();
    await expect(withdrawn.getByTestId('contact-deleted')).toContainText('Kontaktuppgifterna till');
    await expect(withdrawn.getByRole('button', { name: /^Visa kontaktuppgifter/ })).toHaveCount(0);
    await moderator.reload();
    await expect(item(moderator).getByRole('button', { name: /^Visa kontaktuppgifter/ })).toHaveCount(0);
    await admin.goto('/personal/logg?action=submission.contact.delete');
    await expect(admin.getByTestId('audit-row')).toHaveCount(1);
    await expect(admin.getByTestId('audit-row')).toContainText(MODERATOR.email);
    await expect(admin.getByTestId('audit-row')).not.toContainText(PARTICIPANT_EMAIL);
  } finally {
    for (const c of contexts) await c.close();
    await server.stop();
    await smtp.close();
  }
});
