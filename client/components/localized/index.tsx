import type { LocalizedText } from '../../../common/wire/index.ts';
import { language, localized } from '../../i18n/index.ts';

/**
 * Content text from the API in the current language. Where that language's text is missing, the
 * Swedish text is shown marked `lang="sv"` (for screen readers and hyphenation) and, inside a
 * right-to-left page, `dir="ltr"` so its punctuation is not reordered.
 */
export function L({ text }: { text: LocalizedText | undefined }) {
  const { text: value, lang } = localized(text);
  if (!lang) return value;
  return (
    <span lang={lang} dir={language.value.dir === 'rtl' ? 'ltr' : undefined}>
      {value}
    </span>
  );
}

/** `lang`/`dir` attributes for an element (e.g. an `<img alt>` or `<option>`) whose whole text is `text`. */
export function fallbackAttrs(text: LocalizedText | undefined): { lang?: string; dir?: 'ltr' } {
  const { lang } = localized(text);
  if (!lang) return {};
  return language.value.dir === 'rtl' ? { lang, dir: 'ltr' } : { lang };
}

/**
 * A list of words in the current language's way ("a, b"; in Arabic "a، وb"), through
 * `Intl.ListFormat`; where a browser lacks it, joined with commas.
 */
export function listOf(items: readonly string[]): string {
  if (typeof Intl.ListFormat !== 'function') return items.join(', ');
  return new Intl.ListFormat([language.value.intl, 'sv-SE'], { type: 'unit', style: 'short' }).format(items);
}
