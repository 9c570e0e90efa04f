/**
 * Text normalisation for word matching, keeping a map back to the original offsets.
 *
 * Matching must ignore what does not change a word's meaning — case, Arabic diacritics (tashkeel)
 * and the tatweel stretching character, the several spellings of alef, invisible joiners and soft
 * hyphens someone may slip in to dodge a filter — yet report spans in the ORIGINAL text. Removing or
 * lower-casing characters changes lengths, so every code unit of the normalised text records the
 * original span it came from.
 */

/** A normalised text plus, per code unit, the original span `[starts[i], ends[i])` it came from. */
export interface MappedText {
  text: string;
  starts: number[];
  ends: number[];
}

/** Dropped entirely: Arabic tashkeel, Quranic marks, tatweel, soft hyphen, zero-width characters. */
const IGNORABLE =
  /^[\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u00ad\u200b-\u200f\u2060\ufeff]$/;

/** Arabic letters with variants that writers use interchangeably, folded to one form. */
const ARABIC_FOLD: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  ک: 'ك',
};

const COMBINING = /^\p{M}$/u;

/**
 * Lower-cases `original`, drops ignorable characters, folds Arabic letter variants and composes a
 * letter with a following combining mark (a decomposed `ö` becomes `ö`), recording for each output
 * code unit where it came from.
 */
export function normaliseMapped(original: string): MappedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i) ?? 0;
    let ch = String.fromCodePoint(cp);
    let end = i + ch.length;
    if (IGNORABLE.test(ch)) {
      i = end;
      continue;
    }
    const next = original.codePointAt(end);
    if (next !== undefined) {
      const mark = String.fromCodePoint(next);
      if (COMBINING.test(mark) && !IGNORABLE.test(mark)) {
        const composed = (ch + mark).normalize('NFC');
        if ([...composed].length === 1) {
          ch = composed;
          end += mark.length;
        }
      }
    }
    const out = (ARABIC_FOLD[ch] ?? ch).toLowerCase();
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(end);
    }
    text += out;
    i = end;
  }
  return { text, starts, ends };
}

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '@': 'a', $: 's' };
const LEET_TOKEN = /[\p{L}\p{M}\p{N}@$]+/gu;
const HAS_LETTER = /\p{L}/u;

/**
 * Undoes simple leetspeak (0→o, 1→i, 3→e, 4→a, @→a, $→s) inside tokens that also hold a letter, so
 * `1d10t` reads `idiot` while `2030` and `112` stay numbers. Same length as the input, so the same
 * offset map applies; `undefined` when nothing changed.
 */
export function undoLeet(text: string): string | undefined {
  let changed = false;
  const out = text.replace(LEET_TOKEN, (token) => {
    if (!HAS_LETTER.test(token)) return token;
    return token.replace(/[0134@$]/g, (ch) => {
      changed = true;
      return LEET[ch] ?? ch;
    });
  });
  return changed ? out : undefined;
}

/**
 * Normalisation for comparing two texts as a whole (near-duplicates): compatibility forms folded
 * (NFKC), the mapped normalisation above, punctuation and symbols treated as spaces, whitespace
 * collapsed.
 */
export function normaliseForComparison(text: string): string {
  return normaliseMapped(text.normalize('NFKC'))
    .text.replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
