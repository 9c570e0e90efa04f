import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import {
  answerFirstInsats,
  chooseArea,
  leaveComment,
  openMyInput,
  openStart,
  outboxStates,
} from './support/journeys.ts';
import { TEST_CONTROLLER } from './support/server.ts';

test('input made offline survives reloads and reaches the server exactly once when the connection returns', async ({
  page,
  context,
  server,
}) => {
  await openStart(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);

  await page.reload();
  await chooseArea(page, 'Södra Sofielund');
  const answerId = await answerFirstInsats(page);
  await expect(page.getByText(/sparat på telefonen/i).first()).toBeVisible();
  const commentId = await leaveComment(page, 'Skriver utan nät. Det borde gå ändå.');

  await page.reload();
  await openMyInput(page);
  await expect(page.getByTestId('waiting-list').getByRole('listitem')).toHaveCount(2);
  expect(await outboxStates(page)).toEqual({ queued: 2 });
  expect(server.storedIds().has(answerId)).toBe(false);

  await context.setOffline(false);
  await expect(page.getByTestId('sent-list').getByRole('listitem')).toHaveCount(2, { timeout: 20_000 });
  const stored = server.storedIds();
  expect(stored.get(answerId)).toBe(1);
  expect(stored.get(commentId)).toBe(1);
  expect(await outboxStates(page)).toEqual({ sent: 2 });
});

test('deep links open from the service worker with no connection', async ({ page, context }) => {
  await openStart(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto('/mina-svar');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/integritet');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The deployment's controller comes from the service worker's cache of /api/privacy.
  await expect(page.getByText(TEST_CONTROLLER)).toBeVisible();
});
