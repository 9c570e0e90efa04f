import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { chooseArea, leaveComment, openStart, outboxStates } from './support/journeys.ts';

test('three tabs and 20 sync triggers at once send each id in exactly one successful POST', async ({
  context,
  server,
}) => {
  const first = await context.newPage();
  await openStart(first);
  await waitForServiceWorker(first);

  // Queue items with no connection, so that nothing is sent yet.
  await context.setOffline(true);
  await chooseArea(first, 'Södra Sofielund');
  const ids: string[] = [];
  for (let i = 0; i < 4; i++)
    ids.push(await leaveComment(first, `Kommentar nummer ${i + 1} från samma telefon.`));
  expect(await outboxStates(first)).toEqual({ queued: 4 });

  // Every POST, from any tab or the service worker, is recorded with the server's answer.
  const posts: { ids: string[]; statuses: string[] }[] = [];
  await context.route('**/api/submissions', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { results: { id: string; status: string }[] };
    posts.push({ ids: body.results.map((r) => r.id), statuses: body.results.map((r) => r.status) });
    await route.fulfill({ response });
  });

  const tabs = [first, await context.newPage(), await context.newPage()];
  await Promise.all(tabs.slice(1).map((tab) => tab.goto('/mina-svar')));
  await context.setOffline(false);
  // 20 triggers spread over the three tabs, all at once.
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      tabs[i % 3]?.evaluate((n) => {
        window.dispatchEvent(new Event(n % 2 ? 'online' : 'visibilitychange'));
      }, i),
    ),
  );

  await expect.poll(async () => outboxStates(first), { timeout: 20_000 }).toEqual({ sent: 4 });
  for (const id of ids) {
    const carrying = posts.filter((p) => p.ids.includes(id));
    expect(carrying, `id ${id} was sent in ${carrying.length} POSTs`).toHaveLength(1);
    expect(carrying[0]?.statuses[carrying[0].ids.indexOf(id)]).toBe('created');
    expect(server.storedIds().get(id)).toBe(1);
  }
});
