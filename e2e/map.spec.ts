import { copyFileSync, mkdirSync } from 'node:fs';
import type { CDPSession, Locator, Page, TestInfo } from '@playwright/test';
import { CATALOGUES } from './support/a11y-participant.ts';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { openStart } from './support/journeys.ts';

/** The map on the start screen, by the name a screen reader announces. */
const theMap = (page: Page) => page.getByRole('group', { name: 'Karta över Malmös områden' });

/** Switches the area picker from the list to the map and waits until every area is drawn. */
async function openMap(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Karta', exact: true }).click();
  const map = theMap(page);
  await expect(map.locator('path.area')).toHaveCount(136);
  return map;
}

/** The centre of the element that has focus, in page pixels, and its accessible name. */
async function focusedArea(page: Page): Promise<{ name: string; x: number; y: number }> {
  return page.evaluate(() => {
    const el = document.activeElement as Element;
    const box = el.getBoundingClientRect();
    return { name: el.getAttribute('aria-label') ?? '', x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
}

test('a person chooses their area by tapping it on the map; the map loads only when asked for', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await openStart(page);
  // The list is the default; nothing of the map has been fetched.
  await expect(page.getByRole('button', { name: 'Lista', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(requested.filter((p) => p === '/api/areas/map' || /\/map-picker-/.test(p))).toEqual([]);

  const map = await openMap(page);
  expect(requested).toContain('/api/areas/map');
  await map.getByRole('button', { name: 'Södra Sofielund', exact: true }).click();
  await expect(page.getByText('Ditt område: Södra Sofielund')).toBeVisible();

  // The same as choosing in the list: remembered on the phone, the list shows it chosen.
  await page.reload();
  await expect(page.getByText('Ditt område: Södra Sofielund')).toBeVisible();
  await page.getByRole('button', { name: 'Byt område' }).click();
  await expect(page.getByRole('button', { name: /^Södra Sofielund/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('a person chooses their area on the map with the keyboard alone', async ({ page }) => {
  await openStart(page);
  const toggle = page.getByRole('button', { name: 'Karta', exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const map = theMap(page);
  await expect(map.locator('path.area')).toHaveCount(136);

  // One tab stop for the whole map: Tab enters it on an area (with a visible ring) ...
  await page.keyboard.press('Tab');
  const start = await focusedArea(page);
  await expect(map.getByRole('button', { name: start.name, exact: true })).toBeFocused();
  await expect(map.locator('.ring-outer')).toHaveCount(1);

  // ... the arrow keys move from area to area towards Södra Sofielund ...
  const target = await map.getByRole('button', { name: 'Södra Sofielund', exact: true }).boundingBox();
  if (!target) throw new Error('Södra Sofielund is not drawn');
  const goal = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const visited = [start.name];
  let looped = false;
  for (let step = 0; step < 40 && visited.at(-1) !== 'Södra Sofielund'; step++) {
    const here = await focusedArea(page);
    const dx = goal.x - here.x;
    const dy = goal.y - here.y;
    // The arrow pointing most towards the goal; the next best when the last move went back.
    const arrows = (
      [
        ['ArrowRight', dx],
        ['ArrowLeft', -dx],
        ['ArrowDown', dy],
        ['ArrowUp', -dy],
      ] as const
    ).toSorted((a, b) => b[1] - a[1]);
    await page.keyboard.press(arrows[looped ? 1 : 0]?.[0] ?? 'ArrowRight');
    const now = (await focusedArea(page)).name;
    looped = visited.includes(now);
    visited.push(now);
  }
  expect(visited.at(-1), `path taken: ${visited.join(' → ')}`).toBe('Södra Sofielund');
  expect(new Set(visited).size).toBeGreaterThan(1);

  // ... and Enter chooses it.
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ditt område: Södra Sofielund')).toBeVisible();

  // Changing the area again opens the map on the chosen area, said in words, not only hatched.
  await page.getByRole('button', { name: 'Byt område' }).focus();
  await page.keyboard.press('Enter');
  const chosen = theMap(page).getByRole('button', { name: 'Södra Sofielund', exact: true });
  await expect(chosen).toBeFocused();
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Valt: Södra Sofielund')).toBeVisible();

  // Typing a name jumps to it, as in a list (ö or o alike); Tab leaves the map for the zoom buttons.
  await page.keyboard.type('moll', { delay: 50 });
  await expect(theMap(page).getByRole('button', { name: 'Möllevången', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Zooma in' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ditt område: Möllevången')).toBeVisible();
});

test('the map works offline once it has been seen', async ({ page, context }) => {
  await openStart(page);
  // Opened at once, perhaps before the service worker controls the page ...
  await openMap(page);
  await waitForServiceWorker(page);
  // ... it is kept all the same, once the worker has taken over.
  await page.waitForFunction(async () => Boolean(await caches.match('/api/areas/map', { ignoreVary: true })));

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: /^Södra Sofielund/ })).toBeVisible();
  const map = await openMap(page);
  await map.getByRole('button', { name: 'Södra Sofielund', exact: true }).click();
  await expect(page.getByText('Ditt område: Södra Sofielund')).toBeVisible();
  await context.setOffline(false);
});

test('the map has no axe violations, in Swedish and in Arabic (where it is not mirrored)', async ({
  page,
}) => {
  // Four axe scans of a page with 136 areas: well over the default minute on a busy machine.
  test.slow();
  await openStart(page);
  const map = await openMap(page);
  await expectNoViolations(page, 'start, map');
  await map.getByRole('button', { name: 'Södra Sofielund', exact: true }).focus();
  await page.getByRole('button', { name: 'Zooma in' }).click();
  await expectNoViolations(page, 'start, map zoomed, an area focused');
  await map.getByRole('button', { name: 'Södra Sofielund', exact: true }).click();
  await page.getByRole('button', { name: 'Byt område' }).click();
  await expect(page.getByText('Valt: Södra Sofielund')).toBeVisible();
  await expectNoViolations(page, 'start, map with an area chosen');

  await page.getByLabel('Språk (Language)').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arabicMap = page.getByRole('group', { name: 'خريطة مناطق مالمو' });
  await expect(arabicMap).toBeVisible();
  await expect(page.locator('.area-map')).toHaveCSS('direction', 'ltr');
  await expectNoViolations(page, 'start in Arabic, map');
});

// ---------------------------------------------------------------------------------------------
// On a phone: 360 × 640 CSS px, a touch screen, fingers sent to Chromium as touch events (CDP).

type Finger = { x: number; y: number };

/** Sends one touch event with these fingers down (ids by position in the list). */
async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', fingers: Finger[]) {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: fingers.map((f, id) => ({ x: f.x, y: f.y, id, radiusX: 4, radiusY: 4, force: 1 })),
  });
}

/** Two fingers `from` px apart around `at`, moved apart to `to` px in a few steps, then lifted. */
async function pinch(cdp: CDPSession, at: Finger, from: number, to: number) {
  const fingers = (gap: number) => [
    { x: at.x - gap / 2, y: at.y },
    { x: at.x + gap / 2, y: at.y },
  ];
  await touch(cdp, 'touchStart', fingers(from));
  for (let i = 1; i <= 8; i++) await touch(cdp, 'touchMove', fingers(from + ((to - from) * i) / 8));
  await touch(cdp, 'touchEnd', []);
}

/** The map's viewBox, [x, y, width, height]. */
async function viewBoxOf(map: Locator): Promise<number[]> {
  return ((await map.getAttribute('viewBox')) ?? '').split(' ').map(Number);
}

/** The names written on the map (not the focused or chosen one), with their boxes on screen. */
async function writtenNames(page: Page) {
  return page.locator('.area-map .labels text').evaluateAll((texts) =>
    texts.map((t) => {
      const r = t.getBoundingClientRect();
      return { name: (t.textContent ?? '').trim(), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** The centre of an area's label point on screen: inside the area, unlike its box's centre. */
async function insideOf(map: Locator, name: string): Promise<Finger> {
  const box = await map.getByRole('button', { name, exact: true }).boundingBox();
  if (!box) throw new Error(`${name} is not drawn`);
  return map.evaluate(
    (svg, { name: n, box: b }) => {
      const el = svg.querySelector(`[aria-label="${n}"]`);
      // Walk the box's middle line and take the first point that is in the area.
      for (let i = 1; i < 40; i++) {
        const x = b.x + (b.width * i) / 40;
        const y = b.y + b.height / 2;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    },
    { name, box },
  );
}

/** Attaches a screenshot of the screen to the test's report. */
async function attach(page: Page, testInfo: TestInfo, file: string): Promise<string> {
  const shot = testInfo.outputPath(file);
  await page.screenshot({ path: shot });
  await testInfo.attach(file, { path: shot, contentType: 'image/png' });
  return shot;
}

/** Attaches a screenshot, and copies it to docs/screenshots on request. */
async function shoot(page: Page, testInfo: TestInfo, file: string) {
  const shot = await attach(page, testInfo, file);
  // The copy in docs/ only on request, so a test run leaves the tree clean.
  if (process.env.UPDATE_DOC_SCREENSHOTS) {
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(shot, `docs/screenshots/${file}`);
  }
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
  // Several axe scans of 136 areas and a language switch: more than the default minute on a busy machine.
  test.describe.configure({ timeout: 180_000 });
  const sv = CATALOGUES.sv;

  test('a person reads the names on the map, pinches to zoom, feels for an area and taps it', async ({
    page,
  }, testInfo) => {
    await openStart(page);
    const map = await openMap(page);
    // Touch wording: tap, hold, pinch; nothing about Tab or arrow keys.
    const hint = page.locator('#area-map-hint');
    await expect(hint).toHaveText(sv['map.hintTouch']);
    await expect(hint).not.toContainText('Tab');
    await expect(map).toHaveCSS('touch-action', 'none');

    // At the default zoom the whole city is shown, and the names of the large outer areas fit.
    const whole = await viewBoxOf(map);
    const svgBox = await map.boundingBox();
    if (!svgBox) throw new Error('the map is not laid out');
    const first = await writtenNames(page);
    expect(first.length, 'names written at the default zoom').toBeGreaterThan(0);
    expect(first.map((n) => n.name)).toContain('Lockarp');
    const zoomButtons = await page.locator('.map-zoom').boundingBox();
    if (!zoomButtons) throw new Error('no zoom buttons');
    /** Every name readable (at least 12 px), whole on the map and not under the zoom buttons. */
    const expectWhole = (names: typeof first) => {
      for (const n of names) {
        expect(n.height, n.name).toBeGreaterThanOrEqual(12);
        expect(n.x, n.name).toBeGreaterThanOrEqual(svgBox.x);
        expect(n.x + n.width, n.name).toBeLessThanOrEqual(svgBox.x + svgBox.width);
        expect(n.y, n.name).toBeGreaterThanOrEqual(svgBox.y);
        expect(n.y + n.height, n.name).toBeLessThanOrEqual(svgBox.y + svgBox.height);
        const clear =
          n.x + n.width <= zoomButtons.x ||
          n.y >= zoomButtons.y + zoomButtons.height ||
          n.x >= zoomButtons.x + zoomButtons.width;
        expect(clear, `${n.name} under the zoom buttons`).toBe(true);
      }
    };
    expectWhole(first);
    await attach(page, testInfo, 'map-phone-whole-city.png');
    // The names are drawn for the eye only: each area button already carries its name.
    await expect(page.locator('.area-map .labels')).toHaveAttribute('aria-hidden', 'true');

    // Two fingers spread apart over the middle of the map zoom in around them ...
    const cdp = await page.context().newCDPSession(page);
    const middle = { x: svgBox.x + svgBox.width / 2, y: svgBox.y + svgBox.height / 2 };
    await pinch(cdp, middle, 40, 160);
    await expect.poll(async () => (await viewBoxOf(map))[2]).toBeLessThan((whole[2] as number) / 2);
    const zoomed = await viewBoxOf(map);
    // ... and more names fit, none running into another.
    const more = await writtenNames(page);
    expect(more.length).toBeGreaterThan(first.length);
    expectWhole(more);
    await attach(page, testInfo, 'map-phone-pinched.png');
    for (const [i, a] of more.entries())
      for (const b of more.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.name} and ${b.name} overlap`).toBe(true);
      }

    // One finger drags the map (the view moves) without choosing anything.
    await touch(cdp, 'touchStart', [middle]);
    for (let i = 1; i <= 5; i++) await touch(cdp, 'touchMove', [{ x: middle.x - 12 * i, y: middle.y }]);
    await touch(cdp, 'touchEnd', []);
    await expect.poll(async () => (await viewBoxOf(map))[0]).toBeGreaterThan(zoomed[0] as number);
    await expect(page.getByText(/^Ditt område:/)).toHaveCount(0);

    // Back to the whole city with the − button (for people who cannot pinch).
    const zoomOut = page.getByRole('button', { name: sv['map.zoomOut'] });
    for (let i = 0; i < 4 && (await zoomOut.getAttribute('aria-disabled')) !== 'true'; i++)
      await zoomOut.click();
    await expect.poll(async () => (await viewBoxOf(map))[2]).toBe(whole[2]);

    // While a finger is on the map, the name of the area under it is shown above it.
    const tip = page.locator('.map-tip');
    const onSofielund = await insideOf(map, 'Södra Sofielund');
    await touch(cdp, 'touchStart', [onSofielund]);
    await expect(tip).toHaveText('Södra Sofielund');
    await expect(tip).toHaveAttribute('aria-hidden', 'true');
    const tipBox = await tip.boundingBox();
    expect(tipBox && tipBox.y + tipBox.height).toBeLessThan(onSofielund.y);
    // Moving the finger names the area it is over now; lifting it there chooses nothing.
    const onMollevangen = await insideOf(map, 'Möllevången');
    await touch(cdp, 'touchMove', [onMollevangen]);
    await expect(tip).toHaveText('Möllevången');
    await touch(cdp, 'touchEnd', []);
    await expect(tip).toHaveCount(0);
    await expect(page.getByText(/^Ditt område:/)).toHaveCount(0);

    // A tap chooses.
    await page.touchscreen.tap(onSofielund.x, onSofielund.y);
    await expect(page.getByText('Ditt område: Södra Sofielund')).toBeVisible();
  });

  test('a screen reader meets the areas in name order; no axe violations; opened on the chosen area', async ({
    page,
  }, testInfo) => {
    await openStart(page);
    let map = await openMap(page);

    // The accessibility tree lists the areas alphabetically (Swedish order: å, ä, ö last).
    const tree = await map.ariaSnapshot();
    const order = [...tree.matchAll(/- button "([^"]+)"/g)].map((m) => m[1] as string);
    expect(order).toHaveLength(136);
    expect(order).toEqual(order.toSorted(new Intl.Collator('sv').compare));
    await expectNoViolations(page, 'start on a phone, map');

    // Choosing an area and changing it again opens the map zoomed in on that area.
    await map.getByRole('button', { name: 'Södra Sofielund', exact: true }).click();
    await page.getByRole('button', { name: 'Byt område' }).click();
    await page.getByRole('button', { name: sv['area.viewMap'], exact: true }).click();
    map = theMap(page);
    await expect(map.locator('path.area')).toHaveCount(136);
    const [, , width] = await viewBoxOf(map);
    expect(width).toBeLessThan(17_279 / 3);
    const chosen = await map.getByRole('button', { name: 'Södra Sofielund', exact: true }).boundingBox();
    const svgBox = await map.boundingBox();
    if (!chosen || !svgBox) throw new Error('not drawn');
    expect(chosen.x).toBeGreaterThan(svgBox.x);
    expect(chosen.x + chosen.width).toBeLessThan(svgBox.x + svgBox.width);
    expect(chosen.y).toBeGreaterThan(svgBox.y);
    expect(chosen.y + chosen.height).toBeLessThan(svgBox.y + svgBox.height);
    // Around it, its neighbours' names.
    const around = (await writtenNames(page)).map((n) => n.name);
    expect(around.length, around.join(', ')).toBeGreaterThanOrEqual(4);
    await expectNoViolations(page, 'start on a phone, map on the chosen area');
    await page.locator('#area-map-hint').scrollIntoViewIfNeeded();
    await map.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shoot(page, testInfo, 'map-sv.png');

    // In Arabic: the same map, not mirrored, with the touch wording in Arabic.
    await page.getByLabel('Språk (Language)').selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const ar = CATALOGUES.ar;
    const arabicMap = page.getByRole('group', { name: ar['map.label'] });
    await expect(arabicMap).toBeVisible();
    await expect(page.locator('#area-map-hint')).toHaveText(ar['map.hintTouch']);
    await expect(page.locator('.area-map')).toHaveCSS('direction', 'ltr');
    await expectNoViolations(page, 'start on a phone in Arabic, map');
    await arabicMap.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shoot(page, testInfo, 'map-ar.png');
  });
});
