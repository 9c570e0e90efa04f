import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startSmtpSink } from '../api/mail/testing.ts';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { chooseArea, leaveComment, openFirstInsats, openMyInput, openStart } from './support/journeys.ts';
import { commentOnInsats, QUEUE, selectTextInItem } from './support/moderation.ts';
import { startServer, type TestServer } from './support/server.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * Moderation end to end, on a real server of its own with a real SMTP server: a participant
 * comments in the app (one comment with a personnummer, one with an e-mail address typed in the
 * form to get the answer), a moderator filters the queue, redacts,
 * rejects one with a reason, approves by keyboard, by selection and by filter, and answers one;
 * the participant's "My input" shows status, reason and answer, the answer reaches the
 * participant's e-mail, and the public "What we heard" page shows only what was approved,
 * redacted. Axe on the queue, the settings and the public page.
 */

const MODERATOR = {
  email: 'moderator@malmo.example',
  password: 'Tre-Blå-Cyklar-Vid-Kanalen',
  role: 'moderator',
} as const;
const ADMIN = {
  email: 'admin@malmo.example',
  password: 'Korrekt-Häst-Batteri-Häftklammer',
  role: 'admin',
} as const;

const PNR = '19121212-1212';
const TEXT = {
  pnr: `Ring mig om lekplatsen, ${PNR}.`,
  benches: 'Bänkarna vid dammen behöver lagas.',
  lights: 'Mer belysning på gångvägen, tack.',
  bins: 'Fler papperskorgar vid fotbollsplanen.',
  ad: 'Köp billiga skor på https://skobutik.example, i min butik på Möllan.',
  general: 'Allmänt: grillplatsen i parken är bra.',
} as const;
const PARTICIPANT_EMAIL = 'deltagare@example.org';
const ANSWER = 'Tack! Vi lagar bänkarna vid dammen i vår.';
const REASON_EXTRA = 'Skriv gärna igen om insatsen.';

async function context(browser: Browser, server: TestServer): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.url, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const item = (page: Page, text: string) => page.getByTestId('queue-item').filter({ hasText: text });
const dialogOf = (page: Page) => page.getByRole('dialog');

test('a moderator filters, redacts, rejects, approves and answers; the participant and the public see the outcome', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const smtp = await startSmtpSink();
  const server = await startServer(BUILDS.a, {
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SMTP_FROM: 'Malmö stad <noreply@malmo.example>',
  });
  const contexts: BrowserContext[] = [];
  try {
    await createStaffAccount(server, { ...MODERATOR, name: 'Mo Moderator' });
    await createStaffAccount(server, { ...ADMIN, name: 'Ada Admin' });

    // --- The participant comments in the app: four about an insats (one with a personnummer),
    // one more to be rejected, and one about the area in general.
    contexts.push(await context(browser, server));
    const participant = await (contexts[0] as BrowserContext).newPage();
    await openStart(participant);
    await chooseArea(participant, 'Södra Sofielund');
    await openFirstInsats(participant);
    const insatsPath = new URL(participant.url()).pathname;
    const insatsId = decodeURIComponent(insatsPath.split('/').pop() ?? '');
    // The benches comment leaves an e-mail address in the form, to get the answer by e-mail.
    for (const text of [TEXT.pnr, TEXT.benches, TEXT.lights, TEXT.bins, TEXT.ad])
      await commentOnInsats(
        participant,
        insatsPath,
        text,
        text === TEXT.benches ? PARTICIPANT_EMAIL : undefined,
      );
    await leaveComment(participant, TEXT.general);
    await expect.poll(() => server.storedIds().size, { timeout: 30_000 }).toBe(6);

    // --- The moderator opens the queue: the flagged item first, the personnummer highlighted.
    contexts.push(await context(browser, server));
    const moderator = await (contexts[1] as BrowserContext).newPage();
    await signInStaff(moderator, MODERATOR.email, MODERATOR.password);
    await moderator
      .getByRole('navigation', { name: 'Personal' })
      .getByRole('link', { name: 'Granska' })
      .click();
    await expect(heading(moderator, QUEUE.heading)).toBeVisible();
    const items = moderator.getByTestId('queue-item');
    await expect(items).toHaveCount(6);
    const first = items.first();
    await expect(first).toContainText('Ring mig om lekplatsen');
    await expect(first.getByTestId('item-flags')).toHaveText('Flaggad: Personnummer');
    await expect(first.locator('mark')).toHaveText(PNR);
    await expect(first.locator('.flag-label')).toContainText('[Personnummer]');
    await expect(moderator.getByText('Nästa post')).toBeVisible();
    await expectNoViolations(moderator, 'moderation queue');

    // Filter by the insats: the general comment goes, the filter is in the address.
    await moderator.getByRole('combobox', { name: 'Insats', exact: true }).selectOption(insatsId);
    await moderator.getByRole('button', { name: 'Filtrera' }).click();
    await expect(moderator).toHaveURL(new RegExp(`/personal/granska\\?insats=${insatsId}$`));
    await expect(items).toHaveCount(5);
    await expect(item(moderator, TEXT.general)).toHaveCount(0);
    await expect(items.first()).toContainText('Ring mig om lekplatsen');

    // Correct the delområde of one item (a staff tag).
    const lightsItem = item(moderator, TEXT.lights);
    await lightsItem
      .locator('summary')
      .filter({ hasText: /^Ändra delområde/ })
      .click();
    await lightsItem.getByLabel(/^Delområde för Kommentar/).selectOption({ label: 'Möllevången' });
    await lightsItem.getByRole('button', { name: /^Spara delområdet/ }).click();
    await expect(moderator.getByTestId('queue-status')).toHaveText(/^Kommentar \d är ändrad\.$/);
    await expect(lightsItem.locator('.queue-meta')).toContainText('Möllevången');

    // Redact the personnummer with the button on its flag.
    const pnrItem = item(moderator, 'Ring mig om lekplatsen');
    await pnrItem.getByRole('button', { name: /^Ta bort uppgiften Personnummer i Text/ }).click();
    const dialog = moderator.getByRole('dialog');
    await expect(dialog).toContainText(`Ta bort ”${PNR}”?`);
    await dialog.getByRole('button', { name: 'Ta bort uppgiften' }).click();
    await expect(moderator.getByTestId('queue-status')).toHaveText('Texten är borttagen ur Kommentar 1.');
    await expect(pnrItem.locator('[data-field="text"]')).toHaveText('Ring mig om lekplatsen, [borttaget].');
    await expect(pnrItem.locator('mark')).toHaveCount(0);

    // Redact a selection in another item (the shop's name), then reject it with a reason.
    const adItem = item(moderator, 'Köp billiga skor');
    const adId = (await adItem.getAttribute('data-id')) ?? '';
    await selectTextInItem(moderator, adId, 'text', 'min butik');
    await adItem.getByRole('button', { name: /^Ta bort markerad text/ }).click();
    await expect(dialog).toContainText('Ta bort ”min butik”?');
    await dialog.getByRole('button', { name: 'Ta bort uppgiften' }).click();
    // The link's flag label sits before the selection in the page, and is not counted in the offsets.
    const adText = adItem.locator('[data-field="text"]');
    await expect(adText).toHaveAttribute(
      'data-text',
      'Köp billiga skor på https://skobutik.example, i [borttaget] på Möllan.',
    );
    await expect(adText).toContainText('[Länk]');

    await adItem.getByRole('button', { name: /^Avslå Kommentar/ }).click();
    const reasonForm = adItem.getByTestId('reason-form');
    await reasonForm.getByRole('button', { name: 'Avslå med skälet' }).click();
    await expect(reasonForm.getByLabel('Skäl', { exact: true })).toBeFocused();
    await expect(reasonForm.getByLabel('Skäl', { exact: true })).toHaveAccessibleDescription(
      /Välj ett skäl eller skriv ett eget\./,
    );
    await expectNoViolations(moderator, 'moderation queue, reason form with an error');
    await reasonForm.getByLabel('Skäl', { exact: true }).selectOption({ label: 'Handlar inte om insatsen' });
    await reasonForm.getByLabel('Eget skäl (valfritt)').fill(REASON_EXTRA);
    await reasonForm.getByRole('button', { name: 'Avslå med skälet' }).click();
    await expect(moderator.getByTestId('queue-status')).toHaveText('1 avslagna.');
    await expect(adItem.getByTestId('item-status')).toHaveText('Avslagen');

    // Keyboard: the first item is current; "a" approves it (not while typing in a field).
    await moderator.getByLabel('Från och med dag').focus();
    await moderator.keyboard.press('a');
    await expect(pnrItem.getByTestId('item-status')).toHaveText('Väntar');
    await pnrItem.focus();
    await moderator.keyboard.press('a');
    await expect(moderator.getByTestId('queue-status')).toHaveText('1 godkända.');
    await expect(pnrItem.getByTestId('item-status')).toHaveText('Godkänd');

    // Bulk on a selection: after approving, the next item is current; "j" moves on, "x" selects.
    await expect(adItem).toBeFocused();
    await moderator.keyboard.press('j');
    const benchesItem = item(moderator, TEXT.benches);
    await expect(benchesItem).toBeFocused();
    await moderator.keyboard.press('x');
    await expect(benchesItem.getByRole('checkbox')).toBeChecked();
    await item(moderator, TEXT.lights).getByRole('checkbox').check();
    await moderator.getByTestId('bulk-selection').click();
    await expect(moderator.getByTestId('queue-status')).toHaveText('2 godkända.');
    await expect(benchesItem.getByTestId('item-status')).toHaveText('Godkänd');
    await expect(item(moderator, TEXT.lights).getByTestId('item-status')).toHaveText('Godkänd');

    // Bulk on everything matching the filter: counted first, as of a time, confirmed.
    await moderator.getByTestId('bulk-count').click();
    const count = moderator.getByTestId('bulk-count-result');
    await expect(count).toContainText(/^1 poster passar filtret \(kl\. \d\d:\d\d\)\./);
    await moderator.getByTestId('bulk-filter').click();
    await expect(dialog).toContainText(
      /Godkänn: använda på alla 1 poster som passade filtret kl\. \d\d:\d\d\?/,
    );
    await dialog.getByRole('button', { name: /^Godkänn: använd på 1 poster/ }).click();
    await expect(moderator.getByTestId('queue-status')).toHaveText('1 godkända.');
    await expect(moderator.getByText('Inga poster passar filtret.')).toBeVisible();

    // Answer the benches comment among the approved ones.
    await moderator.getByLabel('Status', { exact: true }).selectOption({ label: 'Godkänd' });
    await moderator.getByRole('button', { name: 'Filtrera' }).click();
    await expect(moderator).toHaveURL(/status=approved/);
    await expect(items).toHaveCount(4);
    const answered = item(moderator, TEXT.benches);
    await answered
      .locator('summary')
      .filter({ hasText: /^Svara/ })
      .click();
    await answered.getByLabel(/^Stadens svar på Kommentar/).fill(ANSWER);
    await answered.getByRole('button', { name: /^Publicera svaret/ }).click();
    await expect(moderator.getByTestId('queue-status')).toHaveText(
      /^Svaret på Kommentar \d är publicerat\. Personen får ett e-brev\.$/,
    );
    await expect(answered.getByTestId('item-answer')).toContainText(ANSWER);
    await expectNoViolations(moderator, 'moderation queue, approved items with an answer');

    // Without filters only the general comment waits; "h" hides it.
    await moderator.getByRole('link', { name: 'Ta bort filter' }).click();
    await expect(moderator).toHaveURL(/\/personal\/granska$/);
    await expect(items).toHaveCount(1);
    const generalItem = item(moderator, TEXT.general);
    await generalItem.focus();
    await moderator.keyboard.press('h');
    await expect(moderator.getByTestId('queue-status')).toHaveText('1 dolda.');
    await expect(generalItem.getByTestId('item-status')).toHaveText('Dold');

    // The moderator's own digest choice, on the start page.
    await moderator
      .getByRole('navigation', { name: 'Personal' })
      .getByRole('link', { name: 'Start' })
      .click();
    const digest = moderator.getByRole('checkbox', { name: 'Skicka det dagliga e-brevet till mig' });
    await expect(digest).not.toBeChecked();
    await digest.check();
    await expect(moderator.getByTestId('digest-status')).toHaveText('Du får det dagliga e-brevet.');
    // The choice is the server's: shown again after a reload.
    await moderator.reload();
    await expect(digest).toBeChecked();

    // --- The answer reaches the participant's e-mail.
    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail?.to).toEqual([PARTICIPANT_EMAIL]);
    expect(mail?.text).toContain(ANSWER);

    // --- The participant's "My input": status, reason and answer.
    await participant.goto('/');
    await openMyInput(participant);
    const sent = participant.getByTestId('sent-list');
    const mine = (text: string) => sent.getByRole('listitem').filter({ hasText: text });
    await expect(mine(TEXT.benches)).toContainText('Publicerat.');
    await expect(mine(TEXT.benches)).toContainText(`Svar från staden`);
    await expect(mine(TEXT.benches)).toContainText(ANSWER);
    // The ad had a span redacted too: the participant sees it as redacted.
    const ad = mine('Köp billiga skor på https://skobutik.example, i [borttaget] på Möllan.');
    await expect(ad).toContainText('Inte publicerat.');
    await expect(ad).toContainText(REASON_EXTRA);
    await expect(sent).not.toContainText('i min butik');
    // The redacted item: the participant's own copy now shows the placeholder, as the public does.
    const redacted = mine('Ring mig om lekplatsen, [borttaget].');
    await expect(redacted).toContainText('Publicerat.');
    await expect(sent).not.toContainText(PNR);
    // Kept on the device: still redacted after a reload offline, when the statuses cannot be
    // asked for again (the copy in IndexedDB was replaced).
    await waitForServiceWorker(participant);
    await contexts[0]?.setOffline(true);
    await participant.reload();
    await expect(participant.getByText('Vi kunde inte se det senaste just nu.')).toBeVisible();
    await expect(redacted).toContainText('Publicerat.');
    await expect(sent).not.toContainText(PNR);
    await contexts[0]?.setOffline(false);
    await expect(mine(TEXT.general)).toContainText('Inte publicerat.');

    // --- The public page of the insats: only what was approved, redacted, with the answer.
    await participant.goto(insatsPath);
    await participant.getByRole('link', { name: QUEUE.heardLink }).click();
    await expect(heading(participant, QUEUE.heardHeading)).toBeVisible();
    const heard = participant.getByTestId('heard-item');
    await expect(heard).toHaveCount(4);
    const page = participant.getByRole('main');
    await expect(page).toContainText('Ring mig om lekplatsen, [borttaget].');
    await expect(page).not.toContainText(PNR);
    await expect(page).not.toContainText('Köp billiga skor');
    await expect(page).not.toContainText(TEXT.general);
    await expect(heard.filter({ hasText: TEXT.benches })).toContainText(ANSWER);
    // Its delområde is not named: its cell (Möllevången × this insats) is not yet published at 5 or
    // more, and naming it would let the count of the listing say exactly how few (docs/open-data.md).
    await expect(heard.filter({ hasText: TEXT.lights })).not.toContainText('Möllevången');
    await expect(page).toContainText('[borttaget] betyder att staden har tagit bort en personlig uppgift.');
    // People's texts find their own direction (Arabic in a Swedish page, and the reverse).
    await expect(heard.locator('.heard-text').first()).toHaveAttribute('dir', 'auto');
    await expectNoViolations(participant, 'what we heard');
    // Right to left in Arabic.
    await participant.getByLabel('Språk (Language)').selectOption('ar');
    await expect(heading(participant, 'ما سمعناه')).toBeVisible();
    await expect(participant.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectNoViolations(participant, 'what we heard, Arabic');
    await participant.getByLabel(/Language/).selectOption('sv');

    // Offline, for an insats whose page was never loaded: the page opens from the service
    // worker and says plainly that it needs internet.
    await waitForServiceWorker(participant);
    const other = await participant.evaluate(async (current) => {
      const body = (await (await fetch('/api/insatser')).json()) as { insatser: { id: string }[] };
      return body.insatser.find((i) => i.id !== current)?.id;
    }, insatsId);
    expect(other).toBeTruthy();
    await contexts[0]?.setOffline(true);
    await participant.goto(`/insats/${other}/vad-vi-hort`);
    await expect(heading(participant, QUEUE.heardHeading)).toBeVisible();
    await expect(participant.getByRole('alert')).toContainText(
      'Du har inget internet just nu. Den här sidan går bara att se med internet.',
    );
    await contexts[0]?.setOffline(false);

    // --- The admin's settings: purging needs the gallringsbeslut, said beside the field.
    contexts.push(await context(browser, server));
    const admin = await (contexts[2] as BrowserContext).newPage();
    await signInStaff(admin, ADMIN.email, ADMIN.password);
    await admin
      .getByRole('navigation', { name: 'Personal' })
      .getByRole('link', { name: 'Inställningar' })
      .click();
    await expect(heading(admin, QUEUE.settingsHeading)).toBeVisible();
    await expect(admin.getByLabel('Spara originalet skyddat')).toBeChecked();
    await expectNoViolations(admin, 'settings');
    await admin.getByLabel('Förstör originalet').check();
    await admin.getByRole('button', { name: 'Spara valet för originaltexten' }).click();
    const reference = admin.getByLabel('Gallringsbeslut (diarienummer)', { exact: true });
    await expect(reference).toBeFocused();
    await expect(reference).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(admin, 'settings, purge without a decision');
    await reference.fill('KS-2026-0042');
    await admin.getByRole('button', { name: 'Spara valet för originaltexten' }).click();
    await expect(admin.getByTestId('settings-status')).toHaveText('Valet för borttagna uppgifter är sparat.');
    await admin.reload();
    await expect(admin.getByLabel('Förstör originalet')).toBeChecked();
    await expect(admin.getByLabel('Gallringsbeslut (diarienummer)', { exact: true })).toHaveValue(
      'KS-2026-0042',
    );

    // --- The admin edits the reason templates: adds one (Swedish required, said beside the
    // field), moves it up, renames it, deactivates one and deletes another after a question.
    const reasons = admin.getByRole('region', { name: 'Skäl att avslå' });
    const reasonNames = () => reasons.getByTestId('reason-template').getByRole('heading').allTextContents();
    const reasonStatus = reasons.getByTestId('reasons-status');
    await expect(reasons.getByTestId('reason-template')).toHaveCount(5);
    await expectNoViolations(admin, 'settings, reason templates');
    await reasons.getByRole('button', { name: 'Lägg till ett skäl' }).click();
    const newReason = reasons.getByRole('form', { name: 'Nytt skäl' });
    await newReason.getByRole('button', { name: 'Lägg till skälet' }).click();
    const labelSv = newReason.getByLabel('Namn på svenska');
    await expect(labelSv).toBeFocused();
    await expect(labelSv).toHaveAccessibleDescription('Skriv ett namn på svenska.');
    await expect(newReason.getByLabel('Text till deltagaren på svenska')).toHaveAccessibleDescription(
      'Skriv texten till deltagaren på svenska.',
    );
    await expectNoViolations(admin, 'settings, new reason template with errors');
    await labelSv.fill('Upprepning');
    await newReason.getByLabel('Namn på engelska (valfritt)').fill('Repeated');
    await newReason.getByLabel('Text till deltagaren på svenska').fill('Samma sak har redan skickats in.');
    await newReason.getByRole('button', { name: 'Lägg till skälet' }).click();
    await expect(reasonStatus).toHaveText('Skälet ”Upprepning” är tillagt.');
    expect((await reasonNames()).at(-1)).toBe('Upprepning');
    await reasons.getByRole('button', { name: 'Flytta upp Upprepning' }).click();
    await expect(reasonStatus).toHaveText('Skälet ”Upprepning” är flyttat.');
    expect((await reasonNames()).slice(-2)).toEqual(['Upprepning', 'Reklam']);
    await reasons.getByRole('button', { name: 'Ändra Upprepning' }).click();
    const editReason = reasons.getByRole('form', { name: 'Ändra skälet ”Upprepning”' });
    await editReason.getByLabel('Namn på svenska').fill('Upprepat inspel');
    await editReason.getByRole('button', { name: 'Spara skälet' }).click();
    await expect(reasonStatus).toHaveText('Skälet ”Upprepat inspel” är sparat.');
    await reasons.getByRole('button', { name: 'Inaktivera Dubblett' }).click();
    await expect(reasonStatus).toHaveText('Skälet ”Dubblett” kan inte längre väljas.');
    await expect(
      reasons.getByTestId('reason-template').filter({ hasText: 'Dubblett' }).getByTestId('reason-state'),
    ).toHaveText('Inaktivt – kan inte väljas');
    await reasons.getByRole('button', { name: 'Ta bort Reklam' }).click();
    await expect(dialogOf(admin)).toContainText('Ta bort skälet ”Reklam”?');
    await dialogOf(admin).getByRole('button', { name: 'Ta bort skälet' }).click();
    await expect(reasonStatus).toHaveText('Skälet ”Reklam” är borttaget.');
    expect(await reasonNames()).toEqual([
      'Personuppgifter',
      'Kränkande innehåll',
      'Handlar inte om insatsen',
      'Dubblett',
      'Upprepat inspel',
    ]);
    await expectNoViolations(admin, 'settings, reason templates after changes');

    // The moderator's reject picker offers the active templates in their order: the new one too.
    await moderator.goto('/personal/granska?status=approved');
    const toReject = item(moderator, TEXT.benches);
    await toReject.getByRole('button', { name: /^Avslå Kommentar/ }).click();
    const picker = toReject.getByTestId('reason-form').getByLabel('Skäl', { exact: true });
    await expect(picker.locator('option')).toHaveText([
      'Inget färdigt skäl',
      'Personuppgifter',
      'Kränkande innehåll',
      'Handlar inte om insatsen',
      'Upprepat inspel',
    ]);
  } finally {
    for (const c of contexts) await c.close();
    await server.stop();
    await smtp.close();
  }
});
