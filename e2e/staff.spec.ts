import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { startServer, type TestServer } from './support/server.ts';
import { createStaffAccount, STAFF, signInStaff, signOutStaff, staffNavLinks } from './support/staff.ts';

/**
 * The staff screens against a real server of their own (so activating a boundary set here
 * touches no other spec's server): an admin creates a moderator, the moderator sees only what
 * moderators may, the admin finds it all in the audit log; axe on every staff screen.
 */

const ADMIN = {
  email: 'admin@malmo.example',
  password: 'Korrekt-Häst-Batteri-Häftklammer',
  role: 'admin',
} as const;
const MODERATOR = { email: 'moderator@malmo.example', password: 'Tre-Blå-Cyklar-Vid-Kanalen' } as const;
const NO_ROLE = { email: 'ny@malmo.example', password: 'Sju-Sorters-Kakor-Till-Kaffet' } as const;

async function staffContext(browser: Browser, server: TestServer): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.url, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

/** No sideways scrolling of the page itself at the current width (tables scroll in their own box). */
async function expectNoPageOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('an admin creates a moderator, who sees only what moderators may, and the admin sees it in the audit log', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = await startServer(BUILDS.a);
  const contexts: BrowserContext[] = [];
  try {
    await createStaffAccount(server, { ...ADMIN, name: 'Ada Admin' });

    // --- The admin signs in (sign-in form checked empty and with errors first).
    contexts.push(await staffContext(browser, server));
    const admin = await (contexts[0] as BrowserContext).newPage();
    await admin.goto('/personal');
    await expect(heading(admin, STAFF.signInHeading)).toBeVisible();
    // The staff screens have their own header: none of the participant's.
    await expect(admin.getByRole('banner')).toContainText('Kraftsamla – personal');
    await expect(admin.getByRole('contentinfo')).toHaveCount(0);
    await expect(admin.getByLabel(STAFF.email)).toHaveAttribute('autocomplete', 'username');
    await expect(admin.getByLabel(STAFF.password, { exact: true })).toHaveAttribute(
      'autocomplete',
      'current-password',
    );
    await expectNoViolations(admin, 'staff sign-in');
    // No identity provider configured here: no button for it.
    await expect(admin.getByTestId('signin-oidc')).toHaveCount(0);
    // The identity provider's failures come back in the address.
    await admin.goto('/personal?signin=inactive');
    await expect(admin.getByTestId('signin-return')).toHaveText(
      'Ditt konto är avstängt. Fråga en administratör om du ska ha tillgång.',
    );
    await admin.goto('/personal?signin=failed');
    await expect(admin.getByTestId('signin-return')).toHaveText(/^Inloggningen misslyckades\./);

    await admin.getByRole('main').getByRole('button', { name: STAFF.signIn }).click();
    const email = admin.getByLabel(STAFF.email);
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Skriv din e-postadress.');
    await expect(admin.getByLabel(STAFF.password, { exact: true })).toHaveAccessibleDescription(
      'Skriv ditt lösenord.',
    );
    await expect(email).toBeFocused();
    await expectNoViolations(admin, 'staff sign-in with errors');

    await email.fill(ADMIN.email);
    await admin.getByLabel(STAFF.password, { exact: true }).fill('inte-det-rätta-lösenordet');
    await admin.getByRole('main').getByRole('button', { name: STAFF.signIn }).click();
    await expect(admin.getByTestId('signin-result')).toHaveText('Fel e-postadress eller lösenord.');
    await expect(admin.getByRole('status').filter({ hasText: 'Fel e-postadress' })).toBeVisible();

    await signInStaff(admin, ADMIN.email, ADMIN.password);
    await expect(heading(admin, STAFF.homeHeading)).toBeVisible();
    await expect(heading(admin, STAFF.homeHeading)).toBeFocused();
    await expect(admin.getByTestId('staff-who')).toHaveText('Inloggad som Ada Admin (Administratör)');
    expect(await staffNavLinks(admin)).toEqual([
      'Start',
      'Översikt',
      'Granska',
      'Insatser',
      'Indikatorer',
      'Användare',
      'Logg',
      'Områdesindelningar',
      'Inställningar',
      'Affischer',
    ]);
    await expectNoViolations(admin, 'staff home (admin)');

    // --- Users: a common password is refused beside its field, then the moderator is created.
    const nav = admin.getByRole('navigation', { name: STAFF.nav });
    await nav.getByRole('link', { name: 'Användare' }).click();
    await expect(heading(admin, STAFF.usersHeading)).toBeFocused();
    await expect(nav.getByRole('link', { name: 'Användare' })).toHaveAttribute('aria-current', 'page');
    await expect(admin.getByRole('row').filter({ hasText: ADMIN.email })).toBeVisible();
    await expectNoViolations(admin, 'staff users');

    const form = admin.getByTestId('add-user-form');
    await form.getByLabel('E-postadress').fill(MODERATOR.email);
    await form.getByLabel('Namn').fill('Mo Moderator');
    await form.getByLabel('Roll').selectOption({ label: 'Moderator' });
    const initial = form.getByLabel('Lösenord att börja med');
    await expect(initial).toHaveAccessibleDescription(/Minst 12 tecken, och inte ett vanligt lösenord/);
    await initial.fill('password1234');
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await expect(initial).toHaveAttribute('aria-invalid', 'true');
    await expect(initial).toBeFocused();
    await expect(admin.locator('#new-password-error')).toBeVisible();
    await expectNoViolations(admin, 'staff users, password refused');

    await initial.fill(MODERATOR.password);
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await expect(admin.getByTestId('add-user-status')).toHaveText(`${MODERATOR.email} är tillagd.`);
    const moderatorRow = admin.getByRole('row').filter({ hasText: MODERATOR.email });
    await expect(moderatorRow).toContainText('Moderator');
    await expect(moderatorRow).toContainText('Lösenord');

    // The same address again: 409, told beside the e-mail field.
    await form.getByLabel('E-postadress').fill(MODERATOR.email);
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await expect(form.getByLabel('E-postadress')).toHaveAccessibleDescription(
      'Det finns redan en användare med den e-postadressen.',
    );

    // A roleless account with a password, for the waiting screen.
    await form.getByLabel('E-postadress').fill(NO_ROLE.email);
    await form.getByLabel('Roll').selectOption({ label: 'Ingen roll' });
    await form.getByLabel('Lösenord att börja med').fill(NO_ROLE.password);
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await expect(admin.getByTestId('add-user-status')).toHaveText(`${NO_ROLE.email} är tillagd.`);
    await expect(admin.getByRole('row').filter({ hasText: NO_ROLE.email })).toContainText('Ingen roll');

    // The last admin cannot be demoted: said plainly.
    const adminRow = admin.getByRole('row').filter({ hasText: ADMIN.email });
    await adminRow.getByLabel(`Roll för ${ADMIN.email}`).selectOption({ label: 'Analytiker' });
    await adminRow.getByRole('button', { name: `Spara roll för ${ADMIN.email}` }).click();
    await expect(admin.getByTestId('users-status')).toHaveText(/minst en aktiv administratör/);
    await expect(adminRow.getByLabel(`Roll för ${ADMIN.email}`)).toHaveValue('analyst');
    await expect(adminRow.getByRole('cell').nth(1)).toHaveText('Administratör');

    // Usable at 320px: the page does not scroll sideways (the table scrolls in its own box).
    await admin.setViewportSize({ width: 320, height: 700 });
    await expectNoPageOverflow(admin);
    await admin.setViewportSize({ width: 1280, height: 720 });

    // --- Boundary sets: a second version to choose (the seed has one, active).
    await addBoundarySetCopy(server, 'e2e-kopia');
    await nav.getByRole('link', { name: 'Områdesindelningar' }).click();
    await expect(heading(admin, STAFF.boundariesHeading)).toBeFocused();
    await expect(admin.getByRole('row').filter({ hasText: 'malmo-delomraden-v1' })).toContainText(
      'Används nu',
    );
    await expectNoViolations(admin, 'staff boundary sets');

    await signOutStaff(admin);
    await expect(admin.getByRole('navigation', { name: STAFF.nav })).toHaveCount(0);

    // --- The moderator: only moderator screens.
    contexts.push(await staffContext(browser, server));
    const moderator = await (contexts[1] as BrowserContext).newPage();
    await signInStaff(moderator, MODERATOR.email, MODERATOR.password);
    await expect(heading(moderator, STAFF.homeHeading)).toBeVisible();
    expect(await staffNavLinks(moderator)).toEqual([
      'Start',
      'Översikt',
      'Granska',
      'Insatser',
      'Indikatorer',
      'Områdesindelningar',
      'Affischer',
    ]);
    await expect(moderator.getByRole('link', { name: 'Användare' })).toHaveCount(0);
    await expect(moderator.getByRole('link', { name: 'Logg' })).toHaveCount(0);
    await expectNoViolations(moderator, 'staff home (moderator)');

    await moderator.goto('/personal/anvandare');
    await expect(heading(moderator, STAFF.noAccessHeading)).toBeVisible();
    await expect(moderator.getByTestId('staff-no-access')).toBeVisible();
    await expectNoViolations(moderator, 'staff no access');
    await moderator.goto('/personal/logg');
    await expect(heading(moderator, STAFF.noAccessHeading)).toBeVisible();
    const status = await moderator.evaluate(async () => (await fetch('/api/staff/users')).status);
    expect(status).toBe(403);

    // Moderators choose the boundary set: confirm, then re-tagging runs to the end.
    await moderator.getByRole('link', { name: 'Områdesindelningar' }).click();
    const copyRow = moderator.getByRole('row').filter({ hasText: 'e2e-kopia' });
    await copyRow.getByRole('button', { name: 'Använd den här e2e-kopia' }).click();
    const dialog = moderator.getByRole('dialog');
    await expect(dialog).toContainText('Använda indelningen e2e-kopia?');
    await expectNoViolations(moderator, 'staff boundary sets, confirm');
    await dialog.getByRole('button', { name: 'Använd den här' }).click();
    await expect(copyRow).toContainText('Används nu');
    await expect(moderator.getByTestId('retag-text')).toHaveText('Alla svar är märkta efter e2e-kopia.', {
      timeout: 30_000,
    });
    await signOutStaff(moderator);

    // --- A roleless account waits for a role.
    await signInStaff(moderator, NO_ROLE.email, NO_ROLE.password);
    await expect(heading(moderator, STAFF.waitingHeading)).toBeVisible();
    await expect(moderator.getByRole('navigation', { name: STAFF.nav })).toHaveCount(0);
    await moderator.getByRole('button', { name: 'Kolla igen' }).click();
    await expect(moderator.getByTestId('waiting-status')).toHaveText('Du har fortfarande ingen roll.');
    await expectNoViolations(moderator, 'staff waiting for a role');
    await moderator.getByRole('main').getByRole('button', { name: STAFF.signOut }).click();
    await expect(heading(moderator, STAFF.signInHeading)).toBeVisible();

    // --- The admin finds the creation (and the activation) in the audit log.
    await signInStaff(admin, ADMIN.email, ADMIN.password, '/personal/logg');
    await expect(heading(admin, STAFF.auditHeading)).toBeVisible();
    const created = admin.getByTestId('audit-row').filter({ hasText: 'user.create' }).filter({
      hasText: MODERATOR.email,
    });
    await expect(created).toHaveCount(1);
    await expect(created).toContainText(ADMIN.email);
    await expect(created).toContainText('"role":"moderator"');
    await expect(admin.getByTestId('audit-row').filter({ hasText: 'boundaries.activate' })).toContainText(
      MODERATOR.email,
    );
    await expectNoViolations(admin, 'staff audit log');

    // Filters live in the address.
    await admin.getByLabel('Händelse').fill('user.create');
    await admin.getByRole('button', { name: 'Filtrera' }).click();
    await expect(admin).toHaveURL(/\/personal\/logg\?action=user\.create$/);
    await expect(admin.getByTestId('audit-row')).toHaveCount(3);
    await expect(admin.getByTestId('audit-row').filter({ hasNotText: 'user.create' })).toHaveCount(0);
    await admin.reload();
    await expect(admin.getByLabel('Händelse')).toHaveValue('user.create');
    await expect(admin.getByTestId('audit-row')).toHaveCount(3);
    await admin.setViewportSize({ width: 320, height: 700 });
    await expectNoPageOverflow(admin);
    await expectNoViolations(admin, 'staff audit log, filtered, 320px');
  } finally {
    for (const context of contexts) await context.close();
    await server.stop();
  }
});

test('too many sign-in attempts are refused with the wait in plain words', async ({ browser }) => {
  const server = await startServer(BUILDS.a, { SIGN_IN_LIMIT_PER_ACCOUNT_ADDRESS: '3' });
  const context = await staffContext(browser, server);
  try {
    const page = await context.newPage();
    await page.goto('/personal');
    await expect(heading(page, STAFF.signInHeading)).toBeVisible();
    const email = page.getByLabel(STAFF.email);
    const password = page.getByLabel(STAFF.password, { exact: true });
    const result = page.getByTestId('signin-result');
    for (let i = 0; i < 3; i++) {
      await email.fill('ingen@malmo.example');
      await password.fill(`fel-lösenord-${i}`);
      await page.getByRole('main').getByRole('button', { name: STAFF.signIn }).click();
      await expect(result).toHaveText('Fel e-postadress eller lösenord.');
      await expect(password).toHaveValue('');
    }
    await password.fill('fel-lösenord-igen');
    await page.getByRole('main').getByRole('button', { name: STAFF.signIn }).click();
    await expect(result).toHaveText(/^För många försök att logga in\. Vänta \d+ min och försök igen\.$/);
    await expectNoViolations(page, 'staff sign-in, rate limited');

    // In English the server's own words are shown (they say how long to wait).
    await page.getByLabel('Språk (Language)').selectOption('en');
    await expect(heading(page, 'Sign in')).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill('wrong-again');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await expect(result).toHaveText(
      /^Too many sign-in attempts for this account\. Wait \d+ minutes? and try again\.$/,
    );
  } finally {
    await context.close();
    await server.stop();
  }
});

/** Stores a copy of the active boundary set under another version, as an import would. */
async function addBoundarySetCopy(server: TestServer, version: string): Promise<void> {
  const { openSqliteStore } = await import('../api/store/index.ts');
  const store = openSqliteStore(server.dbPath);
  try {
    const active = await store.activeBoundaryVersion();
    const geojson = active && (await store.boundarySetGeojson(active));
    if (!geojson) throw new Error('the test server has no active boundary set');
    await store.addBoundarySet({ version, geojson });
  } finally {
    await store.close();
  }
}
