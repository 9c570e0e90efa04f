import { spawn } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import type { Role } from '../../common/wire/staff.ts';
import type { TestServer } from './server.ts';

/**
 * Staff steps for the browser tests, with the names the staff screens give their controls
 * (Swedish: the tests' browser locale is sv-SE). Stable hooks for other specs too
 * (e2e/staff-oidc.spec.ts): the headings, labels and button names below, and these test ids:
 * `staff-who` (header: "Inloggad som {name} ({role})"), `signin-result` (sign-in live region),
 * `signin-return` (the ?signin=failed|inactive notice), `signin-oidc` (the identity provider
 * button), `waiting-status`, `staff-no-access`, `add-user-form`, `add-user-status`,
 * `users-status`, `user-row` (with `data-email`), `audit-row`, `audit-older`, `audit-status`,
 * `boundary-row`, `boundaries-status`, `retag-text`.
 */
export const STAFF = {
  signInHeading: 'Logga in',
  homeHeading: 'Personalens startsida',
  waitingHeading: 'Du väntar på en roll',
  noAccessHeading: 'Du har inte tillgång till det här',
  usersHeading: 'Användare',
  auditHeading: 'Logg',
  boundariesHeading: 'Områdesindelningar',
  email: 'E-postadress',
  password: 'Lösenord',
  signIn: 'Logga in',
  signOut: 'Logga ut',
  nav: 'Personal',
} as const;

/** A staff account made outside the screens, the way an operator makes the first admin. */
export interface StaffAccount {
  email: string;
  password: string;
  role: Role;
  name?: string;
}

/**
 * Creates a staff account in the test server's database with the operators' command
 * (`npm run staff:create`, scripts/staff-create.ts), the password on stdin as documented (never
 * an argument). Accounts without a role are made in the Users screen (or by a first OIDC sign-in).
 */
export function createStaffAccount(server: TestServer, account: StaffAccount): Promise<void> {
  const args = [
    '--import',
    'tsx',
    'scripts/staff-create.ts',
    '--email',
    account.email,
    '--role',
    account.role,
  ];
  if (account.name) args.push('--name', account.name);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, DATABASE_URL: `sqlite:${server.dbPath}` },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`staff:create exited with ${code}:\n${output}`));
    });
    child.stdin.end(`${account.password}\n`);
  });
}

/** Opens the staff screens signed out and signs in with e-mail and password. */
export async function signInStaff(
  page: Page,
  email: string,
  password: string,
  path = '/personal',
): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: STAFF.signInHeading })).toBeVisible();
  await page.getByLabel(STAFF.email).fill(email);
  await page.getByLabel(STAFF.password, { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: STAFF.signIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: STAFF.signInHeading })).toBeHidden();
}

/** Signs out from the staff header and waits for the sign-in form. */
export async function signOutStaff(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: STAFF.signOut }).click();
  await expect(page.getByRole('heading', { level: 1, name: STAFF.signInHeading })).toBeVisible();
}

/** The links of the staff navigation, in order. */
export async function staffNavLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: STAFF.nav }).getByRole('link').allTextContents();
}
