import { randomUUID } from 'node:crypto';
import { expectNoViolations } from './support/axe.ts';
import { BUILDS } from './support/global-setup.ts';
import { expect, test } from './support/fixtures.ts';
import { QUEUE } from './support/moderation.ts';
import { startServer, type TestServer } from './support/server.ts';
import { createStaffAccount, STAFF, signInStaff } from './support/staff.ts';

/**
 * Staff scoped by nämnd end to end: comments about an insats of fritidsnämnden, about one of
 * grundskolenämnden only, and about no insats; an admin gives a moderator fritidsnämnden on the
 * users screen; the moderator's queue then holds only the fritidsnämnden items and the overview
 * counts only those.
 */

const ADMIN = {
  email: 'admin@malmo.example',
  password: 'Korrekt-Häst-Batteri-Häftklammer',
  role: 'admin',
} as const;
const MODERATOR = {
  email: 'fritid@malmo.example',
  password: 'Tre-Blå-Cyklar-Vid-Kanalen',
  role: 'moderator',
} as const;

/** Ung i sommar is carried by fritidsnämnden (among others), Prao år 8 by grundskolenämnden only. */
const FRITID = { insatsId: 'exempel-ung-i-sommar', text: 'Fritid: fler sommarjobb nära parken.' };
const SKOLA = { insatsId: 'exempel-prao-ar-8', text: 'Skola: fler praoplatser nära skolan.' };
const NONE_TEXT = 'Utan insats: mer ljus på torget.';

/** Comments sent as a device sends them; each must be accepted. */
async function seed(server: TestServer, items: { insatsId?: string; text: string }[]): Promise<void> {
  const now = new Date().toISOString();
  const res = await fetch(`${server.url}/api/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      submissions: items.map((item, i) => ({
        schemaVersion: 1,
        id: randomUUID(),
        kind: 'comment',
        ...(item.insatsId ? { insatsId: item.insatsId } : {}),
        text: item.text,
        respondent: { group: 'youth', ageBand: '16-19' },
        location: { areaCode: '11319' },
        deviceId: `scope-e2e-device-${i}`,
        locale: 'sv',
        createdAt: now,
      })),
    }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { status: string }[] };
  expect(body.results.map((r) => r.status)).toEqual(items.map(() => 'created'));
}

test('an admin scopes a moderator to fritidsnämnden, who then sees only its items and its counts', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = await startServer(BUILDS.a);
  try {
    await createStaffAccount(server, { ...ADMIN, name: 'Ada Admin' });
    await createStaffAccount(server, { ...MODERATOR, name: 'Frida Fritid' });
    await seed(server, [FRITID, FRITID, SKOLA, SKOLA, SKOLA, { text: NONE_TEXT }]);

    // --- The admin gives the moderator fritidsnämnden.
    const adminContext = await browser.newContext({ baseURL: server.url, locale: 'sv-SE' });
    const admin = await adminContext.newPage();
    await signInStaff(admin, ADMIN.email, ADMIN.password, '/personal/anvandare');
    await expect(admin.getByRole('heading', { level: 1, name: STAFF.usersHeading })).toBeVisible();
    const row = admin.getByTestId('user-row').and(admin.locator(`[data-email="${MODERATOR.email}"]`));
    await expect(row.getByTestId('user-namnder-text')).toHaveText('Alla');
    const namnder = row.getByRole('group', { name: `Nämnder för ${MODERATOR.email}` });
    await namnder.getByLabel('Fritidsnämnden').check();
    await namnder.getByRole('button', { name: /Spara nämnder/ }).click();
    await expect(admin.getByTestId('users-status')).toContainText(
      `${MODERATOR.email} ser nu: Fritidsnämnden.`,
    );
    await expect(row.getByTestId('user-namnder-text')).toHaveText('Fritidsnämnden');
    await expectNoViolations(admin, 'users with nämnder');
    // The admin still sees everything.
    await admin.goto('/personal/granska');
    await expect(admin.getByRole('heading', { level: 1, name: QUEUE.heading })).toBeVisible();
    await expect(admin.getByTestId('queue-item')).toHaveCount(6);

    // --- The moderator sees only the fritidsnämnden items, and only their counts.
    const modContext = await browser.newContext({ baseURL: server.url, locale: 'sv-SE' });
    const moderator = await modContext.newPage();
    await signInStaff(moderator, MODERATOR.email, MODERATOR.password, '/personal/granska');
    await expect(moderator.getByRole('heading', { level: 1, name: QUEUE.heading })).toBeVisible();
    const items = moderator.getByTestId('queue-item');
    await expect(items).toHaveCount(2);
    await expect(items.filter({ hasText: FRITID.text })).toHaveCount(2);
    await expect(moderator.getByText(SKOLA.text)).toHaveCount(0);
    await expect(moderator.getByText(NONE_TEXT)).toHaveCount(0);

    await moderator.goto('/personal/oversikt');
    await expect(moderator.getByTestId('dashboard-total')).toHaveText('2');
    await admin.goto('/personal/oversikt');
    await expect(admin.getByTestId('dashboard-total')).toHaveText('6');
  } finally {
    await server.stop();
  }
});
