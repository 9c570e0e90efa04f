import { expectNoViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import {
  acceptPrivacyIfAsked,
  chooseArea,
  openFirstInsats,
  openMyInput,
  openPrivacy,
  openStart,
} from './support/journeys.ts';

test('the participant screens have no axe violations', async ({ page }) => {
  await openStart(page);
  await expectNoViolations(page, 'start');
  await page.getByRole('searchbox').fill('sofie');
  await expectNoViolations(page, 'start, filtered');
  await chooseArea(page, 'Södra Sofielund');
  await expectNoViolations(page, 'start, area chosen');

  await openFirstInsats(page);
  await expectNoViolations(page, 'insats');
  await page.getByRole('link', { name: /svara på frågorna/i }).click();
  await acceptPrivacyIfAsked(page);
  await expectNoViolations(page, 'first question');
  await page.getByRole('button', { name: /hoppa över/i }).click();
  await expectNoViolations(page, 'second question');

  await openMyInput(page);
  await expectNoViolations(page, 'my input');
  await openPrivacy(page);
  await expectNoViolations(page, 'privacy notice');
});

test('the comment form has no axe violations with the e-mail section open, nor with its error', async ({
  page,
}) => {
  await page.goto('/kommentar');
  await acceptPrivacyIfAsked(page);
  const section = page.getByRole('group', { name: 'Vill du få svaret via e-post?' });
  const email = section.getByRole('textbox', { name: 'Din e-post' });
  // The address field appears only after the consent is ticked.
  await expect(email).toHaveCount(0);
  await expect(section.getByRole('link', { name: /Läs mer om dina uppgifter/ })).toHaveAttribute(
    'href',
    '/integritet',
  );
  await section.getByRole('checkbox', { name: 'Ja, skicka svaret till min e-post' }).check();
  await expect(email).toBeVisible();
  await expectNoViolations(page, 'comment form, e-mail section open');

  await page.getByRole('textbox', { name: 'Din kommentar' }).fill('Fler bänkar i parken.');
  await page.getByRole('radio', { name: 'Ung person' }).check();
  await email.fill('namn@exempel');
  await page.getByRole('button', { name: /skicka kommentaren/i }).click();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Det ser inte ut som en e-post\./);
  await expect(page).toHaveURL(/\/kommentar$/);
  await expectNoViolations(page, 'comment form, invalid e-mail');

  // Under 13: no e-mail is asked for.
  await page.getByRole('radio', { name: 'Under 13' }).check();
  await expect(email).toHaveCount(0);
  await expect(section).toContainText('Du som är under 13 år kan inte lämna din e-post.');
});
