import { expect, test } from './support/fixtures.ts';
import { TEST_CONTROLLER, TEST_DPO } from './support/server.ts';
import {
  answerFirstInsats,
  chooseArea,
  leaveComment,
  openMyInput,
  openPrivacy,
  openStart,
} from './support/journeys.ts';

test('no participant screen sets a cookie or talks to another origin', async ({ page, context, server }) => {
  const origin = new URL(server.url).origin;
  const foreign: string[] = [];
  const cookies: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) foreign.push(request.url());
  });
  context.on('response', async (response) => {
    const setCookie = await response.headerValue('set-cookie');
    if (setCookie) cookies.push(`${response.url()}: ${setCookie}`);
  });

  await openStart(page);
  await chooseArea(page, 'Södra Sofielund');
  await answerFirstInsats(page);
  await leaveComment(page, 'En kommentar för att gå igenom alla skärmar.');
  await openMyInput(page);
  await openPrivacy(page);

  // The notice names the deployment's controller and DPO (from the server's configuration).
  await expect(page.getByText(TEST_CONTROLLER)).toBeVisible();
  await expect(page.getByRole('link', { name: TEST_DPO })).toHaveAttribute('href', `mailto:${TEST_DPO}`);

  expect(foreign).toEqual([]);
  expect(cookies).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});
