import { expectNoViolations } from './support/axe.ts';
import type { Locator, Page } from '@playwright/test';
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
