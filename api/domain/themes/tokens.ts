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
const ARABIC = /[\u0600-\u06ff]/;
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
  const arabic = ARABIC.test(word);
  const key = arabic ? word : locale.startsWith('en') ? `en:${word}` : `sv:${word}`;
  const known = STEMS.get(key);
  if (known !== undefined) return known;
  let stem: string;
  if (arabic) stem = arabicStem(word.startsWith('وال') && word.length > 4 ? word.slice(1) : word);
  else stem = locale.startsWith('en') ? englishStem(word) : swedishStem(word);
  // Words repeat across texts: the stemmer runs once per word, not once per use.
  if (STEMS.size >= MAX_STEMS) STEMS.clear();
  STEMS.set(key, stem);
  return stem;
}

const STEMS = new Map<string, string>();
const MAX_STEMS = 200_000;
const PUNCTUATION = /[.,;:!?()[\]"“”«»\n،؛؟]/;

/** The words of `text` in order, with stems; one-letter words are dropped. */
export function tokenise(text: string, locale: string): Token[] {
  const out: Token[] = [];
  const cleaned = text.replace(NOT_WORDS, ' . ');
  let end = 0;
  let broken = false;
  for (const match of cleaned.matchAll(WORD)) {
    const start = match.index;
    if (PUNCTUATION.test(cleaned.slice(end, start))) broken = true;
    end = start + match[0].length;
    const lower = match[0].toLowerCase();
    const form = ARABIC.test(lower) ? normaliseArabic(lower) : lower;
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
    words.push(ARABIC.test(match[0]) ? normaliseArabic(match[0]) : match[0]);
  }
  return words.join(' ');
}
