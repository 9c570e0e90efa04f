/**
 * Words of a free text for the themes: split on Unicode letters, lower-cased, Arabic lightly
 * normalised, stop words of Swedish, English and Arabic marked, and each word stemmed by the
 * Snowball stemmer of its script and language (@orama/stemmers), so "belysningen" and
 * "belysning" count as one term while the form people wrote is kept for display.
 *
 * Tokens are runs of letters (with their combining marks); digits, e-mail addresses and links
 * are never terms, so a phone number or an address in a text cannot become a theme.
 */
import { stemmer as arabicStem } from '@orama/stemmers/arabic';
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as swedishStem } from '@orama/stemmers/swedish';
import { ara, eng, swe } from 'stopword';

/** One word of a text: its stem (the term) and the form as written, lower-cased. */
export interface Token {
  stem: string;
  form: string;
  /** A stop word (of any of the three languages): never a term, and it breaks a phrase. */
  stop: boolean;
  /** Punctuation stands between this word and the one before: no phrase spans it. */
  after: boolean;
}

// Arabic vowel marks (tashkeel), the superscript alef and tatweel: not part of the word's letters.
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u0640]/g;
// Links and e-mail addresses go first, whole: their parts are not words people chose.
const NOT_WORDS = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+/giu;
const WORD = /[\p{L}\p{M}]+/gu;

/** Alef forms as one, as stop-word lists and searches commonly do (أ إ آ → ا). */
function normaliseArabic(word: string): string {
  return word.replace(ARABIC_MARKS, '').replace(/[أإآ]/g, 'ا');
}

const STOP = new Set<string>([
  ...swe.map((w) => w.toLowerCase()),
  ...eng.map((w) => w.toLowerCase()),
  ...ara.map(normaliseArabic),
  // Swedish and English spoken forms the lists lack, common in young people's comments.
  'typ',
  'asså',
  'ba',
  'bara',
  'också',
  'mycket',
  'finns',
  'kan',
  'ska',
  'behöver',
  'vill',
  'also',
  'need',
  'really',
]);

/** Whether a lower-cased (and for Arabic normalised) word is a stop word. */
export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/**
 * The stem of one lower-cased word. Arabic script: the Arabic stemmer, after the conjunction
 * و is taken off a word that goes on with the article (والإضاءة → الإضاءة), which the stemmer
 * leaves. Latin script: English for texts written in English, otherwise Swedish.
 */
export function stemOf(word: string, locale: string): string {
  const arabic = isArabic(word);
  const english = !arabic && locale.startsWith('en');
  const memo = arabic ? STEMS.ar : english ? STEMS.en : STEMS.sv;
  const known = memo.get(word);
  if (known !== undefined) return known;
  let stem: string;
  if (arabic) stem = arabicStem(word.startsWith('وال') && word.length > 4 ? word.slice(1) : word);
  else stem = english ? englishStem(word) : swedishStem(word);
  // Words repeat across texts: the stemmer runs once per word, not once per use.
  if (memo.size >= MAX_STEMS) memo.clear();
  memo.set(word, stem);
  return stem;
}

const STEMS = { sv: new Map<string, string>(), en: new Map<string, string>(), ar: new Map<string, string>() };
const MAX_STEMS = 100_000;
/** Characters that end a phrase: sentence and clause marks (Latin and Arabic), brackets, quotes, newline. */
const PUNCTUATION = new Set([...'.,;:!?()[]"“”«»\n،؛؟'].map((ch) => ch.charCodeAt(0)));

/** Whether a word is in Arabic script (its first letter is in the Arabic block). */
function isArabic(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 0x0600 && code <= 0x06ff;
}

/** Whether `text` holds a phrase-ending character between `from` and `to`. */
function breaksBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (PUNCTUATION.has(text.charCodeAt(i))) return true;
  return false;
}

/** The words of `text` in order, with stems; one-letter words are dropped. */
export function tokenise(text: string, locale: string): Token[] {
  const out: Token[] = [];
  // Links and addresses are rare: the costly pattern runs only where one may be.
  const cleaned = (/@|http|www\./i.test(text) ? text.replace(NOT_WORDS, ' . ') : text).toLowerCase();
  let end = 0;
  let broken = false;
  for (const match of cleaned.matchAll(WORD)) {
    const start = match.index;
    if (breaksBetween(cleaned, end, start)) broken = true;
    end = start + match[0].length;
    const lower = match[0];
    const form = isArabic(lower) ? normaliseArabic(lower) : lower;
    if (form.length < 2) continue;
    const stop = STOP.has(form);
    out.push({ stem: stop ? form : stemOf(form, locale), form: lower, stop, after: broken });
    broken = false;
  }
  return out;
}

/**
 * The key under which copies of one text meet: lower-cased words (as {@link tokenise} sees
 * them, digits and punctuation aside) joined by one space. Equal keys are near-identical texts.
 */
export function duplicateKey(text: string): string {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    words.push(isArabic(match[0]) ? normaliseArabic(match[0]) : match[0]);
  }
  return words.join(' ');
}
