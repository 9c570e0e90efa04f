import type { Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { startServer } from './support/server.ts';
import { createStaffAccount, STAFF, signInStaff } from './support/staff.ts';

/**
 * Posters (issue 7): a moderator prints the poster of an example insats for one of its target
 * areas; the QR code's link, typed or scanned, opens the insats in the app with that area chosen
 * on the device, and the address then no longer carries the area.
 */

const MODERATOR = {
  email: 'ola.moderator@malmo.example',
  password: 'Fyra-Gröna-Affischer-På-Väggen',
  role: 'moderator',
} as const;
const INSATS = { id: 'exempel-ung-i-sommar', title: 'Exempel: Ung i sommar' } as const;
const AREA = '48205';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test("a poster's QR link opens the insats with the area chosen", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await startServer(BUILDS.a);
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  try {
    await createStaffAccount(server, MODERATOR);
    const staff = await context.newPage();
    await signInStaff(staff, MODERATOR.email, MODERATOR.password, '/personal/affischer');
    await expect(heading(staff, 'Affischer')).toBeVisible();
    await expect(
      staff.getByRole('navigation', { name: STAFF.nav }).getByRole('link', { name: 'Affischer' }),
    ).toBeVisible();
    await expectNoViolations(staff, 'poster list');

    await staff.getByRole('link', { name: INSATS.title }).click();
    await expect(heading(staff, `Affisch: ${INSATS.title}`)).toBeVisible();
    const select = staff.getByLabel('Område på affischen');
    // Only the insats's target areas are offered.
    await expect(select.locator('option')).toHaveCount(5);
    await select.selectOption(AREA);

    const link = `${server.url}/i/${INSATS.id}/${AREA}`;
    const qr = staff.getByRole('img', { name: `QR-kod till ${link}` });
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute('data-link', link);
    await expect(qr.locator('path')).toHaveAttribute('d', /^M\d+ \d+h\d+v1h-\d+z/);
    await expect(staff.getByTestId('poster-link')).toHaveText(link);
    const poster = staff.getByTestId('poster');
    await expect(poster.getByRole('heading', { name: INSATS.title })).toBeVisible();
    await expect(poster).toContainText('Vad tycker du? Svara på 2 minuter – ingen inloggning');
    await expect(poster.locator('[lang="en"]')).toHaveText('Example: Summer jobs for young people');
    await expectNoViolations(staff, 'poster');

    // Printed: the poster alone, without the staff header, navigation and controls.
    const print = staff.getByRole('button', { name: 'Skriv ut' });
    await staff.emulateMedia({ media: 'print' });
    await expect(staff.getByRole('navigation', { name: STAFF.nav })).toBeHidden();
    await expect(print).toBeHidden();
    await expect(qr).toBeVisible();
    const qrWidth = await qr.evaluate((el) => el.getBoundingClientRect().width);
    // At least 6 cm (96 CSS px per inch).
    expect(qrWidth).toBeGreaterThanOrEqual((6 / 2.54) * 96);
    await staff.emulateMedia({ media: 'screen' });
    await expect(print).toBeVisible();

    // --- A young person types the link from the poster (a fresh device).
    const areas = (await (await staff.request.get('/api/areas')).json()) as {
      areas: { code: string; name: string }[];
    };
    const name = areas.areas.find((a) => a.code === AREA)?.name;
    expect(name).toBeTruthy();
    const phone = await browser.newContext({ baseURL: server.url, locale: 'sv-SE' });
    try {
      const participant = await phone.newPage();
      await participant.goto(link);
      await expect(heading(participant, INSATS.title)).toBeVisible();
      await expect(participant.getByTestId('chosen-area')).toHaveText(`Ditt område: ${name}`);
      await expect(participant).toHaveURL(`${server.url}/insats/${INSATS.id}`);
      // Remembered on the device: the start screen shows it as the chosen area.
      await participant.goto('/');
      await expect(participant.locator('.chosen-text')).toContainText(`Ditt område: ${name}`);
    } finally {
      await phone.close();
    }
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a short link of the wrong shape is not redirected', async ({ request, server }) => {
  const res = await request.get(`${server.url}/i/${INSATS.id}/1234`, { maxRedirects: 0 });
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toBe('application/problem+json');
});
