import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Keyboard-only steps: the page is driven with `keyboard.press` and `keyboard.type` alone.
 * Locators are only read (is this the focused element?), never clicked or filled.
 */

/** Whether `target` is the focused element. */
export function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has focus; fails after `max` presses.
 * Checks at every stop that the focused element shows where it is (see expectFocusVisible).
 */
export async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) {
      await expectFocusVisible(page);
      return;
    }
  }
  throw new Error(`${target} not reached with ${max} ${back ? 'Shift+Tab' : 'Tab'} presses`);
}

/**
 * The focused element (or, for a radio or checkbox drawn inside its label, a card whose link is
 * stretched over it, the nearest of its three closest ancestors) has a visible focus indicator:
 * an outline at least 2 px wide, or a box shadow. On the area map: the drawn focus ring.
 */
export async function expectFocusVisible(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nothing focused';
    // The map draws its focus ring as separate black and white paths above every area's fill.
    const map = active.closest('.area-map');
    if (map) {
      const ring = map.querySelector('.ring-outer');
      return ring && getComputedStyle(ring).stroke !== 'none' ? 'visible' : 'no focus ring on the map';
    }
    let el: Element | null = active;
    for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      if (outline || style.boxShadow !== 'none') return 'visible';
    }
    return `no focus indicator on ${active.outerHTML.slice(0, 120)}`;
  });
  expect(found).toBe('visible');
}

/** Presses `key` on the focused element, which must be `target`. */
export async function pressOn(page: Page, target: Locator, key: string): Promise<void> {
  await expect(target).toBeFocused();
  await page.keyboard.press(key);
}

/** After navigating: the new view's level-1 heading has focus (a screen reader reads it first). */
export async function expectHeadingFocused(page: Page, name: string | RegExp): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
}
