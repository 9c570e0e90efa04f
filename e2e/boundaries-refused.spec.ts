import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { startServer } from './support/server.ts';
import { createStaffAccount, STAFF, signInStaff } from './support/staff.ts';

/**
 * A boundary set stored with its axes exchanged (as an import before the extent check could
 * store it) cannot be made active from the staff screen: the screen says why, and the set in
 * use stays in use.
 */

const MODERATOR = {
  email: 'moderator@malmo.example',
  password: 'Tre-Blå-Cyklar-Vid-Kanalen',
  role: 'moderator',
} as const;

test('the staff screen says why a set with exchanged axes cannot be activated', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await startServer(BUILDS.a);
  try {
    await createStaffAccount(server, MODERATOR);
    const fc = JSON.parse(readFileSync('api/data/malmo/malmo_delomraden_wgs84.geojson', 'utf8')) as {
      features: { geometry: { coordinates: number[][][] } }[];
    };
    for (const f of fc.features)
      f.geometry.coordinates = f.geometry.coordinates.map((ring) => ring.map(([x = 0, y = 0]) => [y, x]));
    const { openSqliteStore } = await import('../api/store/index.ts');
    const store = openSqliteStore(server.dbPath);
    try {
      await store.addBoundarySet({ version: 'axlar-bytta', geojson: JSON.stringify(fc) });
    } finally {
      await store.close();
    }

    const context = await browser.newContext({ baseURL: server.url, locale: 'sv-SE' });
    const page = await context.newPage();
    await signInStaff(page, MODERATOR.email, MODERATOR.password);
    await page
      .getByRole('navigation', { name: STAFF.nav })
      .getByRole('link', { name: 'Områdesindelningar' })
      .click();
    const row = page.getByTestId('boundary-row').filter({ hasText: 'axlar-bytta' });
    await row.getByRole('button', { name: /Använd den här/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Använd den här' }).click();
    await expect(page.getByTestId('boundaries-status')).toContainText(
      'Boundary set axlar-bytta cannot be activated: the coordinates',
    );
    await expect(page.getByTestId('boundaries-status')).toContainText('only with x and y exchanged');
    await expect(page.getByTestId('boundaries-status')).toContainText('latitude is written before longitude');
    await expect(page.getByTestId('boundary-row').filter({ hasText: 'malmo-delomraden-v1' })).toContainText(
      'Används nu',
    );
    await expect(row).not.toContainText('Används nu');
    await context.close();
  } finally {
    await server.stop();
  }
});
