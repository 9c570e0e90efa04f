/**
 * Finds e-mail addresses, including the common ways people disguise them.
 *
 * Pragmatic, not RFC 5322: the aim is to catch contact details a participant wrote into a public
 * text, so a false positive costs a moderator a glance while a miss publishes an address.
 *
 * Matched:
 * - ordinary addresses, Unicode letters allowed (`åsa.öberg@malmö.se`), with or without spaces
 *   around `@` (`anna @ example.com`);
 * - bracketed disguises: `anna(at)example.com`, `anna [at] example [dot] com`, `{snabel-a}`, `(punkt)`;
 * - spelled-out disguises with spaces: `anna at gmail dot com`, `anna snabel-a telia punkt se` —
 *   but only when the address ends in a well-known top-level domain, because "at" and "dot" are
 *   ordinary English words.
 *
 * Not matched: quoted local parts, IP-literal domains, addresses without any top-level domain
 * (`anna@localhost`), and a bare `@handle`.
 */
import { mergeSpans, type Span } from './types.ts';

/** Local part: dot-separated runs, so there is no ambiguity for the regex engine to backtrack over. */
const LOCAL = String.raw`[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?`;
const BEFORE = String.raw`(?<![\p{L}\p{N}._%+\-])`;
const AFTER = String.raw`(?![\p{L}\p{N}\-]|\.[\p{L}\p{N}])`;

/** `@` with at most one space or tab either side. */
const AT_SIGN = String.raw`[ \t]?@[ \t]?`;
const AT_BRACKETED = String.raw`\s?[(\[{<]\s?(?:at|snabel-?a)\s?[)\]}>]\s?`;
const AT_SPELLED = String.raw`[ \t]+(?:at|snabel-?a)[ \t]+`;
const DOT_BRACKETED = String.raw`\s?[(\[{<]\s?(?:dot|punkt)\s?[)\]}>]\s?`;
const DOT_SPELLED = String.raw`[ \t]+(?:dot|punkt)[ \t]+`;

/** Top-level domains trusted enough to accept a spelled-out disguise. */
const COMMON_TLDS = 'se|nu|com|org|net|eu|info|io|dk|no|fi|de|uk|nl|fr|es|pl|me|co|biz|edu|gov';

const PLAIN = new RegExp(`${BEFORE}${LOCAL}${AT_SIGN}${LABEL}(?:\\.${LABEL})*\\.\\p{L}{2,24}${AFTER}`, 'gu');

const BRACKETED = new RegExp(
  `${BEFORE}${LOCAL}(?:${AT_SIGN}|${AT_BRACKETED})${LABEL}(?:(?:\\.|${DOT_BRACKETED})${LABEL})*` +
    `(?:\\.|${DOT_BRACKETED})\\p{L}{2,24}${AFTER}`,
  'giu',
);

const SPELLED = new RegExp(
  `${BEFORE}${LOCAL}(?:${AT_SIGN}|${AT_BRACKETED}|${AT_SPELLED})${LABEL}` +
    `(?:(?:\\.|${DOT_BRACKETED}|${DOT_SPELLED})${LABEL})*` +
    `(?:\\.|${DOT_BRACKETED}|${DOT_SPELLED})(?:${COMMON_TLDS})${AFTER}`,
  'giu',
);

/** Returns the spans of e-mail addresses in `text`, in order of appearance. */
export function findEmails(text: string): Span[] {
  const spans: Span[] = [];
  const hasAt = text.includes('@');
  for (const pattern of [PLAIN, BRACKETED, SPELLED]) {
    // Without an `@` only the disguised forms can match; skip the plain pass then.
    if (pattern === PLAIN && !hasAt) continue;
    for (const match of text.matchAll(pattern)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return mergeSpans(spans);
}
