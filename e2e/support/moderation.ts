import { expect, type Page } from '@playwright/test';
import { acceptPrivacyIfAsked, describeYoungPerson } from './journeys.ts';

/**
 * Steps for the moderation spec, with the names the screens give their controls (Swedish).
 * Stable hooks of the queue (client/staff/views/queue): test ids `queue-item` (with `data-id`
 * and `data-status`), `item-status`, `item-flags`, `item-answer`, `queue-status` (live region),
 * `queue-shown`, `queue-more`, `bulk-selection`, `bulk-count`, `bulk-count-result`, `bulk-filter`,
 * `reason-form`; settings: `settings-status`, `digest-status`; the participant's page:
 * `heard-item`.
 */
export const QUEUE = {
  heading: 'Granska',
  settingsHeading: 'Inställningar',
  heardHeading: 'Det här har vi hört',
  heardLink: 'Se vad andra har sagt',
} as const;

/**
 * From an insats page (`insatsPath`), leaves a comment about it; returns the submission id.
 * With `email`: ticks "Vill du få svaret via e-post?" and types the address, as a participant who
 * wants the city's answer by e-mail does.
 */
export async function commentOnInsats(
  page: Page,
  insatsPath: string,
  text: string,
  email?: string,
): Promise<string> {
  await page.goto(`${insatsPath}/kommentar`);
  await acceptPrivacyIfAsked(page);
  await page.getByRole('textbox', { name: 'Din kommentar' }).fill(text);
  await describeYoungPerson(page);
  if (email !== undefined) await leaveEmail(page, email);
  await page.getByRole('button', { name: /skicka kommentaren/i }).click();
  await page.waitForURL(/\/sparat\//);
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error('no submission id in the URL');
  return decodeURIComponent(id);
}

/** On the comment form: consents to getting the answer by e-mail, then types the address. */
export async function leaveEmail(page: Page, email: string): Promise<void> {
  const section = page.getByRole('group', { name: 'Vill du få svaret via e-post?' });
  await expect(section.getByRole('textbox', { name: 'Din e-post' })).toHaveCount(0);
  await section.getByRole('checkbox', { name: 'Ja, skicka svaret till min e-post' }).check();
  await section.getByRole('textbox', { name: 'Din e-post' }).fill(email);
}

/** Selects `part` of the text of one field (`data-field`) of a queue item, as a mouse would. */
export async function selectTextInItem(
  page: Page,
  itemId: string,
  field: string,
  part: string,
): Promise<void> {
  const found = await page.evaluate(
    ({ itemId, field, part }) => {
      const el = document.querySelector(`[data-id="${itemId}"] [data-field="${field}"]`);
      if (!el) return false;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue?.indexOf(part) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + part.length);
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return true;
      }
      return false;
    },
    { itemId, field, part },
  );
  expect(found, `"${part}" in ${field} of ${itemId}`).toBe(true);
}
