/**
 * Digit folding for the number detectors.
 *
 * Arabic-script text often carries numbers in Arabic-Indic (٠١٢…) or Extended Arabic-Indic (۰۱۲…)
 * digits, and phone keyboards sometimes produce full-width ones. Every such digit is ONE UTF-16 code
 * unit, like an ASCII digit, so folding them one for one keeps every offset valid in the original text:
 * the detectors scan the folded copy and report spans that index the original.
 */

const FOLDABLE = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19\uff0b\u2010-\u2013\u2212]/g;

function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(0x30 + code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(0x30 + code - 0x06f0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(0x30 + code - 0xff10);
  if (code === 0xff0b) return '+';
  return '-';
}

/**
 * Returns a copy of `text` of the same length where Arabic-Indic, Extended Arabic-Indic and full-width
 * digits are ASCII digits, full-width `＋` is `+`, and the Unicode dashes people type between digit
 * groups (‐ ‑ ‒ – −) are `-`.
 */
export function foldDigits(text: string): string {
  return text.replace(FOLDABLE, fold);
}
