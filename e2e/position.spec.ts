import { copyFileSync, mkdirSync } from 'node:fs';
import type { BrowserContext, Page, TestInfo } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { acceptPrivacyIfAsked, chooseArea, openStart } from './support/journeys.ts';

/**
 * "Where am I": the phone's position (Playwright's geolocation emulation) is named as a
 * delområde on the device, from the map data, and confirmed or changed by the person; the
 * confirmed area orders the insatser as choosing it from the list does. On a 360×640 phone, in
 * Swedish and Arabic, online and offline after a first visit.
 */

/** Inside Södra Sofielund (its label point: far from every border). */
const SODRA_SOFIELUND = { latitude: 55.583248, longitude: 13.015363 };
/** Inside Hermodsdal, 10 m from its border with Nydala. */
const HERMODSDAL_BY_NYDALA = { latitude: 55.568675, longitude: 13.019711 };
/** Lund: outside Malmö. */
const LUND = { latitude: 55.7047, longitude: 13.191 };

test.use({
  viewport: { width: 360, height: 640 },
  permissions: ['geolocation'],
  geolocation: { ...SODRA_SOFIELUND, accuracy: 20 },
});

/** Presses "Use my position" and agrees to the consent, in Swedish or Arabic. */
async function usePosition(page: Page, lang: 'sv' | 'ar' = 'sv'): Promise<void> {
  const [button, allow] =
    lang === 'sv'
      ? ['Använd min position', 'Ja, använd min position']
      : ['استخدم موقعي', 'نعم، استخدم موقعي'];
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('button', { name: allow, exact: true }).click();
}

/** The titles of the insatser under a heading of the start screen's list, in order. */
async function insatserUnder(page: Page, heading: string): Promise<string[]> {
  const list = page.locator('.insatser h3', { hasText: heading }).locator('xpath=following-sibling::ul[1]');
  return list.locator('.card-title a').allInnerTexts();
}

/** A 360×640 screenshot of the answer, attached, and copied to docs/ on request. */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.locator('.position-answer').scrollIntoViewIfNeeded();
  const shot = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: shot });
  await testInfo.attach(name, { path: shot, contentType: 'image/png' });
  if (process.env.UPDATE_DOC_SCREENSHOTS) {
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(shot, `docs/screenshots/${name}.png`);
  }
}

async function setPosition(
  context: BrowserContext,
  at: { latitude: number; longitude: number },
  accuracy: number,
) {
  await context.setGeolocation({ ...at, accuracy });
}

test('the position is named as the area it is in, confirmed, and orders the insatser', async ({
  page,
}, testInfo) => {
  await openStart(page);
  await usePosition(page);
  const answer = page.getByRole('heading', { level: 2, name: 'Du verkar vara i Södra Sofielund.' });
  await expect(answer).toBeFocused();
  await expect(page.getByText('Stämmer det?')).toBeVisible();
  await expectNoViolations(page, 'start, position named');
  await shoot(page, testInfo, 'position-sv');

  await page.getByRole('button', { name: 'Stämmer', exact: true }).click();
  await expect(page.getByText('Ditt område: Södra Sofielund')).toBeFocused();
  // Its insatser first ...
  const inArea = await insatserUnder(page, 'I ditt område');
  const elsewhere = await insatserUnder(page, 'I andra delar av Malmö');
  expect([...inArea].sort()).toEqual(['Exempel: Tryggare Malmö', 'Exempel: Ung i sommar']);
  expect(elsewhere).toEqual(['Exempel: Prao i år 8']);
  // The area is remembered on the phone like a chosen one; the exact point is not.
  await expect(page.getByRole('button', { name: 'Sluta använda min position' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('Ditt område: Södra Sofielund')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sluta använda min position' })).toHaveCount(0);
  // ... in exactly the order choosing the area from the list gives.
  await page.getByRole('button', { name: 'Byt område' }).click();
  await chooseArea(page, 'Södra Sofielund');
  expect(await insatserUnder(page, 'I ditt område')).toEqual(inArea);
  expect(await insatserUnder(page, 'I andra delar av Malmö')).toEqual(elsewhere);
});

test('a position near a border offers the areas on both sides, nearest first', async ({ page, context }) => {
  await setPosition(context, HERMODSDAL_BY_NYDALA, 40);
  await openStart(page);
  await usePosition(page);
  const question = page.getByRole('heading', {
    level: 2,
    name: 'Du är nära en gräns. Vilket område är du i?',
  });
  await expect(question).toBeFocused();
  const offered = page
    .getByRole('list', { name: 'Du är nära en gräns. Vilket område är du i?' })
    .getByRole('button');
  await expect(offered).toHaveCount(2);
  expect(await offered.allInnerTexts()).toEqual([
    expect.stringMatching(/^Hermodsdal/),
    expect.stringMatching(/^Nydala/),
  ]);
  await expectNoViolations(page, 'start, position near a border');

  await offered.filter({ hasText: 'Nydala' }).click();
  await expect(page.getByText('Ditt område: Nydala')).toBeFocused();
  expect(await insatserUnder(page, 'I ditt område')).toEqual(['Exempel: Prao i år 8']);
});

test('"Choose another" leads to the list, with nothing chosen', async ({ page }) => {
  await openStart(page);
  await usePosition(page);
  await page.getByRole('button', { name: 'Välj ett annat', exact: true }).click();
  await expect(page.getByRole('searchbox', { name: 'Sök område' })).toBeFocused();
  await expect(page.getByText(/^Ditt område/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'I ditt område' })).toHaveCount(0);
});

test('choosing on the map after "Choose another": the position is drawn where the phone is, in its area', async ({
  page,
}, testInfo) => {
  await openStart(page);
  await usePosition(page);
  await page.getByRole('button', { name: 'Välj ett annat', exact: true }).click();
  await page.getByRole('button', { name: 'Karta', exact: true }).click();
  const marker = page
    .getByRole('group', { name: 'Karta över Malmös områden' })
    .getByRole('img', { name: 'Du är här' });
  await expect(marker).toBeVisible();
  // The dot lies inside Södra Sofielund's outline, and nowhere else.
  const under = await page.locator('circle.position-dot').evaluate((dot) => {
    const c = dot as SVGCircleElement;
    const p = new DOMPoint(c.cx.baseVal.value, c.cy.baseVal.value);
    return [...document.querySelectorAll<SVGPathElement>('path[data-code]')]
      .filter((path) => path.isPointInFill(p))
      .map((path) => path.getAttribute('aria-label') ?? '');
  });
  expect(under).toEqual([expect.stringMatching(/^Södra Sofielund/)]);
  const shot = testInfo.outputPath('map-position-sv.png');
  await marker.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot });
  await testInfo.attach('map-position-sv', { path: shot, contentType: 'image/png' });
  if (process.env.UPDATE_DOC_SCREENSHOTS) copyFileSync(shot, 'docs/screenshots/map-position-sv.png');
});

// Each in its own page: the browser may answer a second request within a minute from its last fix.
test('a position outside Malmö says so and leads to the list', async ({ page, context }) => {
  await setPosition(context, LUND, 20);
  await openStart(page);
  await usePosition(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Du verkar vara utanför Malmö.' })).toBeFocused();
  await expect(page.getByText('Välj ett område i listan.')).toBeVisible();
  await expectNoViolations(page, 'start, position outside Malmö');
  await page.getByRole('button', { name: 'Välj i listan', exact: true }).click();
  await expect(page.getByRole('searchbox', { name: 'Sök område' })).toBeFocused();
});

test('a position too uncertain to name an area says so and leads to the list', async ({ page, context }) => {
  await setPosition(context, SODRA_SOFIELUND, 5000);
  await openStart(page);
  await usePosition(page);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Telefonen vet inte riktigt var du är.' }),
  ).toBeFocused();
  await expectNoViolations(page, 'start, position too uncertain');
  await page.getByRole('button', { name: 'Välj i listan', exact: true }).click();
  await expect(page.getByRole('searchbox', { name: 'Sök område' })).toBeFocused();
});

test('in Arabic: the area is named in an Arabic sentence, its name marked as Swedish', async ({
  page,
}, testInfo) => {
  await openStart(page);
  await page.getByLabel('Språk (Language)').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await usePosition(page, 'ar');
  const answer = page.getByRole('heading', { level: 2, name: 'يبدو أنك في Södra Sofielund.' });
  await expect(answer).toBeFocused();
  await expect(answer.locator('[lang="sv"]')).toHaveText('Södra Sofielund');
  await expect(page.getByRole('button', { name: 'نعم، صحيح', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'اختر منطقة أخرى', exact: true })).toBeVisible();
  await expectNoViolations(page, 'start, position named, Arabic');
  // No sideways scrolling on the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shoot(page, testInfo, 'position-ar');
  await page.getByRole('button', { name: 'نعم، صحيح', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'في منطقتك' })).toBeVisible();
});

test('offline after a first visit: the position is named from the map the service worker kept', async ({
  page,
  context,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await openStart(page);
  await waitForServiceWorker(page);
  // The map was never opened on this visit: the worker fetched it when it was installed.
  expect(requested).not.toContain('/api/areas/map');
  await page.waitForFunction(async () => Boolean(await caches.match('/api/areas/map', { ignoreVary: true })));

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: /^Södra Sofielund/ })).toBeVisible();
  await setPosition(context, HERMODSDAL_BY_NYDALA, 5);
  await usePosition(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Du verkar vara i Hermodsdal.' })).toBeFocused();
  await page.getByRole('button', { name: 'Stämmer', exact: true }).click();
  await expect(page.getByText('Ditt område: Hermodsdal')).toBeVisible();
  expect(await insatserUnder(page, 'I ditt område')).toEqual(['Exempel: Prao i år 8']);
  await context.setOffline(false);
});

/** What this device saved, oldest first: each item's location and the tags the server gave it. */
async function savedLocations(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ state: string; location: unknown; tags?: unknown }[]>((resolve, reject) => {
        const open = indexedDB.open('kraftsamla');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('outbox').objectStore('outbox').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            const records = all.result as {
              queuedAt: number;
              state: string;
              item: { location: unknown };
              tags?: unknown;
            }[];
            db.close();
            resolve(
              records
                .sort((a, b) => a.queuedAt - b.queuedAt)
                .map((r) => ({ state: r.state, location: r.item.location, tags: r.tags })),
            );
          };
        };
      }),
  );
}

/** Writes a general comment from the start screen (an in-app link: the point lives in memory). */
async function comment(page: Page, text: string, age: '16–19' | 'Under 13'): Promise<void> {
  await page.getByRole('link', { name: 'Skriv om något annat i ditt område' }).click();
  await acceptPrivacyIfAsked(page);
  await page.getByRole('textbox', { name: 'Din kommentar' }).fill(text);
  const change = page.getByRole('button', { name: 'Ändra', exact: true });
  if (await change.isVisible()) await change.click();
  await page.getByRole('radio', { name: 'Ung person' }).check();
  await page.getByRole('radio', { name: age }).check();
  await page.getByRole('button', { name: /skicka kommentaren/i }).click();
  await page.waitForURL(/\/sparat\//);
}

test('the confirmed area and the point go with what is sent; under 13, no point and no position button', async ({
  page,
}) => {
  await openStart(page);
  await usePosition(page);
  await page.getByRole('button', { name: 'Stämmer', exact: true }).click();
  await expect(page.getByText('Ditt område: Södra Sofielund')).toBeVisible();

  await comment(page, 'Mer ljus vid parken.', '16–19');
  // The server tags the point itself (it stays the authority) and agrees with the device.
  await expect.poll(async () => (await savedLocations(page))[0]?.state).toBe('sent');
  const [first] = await savedLocations(page);
  expect(first?.location).toEqual({
    areaCode: '11319',
    point: { lat: SODRA_SOFIELUND.latitude, lon: SODRA_SOFIELUND.longitude },
    pointConsentVersion: expect.any(String),
  });
  expect(first?.tags).toEqual(
    expect.arrayContaining([
      { areaCode: '11319', source: 'chosen' },
      { areaCode: '11319', source: 'point' },
    ]),
  );

  await page.getByRole('link', { name: 'Malmö stad' }).click();
  await expect(page.getByRole('button', { name: 'Sluta använda min position' })).toBeVisible();
  await comment(page, 'Fler bänkar.', 'Under 13');
  const [, second] = await savedLocations(page);
  expect(second?.location).toEqual({ areaCode: '11319' });
  await page.getByRole('link', { name: 'Malmö stad' }).click();
  await expect(page.getByText('Ditt område: Södra Sofielund')).toBeVisible();
  await page.getByRole('button', { name: 'Byt område' }).click();
  await expect(page.getByRole('searchbox', { name: 'Sök område' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Använd min position' })).toHaveCount(0);
});
