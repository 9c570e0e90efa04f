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
 * - Ambiguous entries (names that are also ordinary words or other places) match only when the
 *   text makes the place reading likely, and never in a sentence that names a place outside
 *   Malmö (OTHER_PLACES, or the entry's own `vetoWords`):
 *   - `word` (Stadion, Teatern, Slussen, Kronprinsen, Höja, Ribban…): only written as a proper
 *     noun — a capital initial, not the first word of a sentence, in a text that uses case at all.
 *     "på stadion" is a stadium; "vid Stadion" is the area. A text all in lower case or all in
 *     capitals never matches these: it cannot tell the two apart.
 *   - `place` (Flensburg, Kronborg, Gröndal, Bellevue…): only right after a locative preposition
 *     (i, på, vid, nära, …; see LOCATIVES): "i Flensburg" is here, "till Flensburg" is Germany.
 */
import { LOCATIVES, OTHER_PLACES, SUFFIXES } from './rules.ts';
import { fold, type Token, tokenize } from './tokens.ts';

export { fold, tokenize } from './tokens.ts';

/** How an entry's name can be misread; see the module comment. */
export type Ambiguity = 'word' | 'place';

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

  const mentions = (text: string): Mention[] => {
    const { tokens, usesCase } = tokenize(text);
    const found: Mention[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = longestMatch(byFirstWord, tokens, i, usesCase);
      if (hit === undefined) {
        i += 1;
        continue;
      }
      const first = tokens[i] as Token;
      const last = tokens[i + hit.words.length - 1] as Token;
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
  index: Map<string, Prepared[]>,
  tokens: readonly Token[],
  i: number,
  usesCase: boolean,
): Prepared | undefined {
  const token = tokens[i] as Token;
  const candidates: Prepared[] = [];
  for (const suffix of SUFFIXES) {
    if (!token.folded.endsWith(suffix) || token.folded.length <= suffix.length) continue;
    const base = token.folded.slice(0, token.folded.length - suffix.length);
    for (const p of index.get(base) ?? []) {
      // Only the last word of a name takes an ending.
      if (p.words.length === 1 || suffix === '') candidates.push(p);
    }
  }
  candidates.sort((a, b) => b.words.length - a.words.length);
  return candidates.find((p) => wordsMatch(p, tokens, i) && contextAllows(p, tokens, i, usesCase));
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
  if (ambiguity !== 'word' && ambiguity !== 'place') return true;
  const first = tokens[i] as Token;
  const sentence = tokens.filter((t) => t.sentence === first.sentence);
  const vetoed = sentence.some((t) => {
    const word = t.folded.endsWith('s') ? t.folded.slice(0, -1) : t.folded;
    return OTHER_PLACES.has(t.folded) || OTHER_PLACES.has(word) || p.veto.has(t.folded) || p.veto.has(word);
  });
  if (vetoed) return false;
  if (ambiguity === 'word') return usesCase && first.capitalised && !first.sentenceStart;
  const before = tokens[i - 1];
  return before !== undefined && before.sentence === first.sentence && LOCATIVES.has(before.folded);
}

export { GazetteerEntrySchema, parseGazetteerFile } from './entries.ts';
