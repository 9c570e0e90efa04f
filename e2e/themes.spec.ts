import { randomUUID } from 'node:crypto';
import { expectNoViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { catalogue, DASHBOARD } from './support/insights.ts';
import { startServer } from './support/server.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * Themes in free text end to end: comments about the lighting in one area and about the
 * library elsewhere; a moderator chooses the area on the overview, sees "belysningen" with its
 * counts (a pasted comment once, with its copies), axe is clean, and the theme's link opens
 * exactly the comments behind it in the queue.
 */

const MODERATOR = {
  email: 'teman@malmo.example',
  password: 'Tre-Blå-Cyklar-Vid-Kanalen',
  role: 'moderator',
} as const;

test('a moderator sees the themes of an area and opens the texts behind one in the queue', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = await startServer(BUILDS.a);
  await createStaffAccount(server, { ...MODERATOR, name: 'Mo Moderator' });
  const { areas } = await catalogue(server);
  const [here, there] = areas;
  if (!here || !there) throw new Error('the example content needs two areas');
  const texts: [string, string][] = [
    ['Belysningen vid fotbollsplanen är trasig', here.code],
    ['Mer belysning på kvällen, tack', here.code],
    ['BELYSNINGEN i parken fungerar inte', here.code],
    ['Bygg en konstgräsplan nu!', here.code],
    ['bygg en konstgräsplan nu', here.code],
    ['Konstgräsplan vore fint', here.code],
    ['Biblioteket borde ha öppet längre', there.code],
    ['Biblioteket är för litet', there.code],
  ];
  const res = await fetch(`${server.url}/api/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      submissions: texts.map(([text, areaCode], i) => ({
        schemaVersion: 1,
        id: randomUUID(),
        kind: 'comment',
        text,
        respondent: { group: 'youth', ageBand: '16-19' },
        location: { areaCode },
        deviceId: `themes-e2e-device-${i}`,
        locale: 'sv',
        createdAt: new Date().toISOString(),
      })),
    }),
  });
  expect(res.status).toBe(200);
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  const page = await context.newPage();
  try {
    await signInStaff(page, MODERATOR.email, MODERATOR.password, `${DASHBOARD.path}?area=${here.code}`);
    const section = page.getByTestId('themes');
    await expect(section.getByRole('heading', { name: 'Teman i fritext' })).toBeVisible();
    const row = section
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'belysningen', exact: true }) });
    await expect(row.getByRole('cell')).toHaveText([
      '3',
      '0',
      '0',
      /\d/,
      /\d{4}-\d{2}: 3/,
      'Visa i granskningskön',
    ]);
    const pasted = section
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'konstgräsplan', exact: true }) });
    await expect(pasted.getByRole('cell').nth(0)).toHaveText('2');
    await expect(pasted.getByRole('cell').nth(1)).toHaveText('1');
    await expectNoViolations(page, 'the overview with the themes of one area');
    await row.getByRole('link', { name: 'Visa texterna med ”belysningen” i granskningskön' }).click();
    await expect(page).toHaveURL(/\/personal\/granska\?.*text=/);
    const main = page.getByRole('main');
    for (const text of [
      'Belysningen vid fotbollsplanen är trasig',
      'Mer belysning på kvällen, tack',
      'BELYSNINGEN i parken fungerar inte',
    ]) {
      await expect(main.getByText(text)).toBeVisible();
    }
    await expect(main.getByText('Konstgräsplan vore fint')).toHaveCount(0);
    await expect(page.getByLabel('Ord i texten')).toHaveValue('belysningen, belysning');
    await expectNoViolations(page, 'the queue filtered by a theme');
  } finally {
    await context.close();
    await server.stop();
  }
});
