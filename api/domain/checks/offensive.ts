/**
 * Finds offensive words from small per-language word lists kept as data in
 * api/data/checks/offensive/<language>.txt, so the city can edit them without a code change.
 *
 * List format (see the header of each file): one entry per line, `#` starts a comment;
 * `word` matches that whole word only, `stem*` matches any word beginning with the stem, and an entry
 * with spaces is a phrase matched with any whitespace between its words (its last word may be a stem).
 *
 * Matching is on Unicode word boundaries (letters, marks and digits of any script form words, so
 * `cunt*` does not fire inside "Scunthorpe" nor `fitta` on "Fittja"), case-insensitive, ignores
 * Arabic diacritics, tatweel and alef variants (normalise.ts), and runs a second time with simple
 * leetspeak undone (`h0ra`). Arabic entries also match after the proclitics و ف ب ل ك س and the
 * article ال, which are written joined to the next word (`والشرموطة`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { normaliseMapped, undoLeet } from './normalise.ts';
import { mergeSpans, type Span } from './types.ts';

/** One compiled list. `problems` names lines that were skipped (bad syntax, stems too short). */
export interface WordList {
  language: string;
  pattern: RegExp | undefined;
  entries: number;
  problems: string[];
}

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;
const ARABIC_PROCLITICS = '(?:[وف]?[بلكس]?(?:ال)?)';
/** Stems shorter than this would start too many everyday words. */
const MIN_STEM_CHARS = 3;
const OFFENSIVE_DIR = new URL('../../data/checks/offensive/', import.meta.url);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One entry as a regex alternative, or a problem description when the line is not usable. */
function compileEntry(raw: string): { source: string } | { problem: string } {
  const stem = raw.endsWith('*');
  const body = normaliseMapped(stem ? raw.slice(0, -1) : raw)
    .text.trim()
    .replace(/\s+/gu, ' ');
  if (body.includes('*')) return { problem: 'a `*` is only allowed at the end of an entry' };
  if (!new RegExp(`^${WORD_CHAR}`, 'u').test(body)) return { problem: 'an entry must start with a letter' };
  const lastWord = body.split(' ').at(-1) ?? '';
  if (stem && [...lastWord].length < MIN_STEM_CHARS) {
    return { problem: `a stem needs at least ${MIN_STEM_CHARS} letters` };
  }
  const words = body.split(' ').map(escapeRegex).join(String.raw`\s+`);
  return { source: stem ? `${words}${WORD_CHAR}*` : `${words}(?!${WORD_CHAR})` };
}

/**
 * Compiles the text of one list file. Bad lines are skipped and reported in `problems` rather than
 * thrown: a typo the city makes in a list must never turn a participant's submission into an error.
 */
export function compileWordList(language: string, source: string): WordList {
  const alternatives: string[] = [];
  const problems: string[] = [];
  source.split(/\r?\n/).forEach((line, index) => {
    const entry = line.replace(/(^|\s)#.*$/u, '').trim();
    if (entry === '') return;
    const compiled = compileEntry(entry);
    if ('problem' in compiled) problems.push(`${language}.txt line ${index + 1}: ${compiled.problem}`);
    else alternatives.push(compiled.source);
  });
  // Longest first, so a phrase wins over a word it starts with.
  alternatives.sort((a, b) => b.length - a.length);
  const prefix = language === 'ar' ? ARABIC_PROCLITICS : '';
  const pattern =
    alternatives.length === 0
      ? undefined
      : new RegExp(`(?<!${WORD_CHAR})${prefix}(?:${alternatives.join('|')})`, 'gu');
  return { language, pattern, entries: alternatives.length, problems };
}

let shipped: readonly WordList[] | undefined;

/**
 * The lists in api/data/checks/offensive/, one per `<language>.txt`, read once and cached. A city can
 * add a language by adding a file.
 */
export function defaultWordLists(): readonly WordList[] {
  if (!shipped) {
    shipped = readdirSync(OFFENSIVE_DIR)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) =>
        compileWordList(name.slice(0, -'.txt'.length), readFileSync(new URL(name, OFFENSIVE_DIR), 'utf8')),
      );
  }
  return shipped;
}

function matchAll(pattern: RegExp, normalised: string, starts: number[], ends: number[], out: Span[]): void {
  for (const match of normalised.matchAll(pattern)) {
    if (match[0].length === 0) continue;
    const last = match.index + match[0].length - 1;
    out.push({ start: starts[match.index] ?? 0, end: ends[last] ?? 0 });
  }
}

/**
 * Returns the spans of offensive words and phrases in `text` (original offsets), overlapping matches
 * merged, in order of appearance.
 */
export function findOffensive(text: string, lists: readonly WordList[] = defaultWordLists()): Span[] {
  const mapped = normaliseMapped(text);
  const leet = undoLeet(mapped.text);
  const spans: Span[] = [];
  for (const list of lists) {
    if (!list.pattern) continue;
    matchAll(list.pattern, mapped.text, mapped.starts, mapped.ends, spans);
    if (leet !== undefined) matchAll(list.pattern, leet, mapped.starts, mapped.ends, spans);
  }
  return mergeSpans(spans);
}
