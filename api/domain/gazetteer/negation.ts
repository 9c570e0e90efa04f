/**
 * Negation of living or being at a place: "Jag bor inte i Rosengård längre", "I don't live in
 * Lindängen anymore", "ما بسكن في Seved". Such a mention says where the writer is not, so it is
 * no tag. Only the governed mention is dropped: in "Jag bor inte i Holma, nu bor jag i
 * Hermodsdal" Hermodsdal stays.
 *
 * The rule, read backwards from the name, inside its clause: any prepositions (i, på, in, at,
 * from, في, من), then a run of only negations, verbs of living or being, auxiliaries, pronouns
 * and words like "längre", "anymore", "عدت". The mention is negated when that run holds both a
 * negation and a verb of living or being. The run must touch the name: "Det är inte tryggt i
 * Rosengård" negates "tryggt", not where anyone is, so Rosengård stays.
 */
import type { Token } from './tokens.ts';

/** Negations (folded). "no" only counts inside the run: "I no longer live in …". */
export const NEGATIONS = new Set([
  'inte',
  'ej',
  'icke',
  'aldrig',
  'not',
  'never',
  'no',
  "don't",
  'dont',
  "doesn't",
  'doesnt',
  "didn't",
  'didnt',
  "isn't",
  "aren't",
  "wasn't",
  "won't",
  "can't",
  "haven't",
  'ما',
  'لا',
  'مش',
  'مو',
  'مب',
  'لم',
  'لست',
  'ليس',
  'ماني',
]);

/** Verbs of living or being somewhere, in the forms people write (folded). */
export const BEING_VERBS = new Set([
  'bor',
  'bo',
  'bodde',
  'bott',
  'ar',
  'e',
  'var',
  'varit',
  'vara',
  'finns',
  'fanns',
  'befinner',
  'stannar',
  'hanger',
  'kommer',
  'live',
  'lives',
  'lived',
  'living',
  'stay',
  'stays',
  'stayed',
  'staying',
  'am',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  "i'm",
  'im',
  "we're",
  "they're",
  "he's",
  "she's",
  "isn't",
  "aren't",
  "wasn't",
  'come',
  'comes',
  'بسكن',
  'اسكن',
  'نسكن',
  'يسكن',
  'ساكن',
  'ساكنه',
  'ساكنين',
  'سكنت',
  'عايش',
  'عايشه',
  'عايشين',
  'بعيش',
  'اعيش',
  'لست',
  'ليس',
]);

/**
 * Arabic conjugates by prefixes and endings (بسكن، بنسكن، ساكنين، سكنّا، عايشة، بنعيش): any word
 * holding the root of "live" (س ك ن, or ع ي ش in the forms people write) is such a verb.
 */
const ARABIC_BEING = /سكن|ساكن|عيش|عايش/u;

/** Words that may stand in the run without breaking it (folded). */
const RUN_WORDS = new Set([
  'har',
  'hade',
  'have',
  'has',
  'had',
  'do',
  'does',
  'did',
  'jag',
  'du',
  'han',
  'hon',
  'vi',
  'ni',
  'de',
  'dom',
  'man',
  'i',
  'you',
  'he',
  'she',
  'we',
  'they',
  'langre',
  'kvar',
  'heller',
  'alls',
  'egentligen',
  'ju',
  'nu',
  'just',
  'anymore',
  'longer',
  'really',
  'actually',
  'even',
  'currently',
  'any',
  'انا',
  'احنا',
  'نحن',
  'هو',
  'هي',
  'عدت',
  'عاد',
  'عدنا',
  'بعد',
  'هلا',
  'حاليا',
]);

/** Prepositions between the run and the name (folded). */
const PREPOSITIONS = new Set([
  'i',
  'pa',
  'vid',
  'nara',
  'fran',
  'in',
  'at',
  'on',
  'near',
  'from',
  'في',
  'من',
  'ب',
]);

/** Whether the mention starting at token `i` is governed by a negation of living or being there. */
export function isNegated(tokens: readonly Token[], i: number): boolean {
  const clause = tokens[i]?.clause;
  let j = i - 1;
  while (j >= 0 && tokens[j]?.clause === clause && PREPOSITIONS.has((tokens[j] as Token).folded)) j -= 1;
  let negation = false;
  let verb = false;
  for (let n = 0; n < 6 && j >= 0 && tokens[j]?.clause === clause; n++, j--) {
    const word = (tokens[j] as Token).folded;
    const isNegation = NEGATIONS.has(word);
    const isVerb = BEING_VERBS.has(word) || ARABIC_BEING.test(word);
    if (!isNegation && !isVerb && !RUN_WORDS.has(word)) break;
    negation ||= isNegation;
    verb ||= isVerb;
  }
  return negation && verb;
}
