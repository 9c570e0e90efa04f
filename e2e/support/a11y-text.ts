import type { Page } from '@playwright/test';
import type { Messages } from '../../client/i18n/sv.ts';

/**
 * Checks for "every visible string comes from the catalogue": the visible text nodes of a page,
 * and a matcher built from a catalogue's values.
 */

/** A visible text node: its whitespace-normalised text and the nearest `lang` above it. */
export interface VisibleText {
  text: string;
  lang: string;
  where: string;
}

/** Every visible, non-blank text node of `<body>` (also `<option>`s and the `alt` of images). */
export function visibleTexts(page: Page): Promise<VisibleText[]> {
  return page.evaluate(() => {
    const out: { text: string; lang: string; where: string }[] = [];
    const langOf = (el: Element | null) => el?.closest('[lang]')?.getAttribute('lang') ?? '';
    const shown = (el: Element) => {
      if (el.closest('[hidden]')) return false;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, noscript, template')) continue;
      // The options of a closed select are not on screen; the chosen one is (checked below).
      if (parent.closest('option')) continue;
      if (!shown(parent)) continue;
      out.push({ text, lang: langOf(parent), where: parent.outerHTML.slice(0, 100) });
    }
    for (const select of document.querySelectorAll('select')) {
      const option = select.selectedOptions[0];
      if (option && shown(select))
        out.push({ text: option.text.trim(), lang: langOf(option), where: option.outerHTML.slice(0, 100) });
    }
    for (const img of document.querySelectorAll('img[alt]')) {
      const alt = img.getAttribute('alt')?.trim();
      if (alt && shown(img)) out.push({ text: alt, lang: langOf(img), where: img.outerHTML.slice(0, 100) });
    }
    return out;
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a text node can come from `catalogue`: the whole of a message (placeholders filled
 * with anything), or a piece of one (a message split around an element, e.g. a link or a
 * content title placed in it), or a list of such. Digits, punctuation (also the invisible
 * direction marks Intl puts in Arabic dates) and e-mail addresses need no catalogue.
 */
export function catalogueMatcher(catalogue: Messages): (text: string) => boolean {
  const values = Object.values(catalogue).map((v) => v.replace(/\s+/g, ' ').trim());
  const pattern = (v: string) =>
    v
      .split(/\{\w+\}/)
      .map(escapeRegExp)
      .join('.+');
  const whole = values.map((v) => new RegExp(`^${pattern(v)}$`, 's'));
  const pieces = values.flatMap((v) => v.split(/\{\w+\}/).map((p) => p.trim())).filter(Boolean);
  // Also with brackets or punctuation put around a message in code: "(مثال)".
  const one = (text: string) =>
    oneMessage(text) || oneMessage(text.replace(/^[\p{P}\s]+(?=\P{P})|(?<=\P{P})[\p{P}\s]+$/gu, ''));
  const oneMessage = (text: string) =>
    /^[\p{N}\p{P}\p{S}\p{Z}\p{Cf}\s]+$/u.test(text) ||
    /^[^\s@]+@[^\s@]+$/.test(text) ||
    whole.some((re) => re.test(text)) ||
    pieces.some((p) => p.includes(text));
  // A list of catalogue words joined the language's way (Intl.ListFormat: "a, b", "a، وb", "a وb").
  return (text) =>
    one(text) || text.split(/\s*[,،]\s*(?:و(?=\S))?|\s+و(?=\S)/).every((part) => part !== '' && one(part));
}
