/**
 * Finds links: `http(s)://…` URLs, `www.…` addresses, and bare domains with a common top-level domain
 * (`malmo.se`, `example.se/xyz`, `bit.ly/abc`).
 *
 * Bare domains are the risky part: Swedish abbreviations (`t.ex.`, `bl.a.`, `fr.o.m.`) and a missing
 * space after a full stop (`bra.Se till att…`) look like domains. Hence a bare domain must end in a
 * top-level domain from the short list below, written in lower case, and must not follow another
 * letter, digit, `@`, `.` or `/`. E-mail addresses are not links; index.ts drops link spans that
 * overlap an e-mail span (an address's domain part is already excluded by the `@` rule here).
 *
 * A trailing full stop, comma, closing quote or unbalanced closing bracket is punctuation of the
 * sentence, not part of the link, and is left out of the span.
 */
import { mergeSpans, type Span } from './types.ts';

/** Top-level domains accepted on a bare domain; anything with a scheme or `www.` needs no list. */
export const BARE_TLDS = [
  'se',
  'nu',
  'com',
  'org',
  'net',
  'eu',
  'info',
  'io',
  'biz',
  'dk',
  'no',
  'fi',
  'de',
  'uk',
  'nl',
  'fr',
  'es',
  'pl',
  'co',
  'ly',
  'gl',
  'tv',
  'app',
  'dev',
  'xyz',
  'online',
  'site',
  'shop',
  'link',
  'gov',
  'edu',
] as const;

const REST = String.raw`[^\s<>"'\u0060]*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?`;

const SCHEME = /(?<![\p{L}\p{N}])https?:\/\/[^\s<>"'\u0060]+/giu;
const WWW = new RegExp(String.raw`(?<![\p{L}\p{N}@.\/\-])www\.${LABEL}(?:\.${LABEL})*${REST}`, 'giu');
const BARE = new RegExp(
  String.raw`(?<![\p{L}\p{N}@.\/\-_])${LABEL}(?:\.${LABEL})*\.(?:${BARE_TLDS.join('|')})(?![\p{L}\p{N}\-@])` +
    String.raw`(?::\d{2,5})?(?:[/?#]${REST})?`,
  'gu',
);

const TRAILING = /[.,;:!?'"»”’)\]}]$/;

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** Drops sentence punctuation from the end of a match, keeping a `)` that closes a `(` in the link. */
function trimEnd(link: string): number {
  let end = link.length;
  while (end > 0 && TRAILING.test(link.slice(0, end))) {
    const body = link.slice(0, end);
    if (body.endsWith(')') && count(body, '(') >= count(body, ')')) break;
    end -= 1;
  }
  return end;
}

/** Returns the spans of links in `text`, in order of appearance, overlapping readings merged. */
export function findLinks(text: string): Span[] {
  // Cheap exit: every form but `http://host` contains a dot.
  if (!text.includes('.') && !text.includes('://')) return [];
  const spans: Span[] = [];
  for (const pattern of [SCHEME, WWW, BARE]) {
    for (const match of text.matchAll(pattern)) {
      const end = trimEnd(match[0]);
      if (end > 0) spans.push({ start: match.index, end: match.index + end });
    }
  }
  return mergeSpans(spans);
}
