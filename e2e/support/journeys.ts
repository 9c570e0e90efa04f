import { expect, type Page } from '@playwright/test';

/**
 * What a participant does, step by step, with the names a screen reader announces.
 * Specs use these so a wording change is fixed in one place.
 */

/** Opens the start screen and waits until the area list can be used. */
export async function openStart(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /var bor du/i })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Södra Sofielund/ })).toBeVisible();
}

/** Searches for an area by name and chooses it. */
export async function chooseArea(page: Page, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Sök område' }).fill(name);
  await page
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await expect(page.getByText(`Ditt område: ${name}`)).toBeVisible();
}

/** Opens the first insats listed on the start screen. */
export async function openFirstInsats(page: Page): Promise<void> {
  if (!page.url().endsWith('/')) await page.getByRole('link', { name: 'Malmö stad' }).click();
  await page.getByRole('main').getByRole('link').filter({ hasText: 'Exempel' }).first().click();
  await expect(page.getByRole('link', { name: /svara på frågorna/i })).toBeVisible();
}

/** Clicks "I understand" on the privacy notice when it is shown before a first submission. */
export async function acceptPrivacyIfAsked(page: Page): Promise<void> {
  const accept = page.getByRole('button', { name: 'Jag har läst det här' });
  if (await accept.isVisible()) await accept.click();
}

/**
 * On "About you": a young person aged 16–19. A device that remembers an earlier answer shows it
 * with "Ändra" instead of asking again; that is pressed first.
 */
export async function describeYoungPerson(page: Page): Promise<void> {
  const change = page.getByRole('button', { name: 'Ändra', exact: true });
  if (await change.isVisible()) await change.click();
  await page.getByRole('radio', { name: 'Ung person' }).check();
  await page.getByRole('radio', { name: '16–19' }).check();
}

/** Fills the "About you" step and sends; returns the id of the saved submission. */
async function aboutYouAndSend(page: Page, send: RegExp): Promise<string> {
  await describeYoungPerson(page);
  await page.getByRole('button', { name: send }).click();
  await page.waitForURL(/\/sparat\//);
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error('no submission id in the URL');
  return decodeURIComponent(id);
}

/**
 * Answers every question of the first insats on the start screen: the first option of choice
 * questions, "Mittemellan" on face scales (else the first face), a sentence in text questions.
 * Returns the submission id.
 */
export async function answerFirstInsats(page: Page): Promise<string> {
  await openFirstInsats(page);
  await page.getByRole('link', { name: /svara på frågorna/i }).click();
  await acceptPrivacyIfAsked(page);
  for (;;) {
    const heading = page.getByRole('heading', { level: 1 });
    // Wait for the next view itself (a question, or "Om dig"), not only for a heading: on a busy
    // machine the previous view's heading is still there while the lazy question view loads.
    const aboutYou = page.getByRole('heading', { level: 1, name: 'Om dig' });
    await expect(page.getByRole('button', { name: 'Nästa' }).or(aboutYou).first()).toBeVisible();
    if (await aboutYou.isVisible()) break;
    const main = page.getByRole('main');
    await expect(
      main.getByRole('radio').or(main.getByRole('textbox')).or(main.getByRole('checkbox')).first(),
    ).toBeVisible();
    const face = main.getByRole('radio', { name: 'Mittemellan', exact: true });
    const textbox = main.getByRole('textbox');
    if (await face.count()) await face.check();
    else if (await textbox.count()) await textbox.fill('Fler aktiviteter på kvällarna.');
    else if (await main.getByRole('radio').count()) await main.getByRole('radio').first().check();
    else await main.getByRole('checkbox').first().check();
    const before = await heading.textContent();
    await page.getByRole('button', { name: 'Nästa' }).click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(before ?? '');
  }
  return aboutYouAndSend(page, /skicka svaren/i);
}

/** Leaves a general comment about the chosen area; returns the submission id. */
export async function leaveComment(page: Page, text: string): Promise<string> {
  await page.goto('/kommentar');
  await acceptPrivacyIfAsked(page);
  await page.getByRole('textbox', { name: 'Din kommentar' }).fill(text);
  return aboutYouAndSend(page, /skicka kommentaren/i);
}

/** Opens "My input" through the footer link. */
export async function openMyInput(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Mer' })
    .getByRole('link', { name: /mina svar/i })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina svar' })).toBeVisible();
}

/** Opens the privacy notice through the footer link. */
export async function openPrivacy(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Mer' }).getByRole('link', { name: 'Dina uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dina uppgifter' })).toBeVisible();
}

/** Counts the outbox records on this device by state, e.g. `{ queued: 2 }`. */
export async function outboxStates(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('kraftsamla');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('outbox').objectStore('outbox').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            const counts: Record<string, number> = {};
            for (const record of all.result as { state: string }[]) {
              counts[record.state] = (counts[record.state] ?? 0) + 1;
            }
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}
