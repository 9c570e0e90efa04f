/**
 * Words of a text as the gazetteer compares them: folded (lower case, no diacritics), with
 * where they are in the original and what the original's case and punctuation say.
 */
import { CLAUSE_WORDS } from './rules.ts';

/** One word of a text. */
export interface Token {
  /** Lower case, diacritics removed: "Möllevångens" → "mollevangens". */
  folded: string;
  start: number;
  end: number;
  /** The original starts with a capital letter. */
  capitalised: boolean;
  /** First word of the text or of a sentence (after . ! ? … or a line break). */
  sentenceStart: boolean;
  /** Which sentence of the text the word is in, from 0. */
  sentence: number;
  /**
   * Which clause, from 0: a new one at each sentence, comma, semicolon, colon or dash, and at a
   * word that starts a clause (men, but, بس; see CLAUSE_WORDS). A veto or a negation reaches
   * only as far as its clause: "Jag jobbar i Lund men bor vid Stadion".
   */
  clause: number;
  /** Joined to the word before by a hyphen, no space: "bussen" in "Hyllie-bussen". */
  hyphenBefore: boolean;
}

/** A text split into words. */
export interface Tokens {
  tokens: Token[];
  /**
   * Whether the writer uses case at all: the text has both capitals and small letters. In a text
   * all in lower case (or all in capitals) a capital initial says nothing about proper nouns.
   */
  usesCase: boolean;
}

// Letters, digits and combining marks; an apostrophe inside a word keeps it whole ("Möllan's").
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const SENTENCE_END = /[.!?…\n\u061F\u06D4]/u;
// Comma, Arabic comma, semicolon, colon, dashes and brackets end a clause, not a sentence.
const CLAUSE_END = /[,\u060C;\u061B:–—()]|\s-\s/u;

/**
 * Lower case without diacritics: å→a, ä→a, ö→o, é→e, and the Danish ø/æ people type for ö/ä.
 * In Arabic script the same idea: short vowels and hamza go (أ إ آ → ا, by the NFD step), and
 * the letters people swap freely are made one (ة → ه, ى → ي, no tatweel; Persian ک ی ڤ گ → ك ي ف غ), so روزنغورد and
 * روزنغورّد or هوليه and هولية compare equal.
 */
export function fold(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'a')
      .replace(/’/g, "'")
      .replace(/\u0629/g, '\u0647')
      .replace(/\u0649/g, '\u064A')
      .replace(/\u0640/g, '')
      // The Persian and Kurdish forms people type for the same letters: ک ی ڤ گ.
      .replace(/\u06A9/g, '\u0643')
      .replace(/\u06CC/g, '\u064A')
      .replace(/\u06A4/g, '\u0641')
      .replace(/\u06AF/g, '\u063A')
  );
}

/** Splits `text` into {@link Token}s. */
export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const word = match[0];
    const gap = text.slice(previousEnd, start);
    const newSentence = tokens.length === 0 || SENTENCE_END.test(gap);
    if (newSentence && tokens.length > 0) sentence += 1;
    const folded = fold(word);
    const newClause = newSentence || CLAUSE_END.test(gap) || CLAUSE_WORDS.has(folded);
    if (newClause && tokens.length > 0) clause += 1;
    tokens.push({
      folded,
      start,
      end: start + word.length,
      capitalised: /^\p{Lu}/u.test(word),
      sentenceStart: newSentence,
      sentence,
      clause,
      hyphenBefore: tokens.length > 0 && gap === '-',
    });
    previousEnd = start + word.length;
  }
  return { tokens, usesCase: /\p{Lu}/u.test(text) && /\p{Ll}/u.test(text) };
}
