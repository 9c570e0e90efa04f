import { expectNoViolations } from './support/axe.ts';
import { test } from './support/fixtures.ts';
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
