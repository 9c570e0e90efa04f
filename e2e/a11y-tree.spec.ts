import type { Page } from '@playwright/test';
import {
  acceptPrivacy,
  CATALOGUES,
  comment,
  h1,
  pickArea,
  SUMMER,
  start,
} from './support/a11y-participant.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * Issue 9, "What it must show" 3: what a screen reader announces on the main participant
 * screens, as accessibility-tree snapshots (roles, names, levels, states) checked in under
 * e2e/a11y-tree.spec.ts-snapshots/. Nothing in them varies between runs: dates and the
 * device's own ids are matched with patterns. After an intended change of wording or structure:
 * `npx playwright test e2e/a11y-tree.spec.ts --update-snapshots`, then read the diff.
 */

const m = CATALOGUES.sv;

// Fail fast on a missing control rather than at the test's timeout.
test.use({ actionTimeout: 15_000 });

/** The view's content landmark. */
const main = (page: Page) => page.getByRole('main');

test('the start screen announces its header, the area search and the insatser', async ({ page }) => {
  await start(page, m);
  await expect(page.getByRole('banner')).toMatchAriaSnapshot({ name: 'header.aria.yml' });
  await page.getByRole('searchbox', { name: m['area.searchLabel'] }).fill('Sofie');
  await expect(page.getByRole('status').filter({ hasText: 'Områden som passar' })).toBeVisible();
  await expect(main(page)).toMatchAriaSnapshot({ name: 'start-search.aria.yml' });
  await page.getByRole('searchbox').fill('');
  await pickArea(page, m);
  await expect(main(page).getByRole('link', { name: /^Exempel: Ung i sommar/ })).toBeVisible();
  await expect(main(page)).toMatchAriaSnapshot({ name: 'start-area-chosen.aria.yml' });
});

test('the insats page and each kind of question announce their names and roles', async ({ page }) => {
  await page.goto(SUMMER);
  await expect(main(page).getByRole('link', { name: m['insats.answer'] })).toBeVisible();
  await expect(main(page)).toMatchAriaSnapshot({ name: 'insats.aria.yml' });

  await page.goto(`${SUMMER}/fragor`);
  await acceptPrivacy(page, m);
  for (let n = 1; n <= 4; n++) {
    await expect(main(page).getByText(`Fråga ${n} av 4`)).toBeVisible();
    await expect(main(page)).toMatchAriaSnapshot({ name: `question-${n}.aria.yml` });
    const before = await h1(page).textContent();
    // The last one is answered, so "About you" asks who is answering.
    if (n === 4) {
      await main(page).getByRole('textbox').fill('Fler jobb nära.');
      await main(page).getByRole('button', { name: m['q.next'], exact: true }).click();
    } else await main(page).getByRole('button', { name: m['q.skip'], exact: true }).click();
    await expect(h1(page)).not.toHaveText(before ?? '');
  }
  await expect(h1(page)).toHaveText(m['about.title']);
  await expect(main(page)).toMatchAriaSnapshot({ name: 'about-you.aria.yml' });
});

test('the comment form, My input and the privacy notice announce their names and roles', async ({ page }) => {
  await page.goto(`${SUMMER}/kommentar`);
  await acceptPrivacy(page, m);
  await expect(h1(page)).toHaveText(m['comment.title']);
  await expect(main(page)).toMatchAriaSnapshot({ name: 'comment.aria.yml' });
  await main(page)
    .getByRole('button', { name: /skicka kommentaren/i })
    .click();
  await expect(main(page).locator('#comment-error')).toHaveText(m['comment.empty']);
  await expect(main(page)).toMatchAriaSnapshot({ name: 'comment-error.aria.yml' });

  await page.goto('/mina-svar');
  await expect(main(page).getByText(m['my.nothing'])).toBeVisible();
  await expect(main(page)).toMatchAriaSnapshot({ name: 'my-input-empty.aria.yml' });
  await comment(page, m, 'Fler bänkar i parken.');
  await page.goto('/mina-svar');
  await expect(page.getByTestId('sent-list').getByRole('listitem')).toHaveCount(1);
  // The city's receipt, fetched when the screen opens: the words are the same before it arrives,
  // but then they are the receipt's (in bold); snapshot the settled screen.
  await expect(
    page.getByTestId('sent-list').locator('strong', { hasText: m['receipt.received'] }),
  ).toBeVisible();
  await expect(main(page)).toMatchAriaSnapshot({ name: 'my-input-sent.aria.yml' });

  await page.goto('/integritet');
  await expect(h1(page)).toHaveText(m['privacy.title']);
  await expect(main(page)).toMatchAriaSnapshot({ name: 'privacy.aria.yml' });
});
