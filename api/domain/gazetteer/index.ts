/**
 * The gazetteer: which delområden a text mentions, by name. Pure: entries and a text in,
 * mentions out. Entries are data staff edit (stored in the database, seeded from
 * api/data/malmo/gazetteer.json): area names, aliases (Seved, Möllan) and groups (Rosengård).
 *
 * Matching rule:
 * - Whole words, case- and diacritic-insensitive ("mollevangen" is Möllevången); a multi-word
 *   name matches word by word ("Limhamn-Bunkeflo" and "Limhamn Bunkeflo" alike).
 * - The last word may carry a genitive or a "people of" ending (see SUFFIXES): "Lindängens",
 *   "Rosengårds", "Möllan's", "Holmabor". No other endings: "Rosengårdsskolan" is a school.
 * - At each word the longest name wins, and its words are used up: "Rosengård Centrum" is 48207
 *   alone, "Hyllie station" is Hyllievång, not all of Hyllie.
 * - Arabic script: folded too (no hamza or short vowels, ة = ه), and a one-letter prefix written
 *   onto the name (بروزنغورد, "in Rosengård") is taken off when what is left is a name.
 * - A name joined by a hyphen to a word that is not a name is not a mention: "Hyllie-bussen" is
 *   a bus. "Holma-Kroksbäck" (two names) and "Limhamn-Bunkeflo" (one) are.
 * - A mention governed by a negation of living or being there ("Jag bor inte i Rosengård",
 *   "I don't live in Lindängen", "ما بسكن في سيفيد") is not one: see ./negation.ts.
 * - Ambiguous entries match only when the text makes the place reading likely, and never in a
 *   clause that names a place outside Malmö (OTHER_PLACES, or the entry's own `vetoWords`; an
 *   entry with veto words but no ambiguity is checked the same way). Only the clause: "Jag
 *   jobbar i Lund men bor vid Stadion" is Malmö's Stadion.
 *   - `word` (Stadion, Teatern, Slussen, Sorgenfri, Triangeln, Ribban…): only written as a proper
 *     noun — a capital initial, not the first word of a sentence, in a text that uses case at all.
 *     "på stadion" is a stadium; "vid Stadion" is the area. A text all in lower case or all in
 *     capitals never matches these: it cannot tell the two apart.
 *   - `place` (Flensburg, Kronborg, Gröndal, Bellevue…): only right after a locative preposition
 *     (i, på, vid, nära, …; see LOCATIVES): "i Flensburg" is here, "till Flensburg" is Germany.
 *   - `name` (Seved): also a first name; not right after a word for a person ("min morfar
 *     Seved", "kompisen Seved", "jag heter Seved"; see PERSON_WORDS).
 *   - `elsewhere` (Augustenborg, Gamla Staden, Folkets park…): other towns have one too, but in
 *     Malmö's texts the Malmö one is meant; only the clause veto applies ("Gamla staden i Ystad").
 */
import { isNegated } from './negation.ts';
import {
  ARABIC_PREFIXES,
  ENGLISH_WORDS,
  LOCATIVES,
  OTHER_PLACES,
  PERSON_WORDS,
  SUFFIXES,
  SWEDISH_WORDS,
} from './rules.ts';
import {
  arabicSkeleton,
  arabicStems,
  BEFORE_PLACE,
  latinSkeletons,
  MIN_SKELETON,
  MIN_SKELETON_ALONE,
  mayBeTransliteration,
} from './skeleton.ts';
import { fold, type Token, tokenize } from './tokens.ts';

export { fold, tokenize } from './tokens.ts';

/** How an entry's name can be misread; see the module comment. */
export type Ambiguity = 'word' | 'place' | 'name' | 'elsewhere';

/** One name people use for one or more delområden. */
export interface GazetteerEntry {
  /** Stable key: `area:11319`, `alias:seved`, `stadsdel:rosengard`. */
  id: string;
  /** As people write it. */
  name: string;
  /** The delområden it means. Empty: the entry is switched off (entries are never deleted). */
  codes: readonly string[];
  ambiguous?: Ambiguity | null | undefined;
  /** Words that, anywhere in the same sentence, mean this name is some other place. */
  vetoWords?: readonly string[] | undefined;
  /** Why the entry is there or is ambiguous, for the staff who edit it. */
  note?: string | null | undefined;
  /**
   * Where the entry comes from, for the staff who check it (seed file only): `lookup-csv`,
   * `everyday`, `landmark`, `arabic`, `misspelling`; see docs/areas.md.
   */
  source?: string | null | undefined;
}

/** One place name found in a text. */
export interface Mention {
  entryId: string;
  codes: readonly string[];
  /** The matched text as written, and where. */
  text: string;
  start: number;
  end: number;
}

/** A matcher over a set of entries. */
export interface Gazetteer {
  /** Every mention, in text order. */
  mentions(text: string): Mention[];
  /** The codes mentioned, each once, in order of first mention. */
  codes(text: string): string[];
}

interface Prepared {
  entry: GazetteerEntry;
  words: string[];
  veto: Set<string>;
}

/** Entries by their first folded word, and Latin-script entries by consonant skeleton. */
interface Index {
  byFirstWord: Map<string, Prepared[]>;
  bySkeleton: Map<string, Prepared[]>;
}

/** Builds a matcher. Entries without codes or without a usable name are left out. */
export function buildGazetteer(entries: readonly GazetteerEntry[]): Gazetteer {
  const byFirstWord = new Map<string, Prepared[]>();
  for (const entry of entries) {
    const words = tokenize(entry.name).tokens.map((t) => t.folded);
    if (words.length === 0 || entry.codes.length === 0) continue;
    const prepared = { entry, words, veto: new Set((entry.vetoWords ?? []).map(fold)) };
    const list = byFirstWord.get(words[0] as string) ?? [];
    list.push(prepared);
    byFirstWord.set(words[0] as string, list);
  }
  // Longest name first, so "Rosengård Centrum" is tried before "Rosengård".
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const bySkeleton = new Map<string, Prepared[]>();
  for (const list of byFirstWord.values())
    for (const p of list) {
      if (ARABIC.test(p.entry.name)) continue;
      for (const skeleton of latinSkeletons(p.words)) {
        if (skeleton.length < MIN_SKELETON) continue;
        bySkeleton.set(skeleton, [...(bySkeleton.get(skeleton) ?? []), p]);
      }
    }
  const index: Index = { byFirstWord, bySkeleton };

  const mentions = (text: string): Mention[] => {
    const { tokens, usesCase } = tokenize(text);
    const found: Mention[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = longestMatch(index, tokens, i, usesCase);
      if (hit === undefined) {
        i += 1;
        continue;
      }
      const end = i + hit.words.length;
      // The words are used up either way: a negated "Rosengård Centrum" is not "Centrum" either.
      if (!inCompound(index, tokens, i, end) || isNegated(tokens, i)) {
        i = end;
        continue;
      }
      const first = tokens[i] as Token;
      const last = tokens[end - 1] as Token;
      found.push({
        entryId: hit.entry.id,
        codes: hit.entry.codes,
        text: text.slice(first.start, last.end),
        start: first.start,
        end: last.end,
      });
      i += hit.words.length;
    }
    return found;
  };
  return {
    mentions,
    codes: (text) => [...new Set(mentions(text).flatMap((m) => m.codes))],
  };
}

/** The longest entry whose words start at token `i` and whose ambiguity rule is met. */
function longestMatch(
  index: Index,
  tokens: readonly Token[],
  i: number,
  usesCase: boolean,
): Prepared | undefined {
  return candidatesAt(index, tokens, i).find((p) => contextAllows(p, tokens, i, usesCase));
}

/** Every entry whose words start at token `i`, whatever the context; longest first. */
function candidatesAt(index: Index, tokens: readonly Token[], i: number): Prepared[] {
  const token = tokens[i];
  if (token === undefined) return [];
  const candidates: Prepared[] = [];
  for (const suffix of SUFFIXES) {
    if (!token.folded.endsWith(suffix) || token.folded.length <= suffix.length) continue;
    const base = token.folded.slice(0, token.folded.length - suffix.length);
    for (const p of index.byFirstWord.get(base) ?? []) {
      // Only the last word of a name takes an ending.
      if (p.words.length === 1 || suffix === '') candidates.push(p);
    }
  }
  if (ARABIC.test(token.folded)) {
    // A spelling in the data, with a prefix or the article off, or with a final ه written for
    // the vowel (فوسيه for فوسي); else a name with the same consonants.
    for (const stem of arabicStems(token.folded, ARABIC_PREFIXES)) {
      const forms = stem.endsWith('ه') ? [stem, stem.slice(0, -1)] : [stem];
      for (const form of forms)
        if (form !== token.folded && form.length >= 3)
          candidates.push(...(index.byFirstWord.get(form) ?? []));
    }
    candidates.push(...bySkeletonAt(index, tokens, i));
  }
  candidates.sort((a, b) => b.words.length - a.words.length);
  return candidates.filter((p) => wordsMatch(p, tokens, i));
}

/**
 * Latin-script names whose consonants the Arabic words from token `i` (one to three, in one
 * sentence) spell (see ./skeleton.ts). A Swedish word's other meaning cannot be written in
 * Arabic script, so a `word` entry matched this way is not ambiguous.
 */
function bySkeletonAt(index: Index, tokens: readonly Token[], i: number): Prepared[] {
  const first = tokens[i] as Token;
  const found: Prepared[] = [];
  for (let n = 3; n >= 1; n--) {
    const run = tokens.slice(i, i + n);
    if (
      run.length < n ||
      run.some(
        (t, k) =>
          t.sentence !== first.sentence ||
          !ARABIC.test(t.folded) ||
          (k > 0 && !mayBeTransliteration(t.folded)),
      )
    )
      continue;
    const rest = run
      .slice(1)
      .map((t) => arabicSkeleton(t.folded))
      .join('');
    const before = tokens[i - 1];
    // The word before may carry a prefix too: "بحديقة" is "in the park".
    const afterPreposition =
      before !== undefined &&
      before.sentence === first.sentence &&
      arabicStems(before.folded, ARABIC_PREFIXES).some((s) => BEFORE_PLACE.has(s));
    for (const stem of arabicStems(first.folded, ARABIC_PREFIXES)) {
      if (!mayBeTransliteration(stem)) continue;
      const skeleton = arabicSkeleton(stem) + rest;
      // A prefix that is itself "in" or "on the" (بـ، بالـ، عالـ) says a place follows.
      const prefix = first.folded.slice(0, first.folded.length - stem.length);
      const placeExpected = afterPreposition || /^(ب|عال)/u.test(prefix);
      const longAlone = stem === first.folded && skeleton.length >= MIN_SKELETON_ALONE;
      if (!placeExpected && !longAlone) continue;
      for (const p of index.bySkeleton.get(skeleton) ?? [])
        found.push({
          entry: p.entry.ambiguous === 'word' ? { ...p.entry, ambiguous: null } : p.entry,
          words: run.map((t) => t.folded),
          veto: p.veto,
        });
    }
  }
  return found;
}

const ARABIC = /[\u0600-\u06FF]/u;

/**
 * Whether a name at tokens [start, end) stands as a name: not hyphen-joined to a word, or
 * joined only to another name ("Holma-Kroksbäck"). "Hyllie-bussen" is a bus, not Hyllie.
 */
function inCompound(index: Index, tokens: readonly Token[], start: number, end: number): boolean {
  if (tokens[start]?.hyphenBefore && candidatesAt(index, tokens, start - 1).length === 0) return false;
  if (tokens[end]?.hyphenBefore && candidatesAt(index, tokens, end).length === 0) return false;
  return true;
}

function wordsMatch(p: Prepared, tokens: readonly Token[], i: number): boolean {
  for (let k = 1; k < p.words.length; k++) {
    const token = tokens[i + k];
    const word = p.words[k] as string;
    if (token === undefined || token.sentence !== tokens[i]?.sentence) return false;
    const isLast = k === p.words.length - 1;
    const ok = isLast ? SUFFIXES.some((s) => token.folded === word + s) : token.folded === word;
    if (!ok) return false;
  }
  return true;
}

/** The ambiguity rule of the module comment. */
function contextAllows(p: Prepared, tokens: readonly Token[], i: number, usesCase: boolean): boolean {
  const ambiguity = p.entry.ambiguous;
  if ((ambiguity === null || ambiguity === undefined) && p.veto.size === 0) return true;
  const first = tokens[i] as Token;
  const clause = tokens.filter((t) => t.clause === first.clause);
  const vetoed = clause.some((t) => {
    const word = t.folded.endsWith('s') ? t.folded.slice(0, -1) : t.folded;
    return OTHER_PLACES.has(t.folded) || OTHER_PLACES.has(word) || p.veto.has(t.folded) || p.veto.has(word);
  });
  if (vetoed) return false;
  const before = tokens[i - 1];
  const beforeInSentence = before !== undefined && before.sentence === first.sentence ? before : undefined;
  switch (ambiguity) {
    case 'word':
      if (!usesCase || !first.capitalised) return false;
      return !first.sentenceStart || !isSwedishSentence(tokens, first.sentence);
    case 'place':
      return beforeInSentence !== undefined && LOCATIVES.has(beforeInSentence.folded);
    case 'name':
      return beforeInSentence === undefined || !PERSON_WORDS.has(beforeInSentence.folded);
    default:
      return true;
  }
}

/** Whether a sentence reads as Swedish: no Arabic script, and more Swedish than English words. */
function isSwedishSentence(tokens: readonly Token[], sentence: number): boolean {
  let swedish = 0;
  let english = 0;
  for (const t of tokens) {
    if (t.sentence !== sentence) continue;
    if (ARABIC.test(t.folded)) return false;
    if (SWEDISH_WORDS.has(t.folded)) swedish += 1;
    if (ENGLISH_WORDS.has(t.folded)) english += 1;
  }
  return swedish >= english;
}

export { GazetteerEntrySchema, parseGazetteerFile } from './entries.ts';
