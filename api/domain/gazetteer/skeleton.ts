/**
 * Arabic spellings of Swedish names vary with what the writer hears (ليندينغن، ليندنغن، ليندانغن
 * for Lindängen; ستورتورغيت for Stortorget): vowels come and go, the consonants stay. So an
 * Arabic word, or two or three, matches a name whose consonant skeleton is the same: the name's
 * from its Latin spelling by Swedish sound rules, the words' letter by letter. Only skeletons of
 * at least MIN_SKELETON consonants count: shorter ones (Oxie "ks", Fosie "fs") are like too many
 * Arabic words, so those names are spelled out in the data instead. And only where a place is
 * expected: after a word like "in" or "near" (BEFORE_PLACE), or written with بـ (in).
 */

/** The fewest consonants a skeleton needs to be matched on. */
export const MIN_SKELETON = 4;

/**
 * The fewest consonants for a match with no place word before it, on a word as written (no prefix
 * taken off): a common word sharing six consonants in order with a name is unlikely, and a
 * sentence often starts with the place ("بيلفيوغوردن فيها شقق رخيصة؟").
 */
export const MIN_SKELETON_ALONE = 6;

/**
 * Letters for sounds Swedish does not have (ع ح خ ص ض ط ظ ق ذ ث): a word with one of them is an
 * Arabic word, not a Swedish name written in Arabic letters ("يعمل معك" is not Malmö C).
 */
const ARABIC_ONLY = /[عحخصضطظقذث]/u;

/** Whether folded Arabic words can be a Swedish name written as heard. */
export const mayBeTransliteration = (folded: string): boolean => !ARABIC_ONLY.test(folded);

// Swedish spellings to the consonant an Arabic writer uses for the sound, in order: the
// clusters first (sj, tj, x…), then single letters. Vowels, h and j (a vowel-like y sound) go.
const LATIN_RULES: readonly [RegExp, string][] = [
  [/sch|skj|stj|sj/g, 's'],
  [/tj|kj|ch/g, 's'],
  [/ph/g, 'f'],
  [/x/g, 'ks'],
  [/[cq]/g, 'k'],
  [/z/g, 's'],
  [/[vw]/g, 'f'],
  [/p/g, 'b'],
  [/g/g, 'k'],
  [/[aeiouyjh]/g, ''],
];

/** Arabic letters (folded: no hamza) to the same consonant classes; the rest carry no consonant. */
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ط: 't',
  ج: 'k',
  غ: 'k',
  ك: 'k',
  ق: 'k',
  گ: 'k',
  د: 'd',
  ض: 'd',
  ذ: 'd',
  ظ: 'd',
  ر: 'r',
  ز: 's',
  س: 's',
  ص: 's',
  ش: 's',
  ث: 's',
  ف: 'f',
  ڤ: 'f',
  ل: 'l',
  م: 'm',
  ن: 'n',
  // Persian and Kurdish letters, for names written the same way in those languages.
  ک: 'k',
  چ: 's',
  ژ: 's',
  ڕ: 'r',
  ڵ: 'l',
};

/**
 * Words before a place, in Arabic, Persian and Sorani: in, at, near, from, to, on, and nouns for
 * a kind of place (park, square, street; not Persian از, "from" and "than", too common). A consonant
 * match counts only after one of these, or on a word written with بـ (in) or بالـ: alone, a
 * common word can share a name's consonants (Persian فرستادن "to send" has Rörsjöstaden's).
 */
export const BEFORE_PLACE = new Set([
  'في',
  'عند',
  'قرب',
  'جنب',
  'من',
  'الي',
  'علي',
  'بـ',
  'ب',
  // Nouns of a kind of place before its name: "حديقة بيلدامسباركن", "ساحة ستورتورغيت".
  'حي',
  'منطقه',
  'حديقه',
  'ساحه',
  'شارع',
  'محطه',
  'مدرسه',
  'پارک',
  'محله',
  'برج',
  'شط',
  'مكتبه',
  'ملعب',
  'سوق',
  'مول',
  'در',
  'به',
  'نزدیک',
  'له',
  'لە',
  'بو',
  'بۆ',
  'نزیک',
]);

const collapse = (s: string) => s.replace(/(.)\1+/g, '$1');

/** The consonant skeleton of a folded Latin name ("lindangen" → "lndnkn"). */
export function latinSkeleton(folded: string): string {
  let s = folded.replace(/[^a-z]/g, '');
  for (const [pattern, to] of LATIN_RULES) s = s.replace(pattern, to);
  return collapse(s);
}

/**
 * The skeletons a name may be written with: as spelled, and as said where Swedish softens a
 * letter — g before e, i, y (not in ng) and a final g after r or l sound like j ("torget",
 * "Kirseberg": ستورتوريت، كيرسبيري), c before e, i, y like s ("Centrum": سنتروم). Both occur, so
 * both count. One word at a time, since the rules look at word ends.
 */
export function latinSkeletons(foldedWords: readonly string[]): string[] {
  const soft = (w: string) =>
    w
      .replace(/[^a-z]/g, '')
      .replace(/(^|[^n])g(?=[eiy])/g, '$1j')
      .replace(/([rl])g$/g, '$1j')
      .replace(/c(?=[eiy])/g, 's');
  const hard = collapse(foldedWords.map(latinSkeleton).join(''));
  const softened = collapse(foldedWords.map((w) => latinSkeleton(soft(w))).join(''));
  return hard === softened ? [hard] : [hard, softened];
}

/** The consonant skeleton of folded Arabic words ("ليندنغن" → "lndnkn"). */
export function arabicSkeleton(folded: string): string {
  let s = '';
  for (const ch of folded) s += ARABIC_LETTERS[ch] ?? '';
  return collapse(s);
}

/**
 * The ways an Arabic word may carry a name: as written, without one of the one-letter prefixes
 * (بـ in, و and, لـ to, فـ so), without the article ال, or both ("بالتريانغلن").
 */
export function arabicStems(folded: string, prefixes: readonly string[]): string[] {
  const out = new Set([folded]);
  for (const p of ['', ...prefixes]) {
    if (!folded.startsWith(p)) continue;
    const rest = folded.slice(p.length);
    out.add(rest);
    if (rest.startsWith('ال')) out.add(rest.slice(2));
    if (p === 'ل' && rest.startsWith('ل')) out.add(rest.slice(1));
  }
  return [...out].filter((s) => s.length >= 2);
}
