import type { Route } from '@playwright/test';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { chooseArea, leaveComment, openMyInput, openStart, outboxStates } from './support/journeys.ts';

/** Ids in a POST /api/submissions body. */
function idsIn(route: Route): string[] {
  const body = route.request().postDataJSON() as { submissions: { id: string }[] };
  return body.submissions.map((s) => s.id);
}

test('should keep input queued while the API answers 500 and store it once when the API recovers', async ({
  page,
  context,
  server,
}) => {
  let failures = 0;
  await context.route('**/api/submissions', async (route) => {
    failures++;
    await route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }),
    });
  });
  await openStart(page);
  await waitForServiceWorker(page);
  await chooseArea(page, 'Rosengård');
  const id = await leaveComment(page, 'Servern mår dåligt men min text ska inte försvinna.');
  await expect.poll(() => failures).toBeGreaterThan(0);
  await openMyInput(page);
  await expect(page.getByTestId('waiting-list').getByRole('listitem')).toHaveCount(1);
  expect(await outboxStates(page)).toMatchObject({ queued: 1 });
  expect(server.storedIds().has(id)).toBe(false);

  await context.unroute('**/api/submissions');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('sent-list').getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
  expect(server.storedIds().get(id)).toBe(1);
});

test('should retry when the connection drops after the server committed, and store each item exactly once', async ({
  page,
  context,
  server,
}) => {
  const committedThenDropped: string[] = [];
  await context.route('**/api/submissions', async (route) => {
    if (committedThenDropped.length === 0) {
      // Let the server commit, then lose the answer on the way back.
      const response = await route.fetch();
      expect(response.status()).toBe(200);
      committedThenDropped.push(...idsIn(route));
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });
  await openStart(page);
  await waitForServiceWorker(page);
  await chooseArea(page, 'Möllevången');
  const id = await leaveComment(page, 'Svaret försvann på vägen tillbaka.');

  await expect.poll(() => committedThenDropped).toContain(id);
  expect(server.storedIds().get(id)).toBe(1);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await openMyInput(page);
  await expect(page.getByTestId('sent-list').getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
  expect(server.storedIds().get(id)).toBe(1);
  expect(await outboxStates(page)).toEqual({ sent: 1 });
});
