import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { startServer, type TestServer } from './support/server.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * The staff start page's to-do counts and their links into the filtered queue; the audit log as
 * sentences with a before/after table and raw JSON behind a toggle; queue shortcuts only while
 * an item has focus, with their off switch; names in the accessibility tree of the insats edit
 * screen and the dashboard map; and the plain page staff get offline. Screenshots of the home
 * and audit screens at 1280×800 into docs/screenshots/.
 */

const MODERATOR = {
  email: 'mo@malmo.example',
  password: 'Tre-Blå-Cyklar-Vid-Kanalen',
  role: 'moderator',
} as const;
const ADMIN = {
  email: 'ada@malmo.example',
  password: 'Korrekt-Häst-Batteri-Häftklammer',
  role: 'admin',
} as const;

const comment = (text: string, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  id: randomUUID(),
  kind: 'comment',
  insatsId: 'exempel-tryggare-malmo',
  text,
  respondent: { group: 'youth', ageBand: '16-19' },
  location: { areaCode: '11319' },
  deviceId: `device-${randomUUID().slice(0, 12)}`,
  locale: 'sv',
  createdAt: new Date().toISOString(),
  ...extra,
});

async function submit(server: TestServer, items: unknown[]): Promise<void> {
  const res = await fetch(`${server.url}/api/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ submissions: items }),
  });
  expect(res.status).toBe(200);
}

/** A staff API call from the signed-in page, with its CSRF token. */
async function staffCall(page: Page, method: string, path: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify(body),
      });
      return res.status;
    },
    { method, path, body },
  );
}

/** Regions (named sections) inside a region of the same name: there must be none. */
async function nestedSameNameRegions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nameOf = (el: Element) => {
      const ids = el.getAttribute('aria-labelledby');
      if (ids)
        return ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .join(' ');
      return el.getAttribute('aria-label') ?? '';
    };
    const regions = [
      ...document.querySelectorAll('section[aria-labelledby], section[aria-label], [role="region"]'),
    ];
    const out: string[] = [];
    for (const r of regions) {
      const name = nameOf(r);
      let up = r.parentElement?.closest('section[aria-labelledby], section[aria-label], [role="region"]');
      while (up) {
        if (nameOf(up) === name) out.push(name);
        up =
          up.parentElement?.closest('section[aria-labelledby], section[aria-label], [role="region"]') ?? null;
      }
    }
    return out;
  });
}

test('staff home, readable audit log, scoped shortcuts, names in the tree, offline staff page', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const server = await startServer(BUILDS.a);
  const contexts: BrowserContext[] = [];
  try {
    await createStaffAccount(server, { ...MODERATOR, name: 'Mo Moderator' });
    await createStaffAccount(server, { ...ADMIN, name: 'Ada Admin' });
    const flagged = comment('Ring mig på 070-123 45 67 om lekplatsen.');
    const answerMe = comment('När öppnar fritidsgården igen?', {
      contact: { email: 'ung.person@example.org', consentVersion: 'v1' },
    });
    const plain = [comment('Fler bänkar i parken, tack.'), comment('Bättre belysning vid skolan.')];
    const toReject = comment('Jag heter Kim Svensson och bor på Ystadvägen 12.');
    await submit(server, [flagged, answerMe, ...plain, toReject]);

    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      viewport: { width: 1280, height: 800 },
    });
    contexts.push(context);
    const page = await context.newPage();

    // --- The moderator's start page: what needs doing, each a link into the filtered queue.
    await signInStaff(page, MODERATOR.email, MODERATOR.password);
    const todo = page.getByRole('region', { name: 'Att göra' });
    await expect(todo.getByRole('link', { name: '5 Väntar på granskning' })).toBeVisible();
    await expect(todo.getByRole('link', { name: '1 Flaggade' })).toBeVisible();
    await expect(todo.getByRole('link', { name: '0 Har väntat längre än 7 dagar' })).toBeVisible();
    await expect(todo.getByRole('link', { name: '1 Väntar på svar' })).toBeVisible();
    await expectNoViolations(page, 'staff home with to-do counts');
    await page.screenshot({ path: 'docs/screenshots/staff-home-sv.png' });
    // N is the person's choice, kept in this browser.
    await page.getByLabel('Räkna som väntat längre än (dagar)').fill('30');
    await page.getByRole('button', { name: 'Räkna om' }).click();
    await expect(todo.getByRole('link', { name: '0 Har väntat längre än 30 dagar' })).toBeVisible();
    await page.reload();
    await expect(todo.getByRole('link', { name: '0 Har väntat längre än 30 dagar' })).toBeVisible();

    await todo.getByRole('link', { name: '1 Väntar på svar' }).click();
    await expect(page).toHaveURL(/\/personal\/granska\?.*awaitingAnswer=1/);
    await expect(page.getByTestId('queue-item')).toHaveCount(1);
    await expect(page.getByTestId('queue-item')).toContainText('fritidsgården');
    await expect(page.getByLabel('Bara de som väntar på svar')).toBeChecked();

    // A rejection with a reason, for the log (while it is still pending: its change is pending → rejected).
    expect(
      await staffCall(page, 'POST', '/api/staff/moderation', {
        target: { ids: [toReject.id] },
        action: 'reject',
        reason: { text: 'Personuppgifter' },
      }),
    ).toBe(200);

    // --- Shortcuts: a letter on an ordinary link does nothing; on an item it acts.
    await page.goto('/personal/granska');
    const items = page.getByTestId('queue-item');
    await expect(items).toHaveCount(4);
    const first = items.nth(0);
    const second = items.nth(1);
    await page.getByRole('navigation', { name: 'Personal' }).getByRole('link').first().focus();
    await page.keyboard.press('a');
    await second.focus();
    await page.keyboard.press('a');
    // Had the first press approved the current item, this one would have been refused as busy,
    // or the first would show approved.
    await expect(second.getByTestId('item-status')).toHaveText('Godkänd');
    await expect(first.getByTestId('item-status')).toHaveText('Väntar');

    // The off switch, remembered across a reload.
    const keysOn = page.getByLabel('Använd kortkommandon');
    await expect(keysOn).toBeChecked();
    await keysOn.uncheck();
    await page.reload();
    await expect(keysOn).not.toBeChecked();
    await expect(page.getByText('Kortkommandona är avstängda.')).toBeVisible();
    await expect(items).toHaveCount(3);
    await items.nth(1).focus();
    await page.keyboard.press('a');
    await keysOn.check();
    await items.nth(2).focus();
    await page.keyboard.press('a');
    await expect(items.nth(2).getByTestId('item-status')).toHaveText('Godkänd');
    await expect(items.nth(1).getByTestId('item-status')).toHaveText('Väntar');

    await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).click();

    // --- The admin reads the log as sentences.
    await signInStaff(page, ADMIN.email, ADMIN.password, '/personal/logg?action=submission.');
    await expect(page.getByRole('heading', { level: 1, name: 'Logg' })).toBeVisible();
    const rejected = page.getByTestId('audit-row').filter({ hasText: 'avvisade' });
    await expect(rejected).toHaveCount(1);
    await expect(rejected.getByText('Mo Moderator avvisade ett inlägg: Personuppgifter')).toBeVisible();
    await expect(
      page.getByTestId('audit-row').filter({ hasText: 'Mo Moderator godkände ett inlägg' }),
    ).toHaveCount(2);
    const changes = rejected.getByRole('table', { name: 'Ändrade fält, före och efter' });
    await expect(changes.getByRole('row', { name: /status pending rejected/ })).toBeVisible();
    const raw = rejected.getByText('"status":"rejected"');
    await expect(raw).toBeHidden();
    await rejected.getByText('Visa rådata (JSON)').click();
    await expect(raw).toBeVisible();
    // The filter is kept in the address and the form.
    await expect(page.getByLabel('Händelse')).toHaveValue('submission.');
    await expectNoViolations(page, 'staff audit log as sentences');
    expect(await nestedSameNameRegions(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/staff-audit-sv.png' });

    // --- Insats edit: every language field named, no two groups named alike, Upp/Ner in the names.
    await page.goto('/personal/insatser/exempel-tryggare-malmo');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const language of ['Svenska', 'English', 'العربية']) {
      const group = page.getByRole('group', { name: new RegExp(`^Bildtext – ${language}`) });
      await expect(
        group.getByRole('textbox', {
          name: 'Bildtext för den som inte ser bilden (krävs när det finns en bild)',
        }),
      ).toBeVisible();
      await expect(
        page
          .getByRole('group', { name: new RegExp(`^Texter – ${language}`) })
          .getByRole('textbox', { name: 'Titel' }),
      ).toBeVisible();
    }
    const shape = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const legends = [...document.querySelectorAll('legend')].map((l) => l.textContent?.trim() ?? '');
      const misnamed = [...document.querySelectorAll('button[aria-label]')]
        .filter((b) => !(b.getAttribute('aria-label') ?? '').includes(b.textContent?.trim() ?? ''))
        .map((b) => b.getAttribute('aria-label'));
      return {
        duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
        duplicateLegends: legends.filter((l, i) => legends.indexOf(l) !== i),
        misnamed,
      };
    });
    expect(shape).toEqual({ duplicateIds: [], duplicateLegends: [], misnamed: [] });
    await expect(page.getByRole('button', { name: 'Ner – flytta fråga 1 nedåt' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Upp – flytta fråga 2 uppåt' })).toBeVisible();
    expect(await nestedSameNameRegions(page)).toEqual([]);
    await page.goto('/personal/indikatorer/uvas-16-24');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('path.area').first()).toBeAttached();
    expect(await nestedSameNameRegions(page)).toEqual([]);

    // --- Dashboard: each area named once, and no region inside a region of the same name.
    await page.goto('/personal/oversikt');
    await expect(page.locator('path.area').first()).toBeAttached();
    expect(await page.locator('path.area title').count()).toBe(0);
    expect(await nestedSameNameRegions(page)).toEqual([]);

    // --- Offline: staff pages say they need the network; participant pages still open.
    await page.goto('/');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto('/personal');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Personalsidorna behöver nätverket' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Staff pages need the network' })).toBeVisible();
    await expectNoViolations(page, 'staff page offline');
    await page.goto('/mina-svar');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Personalsidorna behöver nätverket');
    await context.setOffline(false);
  } finally {
    for (const c of contexts) await c.close();
    await server.stop();
  }
});
