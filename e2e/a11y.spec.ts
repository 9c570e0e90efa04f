import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import {
  acceptPrivacyIfAsked,
  chooseArea,
  openFirstInsats,
  openMyInput,
  openPrivacy,
  openStart,
} from './support/journeys.ts';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

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
