import { expect, type Page } from '@playwright/test';
import ar from '../../client/i18n/ar.ts';
import sv, { type Messages } from '../../client/i18n/sv.ts';

/**
 * Participant steps for the accessibility specs, in any language: the names come from the
 * catalogues (client/i18n), so the same walk runs in Swedish and Arabic.
 */
export const CATALOGUES = { sv, ar } as const satisfies Record<string, Messages>;
export type Lang = keyof typeof CATALOGUES;

/** The example insats with one question of every kind (face scale, one choice, several, text). */
export const SUMMER = '/insats/exempel-ung-i-sommar';
/** A delområde every example insats targets. */
export const AREA = 'Södra Sofielund';

/** Makes every new page of the context open in `lang`, as if chosen earlier on the device. */
export async function useLanguage(page: Page, lang: Lang): Promise<void> {
  await page.addInitScript((code) => localStorage.setItem('kraftsamla.lang', code), lang);
}

/** The level-1 heading, once the view is there. */
export function h1(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** Opens the start screen and waits for the area list. */
export async function start(page: Page, m: Messages): Promise<void> {
  await page.goto('/');
  await expect(h1(page)).toHaveText(m['start.title']);
  await expect(page.getByRole('button', { name: new RegExp(`^${AREA}`) })).toBeVisible();
}

/** Filters the area list and chooses `AREA`. */
export async function pickArea(page: Page, m: Messages): Promise<void> {
  await page.getByRole('searchbox', { name: m['area.searchLabel'] }).fill('Sofie');
  await page
    .getByRole('button', { name: new RegExp(`^${AREA}`) })
    .first()
    .click();
  await expect(page.getByText(m['area.chosen'].replace('{name}', AREA))).toBeVisible();
}

/** Clicks "I have read this" when the privacy notice is shown before a first submission. */
export async function acceptPrivacy(page: Page, m: Messages): Promise<void> {
  const accept = page.getByRole('button', { name: m['privacy.accept'] });
  if (await accept.isVisible()) await accept.click();
}

/** The question screens of `SUMMER` one by one: `visit` is called on each, then it is answered. */
export async function walkQuestions(
  page: Page,
  m: Messages,
  visit: (n: number) => Promise<void>,
): Promise<void> {
  await page.goto(`${SUMMER}/fragor`);
  await acceptPrivacy(page, m);
  for (let n = 1; ; n++) {
    const about = page.getByRole('heading', { level: 1, name: m['about.title'] });
    const next = page.getByRole('button', { name: m['q.next'], exact: true });
    await expect(next.or(about).first()).toBeVisible();
    if (await about.isVisible()) return;
    await visit(n);
    const main = page.getByRole('main');
    const textbox = main.getByRole('textbox');
    if (await textbox.count()) await textbox.fill('Fler aktiviteter på kvällarna.');
    else if (await main.getByRole('checkbox').count()) await main.getByRole('checkbox').first().check();
    else await main.getByRole('radio').first().check();
    const before = await h1(page).textContent();
    await next.click();
    await expect(h1(page)).not.toHaveText(before ?? '');
  }
}

/** On "About you" (questions or comment): a young person aged 16–19. */
export async function aboutYou(page: Page, m: Messages): Promise<void> {
  const change = page.getByRole('button', { name: m['about.change'], exact: true });
  if (await change.isVisible()) await change.click();
  await page.getByRole('radio', { name: m['group.youth'] }).check();
  await page.getByRole('radio', { name: m['age.16-19'] }).check();
}

/** Sends the form with its wide submit button and waits for the receipt; returns the id. */
export async function send(page: Page): Promise<string> {
  await page.locator('form .send button[type="submit"]').click();
  await page.waitForURL(/\/sparat\//);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

/** Writes a comment about `SUMMER` as a young person and sends it. */
export async function comment(page: Page, m: Messages, text: string): Promise<string> {
  await page.goto(`${SUMMER}/kommentar`);
  await acceptPrivacy(page, m);
  await page.getByRole('textbox', { name: m['comment.label'] }).fill(text);
  await aboutYou(page, m);
  return send(page);
}

/** WCAG 2.5.5 target size, and the space kept between any two targets (2.5.8's spacing, made stricter). */
export const MIN_TAP = 44;
export const MIN_GAP = 8;

/**
 * Fails when the page scrolls sideways, a visible control is smaller than 44×44 CSS px, or two
 * targets are closer than 8 px (or overlap). A radio or checkbox counts as its label (that is
 * what is tapped), a card's stretched title link as its card; a target inside another (a link
 * in a card) is not compared with it.
 */
export async function expectPhoneFriendly(page: Page, screen: string): Promise<void> {
  const found = await page.evaluate(
    ({ min, gap }) => {
      const root = document.scrollingElement ?? document.documentElement;
      const overflow =
        root.scrollWidth > root.clientWidth ? [`scrollWidth ${root.scrollWidth} > ${root.clientWidth}`] : [];
      const small: string[] = [];
      const close: string[] = [];
      const controls = document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [role="button"]',
      );
      const targets = new Map<HTMLElement, DOMRect>();
      /** `box` cut to the scrolling boxes around `el`; undefined when nothing of it is visible. */
      const clip = (el: HTMLElement, box: DOMRect): DOMRect | undefined => {
        let { left, top, right, bottom } = box;
        for (let up = el.parentElement; up; up = up.parentElement) {
          const o = getComputedStyle(up);
          if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;
          const r = up.getBoundingClientRect();
          left = Math.max(left, r.left);
          top = Math.max(top, r.top);
          right = Math.min(right, r.right);
          bottom = Math.min(bottom, r.bottom);
        }
        return right - left > 1 && bottom - top > 1
          ? new DOMRect(left, top, right - left, bottom - top)
          : undefined;
      };
      const nameOf = (el: HTMLElement) =>
        (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) ||
        el.getAttribute('aria-label') ||
        el.tagName;
      for (const el of controls) {
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        // Inside a closed <details> (the privacy notice's "more"): not on screen, whatever its box says.
        if (!el.checkVisibility()) continue;
        // An area drawn on the map is as big as the area is (WCAG 2.5.8's "essential" exception;
        // the map zooms, and the list beside it does everything the map does).
        if (el instanceof SVGElement) continue;
        // A radio or checkbox is tapped through its label: that is the target that counts.
        const isChoice = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
        // A "stretched" link (a card's title) is tapped anywhere on its card: its ::after covers it.
        const after = getComputedStyle(el, '::after');
        const stretched = after.position === 'absolute' && after.content !== 'none' && el.offsetParent;
        const target = isChoice
          ? (el.closest('label') ?? el)
          : stretched
            ? (el.offsetParent as HTMLElement)
            : el;
        const box = target.getBoundingClientRect();
        // Visually hidden (e.g. "skip to content" until focused): not a visible target.
        if (box.width <= 1 || box.height <= 1) continue;
        if (targets.has(target)) continue;
        // Scrolled out of a scrolling list: not on screen; partly out: only its visible part counts.
        const shown = clip(target, box);
        if (!shown) continue;
        targets.set(target, shown);
        // A link inside a sentence is as tall as its line (WCAG 2.5.8's "inline" exception).
        const inSentence =
          el.tagName === 'A' &&
          style.display === 'inline' &&
          (el.parentElement?.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 1;
        if (!inSentence && (box.width < min || box.height < min))
          small.push(
            `${target.tagName.toLowerCase()} "${nameOf(target)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
      }
      const list = [...targets];
      for (let i = 0; i < list.length; i++) {
        const [a, ra] = list[i] as [HTMLElement, DOMRect];
        for (let j = i + 1; j < list.length; j++) {
          const [b, rb] = list[j] as [HTMLElement, DOMRect];
          if (a.contains(b) || b.contains(a)) continue;
          // The distance between the two boxes: along the axis where they are apart (negative: overlap).
          const dx = Math.max(rb.left - ra.right, ra.left - rb.right);
          const dy = Math.max(rb.top - ra.bottom, ra.top - rb.bottom);
          const apart = Math.max(dx, dy);
          // Subpixel layout: 7.99 is 8.
          if (apart < gap - 0.05)
            close.push(
              `"${nameOf(a)}" and "${nameOf(b)}" ${apart < 0 ? 'overlap' : `${apart.toFixed(1)} px apart`}`,
            );
        }
      }
      return { overflow, small, close };
    },
    { min: MIN_TAP, gap: MIN_GAP },
  );
  // Soft: one run lists every screen's problems.
  expect.soft(found.overflow, `horizontal scrolling on ${screen}`).toEqual([]);
  expect.soft(found.small, `tap targets under ${MIN_TAP}×${MIN_TAP} on ${screen}`).toEqual([]);
  expect.soft(found.close, `targets under ${MIN_GAP} px apart on ${screen}`).toEqual([]);
}

/**
 * Text at 200 % (as the browser's text-size setting does), until `normalText`. Set through the
 * CSSOM: the app's Content-Security-Policy refuses an injected <style>.
 */
export async function largeText(page: Page): Promise<void> {
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
  const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(size, 'the root font size at 200 % text').toBe('32px');
}

/** Undoes `largeText`. */
export async function normalText(page: Page): Promise<void> {
  await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
}

/**
 * The two sizes every participant screen must work at: a 320 px wide phone, and a 360 px phone
 * with text at 200 %. Leaves the page at 360×640 with normal text.
 */
export async function expectPhoneFriendlyAtBothSizes(page: Page, screen: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  await expectPhoneFriendly(page, `${screen}, 320 px`);
  await page.setViewportSize({ width: 360, height: 640 });
  await largeText(page);
  try {
    await expectPhoneFriendly(page, `${screen}, 360 px, 200 % text`);
  } finally {
    await normalText(page);
  }
}
