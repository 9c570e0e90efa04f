/**
 * Staff sign-in through the city's identity provider, end to end: a real OpenID provider
 * (api/test/oidc-provider.ts), the real server configured with OIDC_*, and two browsers — a
 * newcomer who signs in through the provider and waits for a role, and an admin (a local
 * account) who grants it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { hashPassword } from '../api/auth/passwords/index.ts';
import { freePort } from '../api/test/free-port.ts';
import { startOidcProvider, type TestOidcProvider } from '../api/test/oidc-provider.ts';
import { openSqliteStore } from '../api/store/index.ts';
import { BUILDS } from './support/global-setup.ts';
import { startServer, type TestServer } from './support/server.ts';

const ADMIN = { email: 'admin@malmo.se', password: 'ett-långt-admin-lösenord-för-test' };
const NEWCOMER = 'ny.medarbetare@malmo.se';

let server: TestServer;
let provider: TestOidcProvider;

test.beforeAll(async () => {
  // The server reads its provider lazily (at the first sign-in), so it can start first and the
  // provider after it, once the callback URL (the server's port) is known.
  const providerPort = await freePort();
  const clientSecret = randomBytes(24).toString('hex');
  server = await startServer(BUILDS.a, {
    OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
    OIDC_CLIENT_ID: 'kraftsamla-test',
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_NAME: 'Testkommun',
    OIDC_ALLOW_HTTP: 'on',
  });
  provider = await startOidcProvider({
    redirectUris: [`${server.url}/api/auth/oidc/callback`],
    port: providerPort,
    clientSecret,
  });
  await createAdmin(server.dbPath);
});

test.afterAll(async () => {
  await provider?.stop();
  await server?.stop();
});

/** The first admin, as `npm run staff:create` makes one: a local account with a password. */
async function createAdmin(dbPath: string): Promise<void> {
  const store = openSqliteStore(dbPath);
  try {
    const at = new Date().toISOString();
    const id = randomUUID();
    const created = await store.createStaffUser(
      {
        id,
        email: ADMIN.email,
        name: 'Admin Adminsson',
        role: 'admin',
        active: true,
        passwordHash: await hashPassword(ADMIN.password),
        oidcSubject: null,
        createdAt: at,
        updatedAt: at,
        lastLoginAt: null,
        namnder: [],
        inputWithoutInsats: false,
      },
      {
        id: randomUUID(),
        at,
        actorId: null,
        actorLabel: 'cli',
        action: 'user.create',
        targetType: 'staff_user',
        targetId: id,
        before: null,
        after: { email: ADMIN.email, role: 'admin' },
        requestId: null,
      },
    );
    expect(created).toBe('created');
  } finally {
    await store.close();
  }
}

/** The sign-in screen's way to the identity provider. */
function oidcButton(page: Page) {
  return page.getByTestId('signin-oidc').filter({ hasText: 'Logga in med Testkommun' });
}

/** The provider's development login and consent screens. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('vad som helst');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a first-time user signs in through the provider, waits for a role, gets one from an admin, signs out', async ({
  browser,
}) => {
  const newcomer = await browser.newContext({ baseURL: server.url });
  const admin = await browser.newContext({ baseURL: server.url });
  try {
    const page = await newcomer.newPage();
    await page.goto('/personal');
    await oidcButton(page).click();
    await signInAtProvider(page, NEWCOMER);
    await expect(page).toHaveURL(`${server.url}/personal`);
    await expect(page.getByRole('heading', { level: 1, name: 'Du väntar på en roll' })).toBeVisible();
    await expect(page.getByText(`Du är inloggad som ${NEWCOMER}`)).toBeVisible();

    const adminPage = await admin.newPage();
    await adminPage.goto('/personal');
    await adminPage.getByLabel('E-postadress').fill(ADMIN.email);
    await adminPage.getByLabel('Lösenord').fill(ADMIN.password);
    await adminPage.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Personalens startsida' })).toBeVisible();
    await adminPage.getByRole('link', { name: 'Användare' }).first().click();
    const row = adminPage.locator(`[data-testid="user-row"][data-email="${NEWCOMER}"]`);
    await expect(row).toContainText('Ingen roll');
    await row.getByLabel(`Roll för ${NEWCOMER}`).selectOption('moderator');
    await row.getByRole('button', { name: /Spara roll/ }).click();
    await expect(adminPage.getByText(`${NEWCOMER} har nu rollen Moderator.`)).toBeVisible();

    // The newcomer's session is the same one: the role counts as soon as the page asks again.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Personalens startsida' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Områdesindelningar' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Användare' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
    await page.reload();
    await expect(oidcButton(page)).toBeVisible();
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
  } finally {
    await newcomer.close();
    await admin.close();
  }
});

test('a sign-in cancelled at the provider comes back to the sign-in screen saying it failed', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    await page.goto('/personal');
    await oidcButton(page).click();
    await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
    // The development login screen's own way out: "[ Cancel ]" aborts the interaction.
    await page.getByRole('link', { name: /Cancel/ }).click();
    await expect(page).toHaveURL(`${server.url}/personal?signin=failed`);
    await expect(page.getByTestId('signin-return')).toHaveText(
      'Inloggningen misslyckades. Försök igen, eller fråga en administratör.',
    );
  } finally {
    await context.close();
  }
});
