/**
 * The word lists behind the matching rules (see ./index.ts for the rules themselves).
 * All folded: lower case, no diacritics (på → pa).
 */

/**
 * Endings a place name may carry and still be that place: the genitive (Lindängens, Möllan's)
 * and the words for the people living there (Holmabor, Sevedsborna). Only on the last word of
 * a name, and only these: "Rosengårdsskolan" is a school, not a mention of the area.
 */
export const SUFFIXES = [
  '',
  's',
  "'s",
  'bo',
  'bon',
  'bor',
  'borna',
  'sbo',
  'sbon',
  'sbor',
  'sborna',
] as const;

/**
 * Prepositions that put something at a place ("i Flensburg", "på Kronborg", "near Bellevue",
 * "في"). Directional ones (till, från, to, from) are left out on purpose: "vi åkte till
 * Flensburg" is a shopping trip to Germany far more often than a walk to the Malmö area.
 */
export const LOCATIVES = new Set([
  'i',
  'pa',
  'vid',
  'nara',
  'utanfor',
  'bakom',
  'runt',
  'kring',
  'mellan',
  'ovanfor',
  'nedanfor',
  'bredvid',
  'inne',
  'in',
  'at',
  'near',
  'around',
  'في',
  'عند',
  'قرب',
  'جنب',
]);

/**
 * Places outside Malmö that share names with Malmö's areas (Slussen and Gröndal in Stockholm,
 * Kronborg in Helsingør, Frihamnen in Göteborg, Flensburg in Germany): a sentence naming one of
 * these is not about Malmö's area of the same name. Checked for ambiguous entries only; an
 * entry can add its own words (`vetoWords`).
 */
export const OTHER_PLACES = new Set([
  'stockholm',
  'goteborg',
  'helsingborg',
  'lund',
  'uppsala',
  'kopenhamn',
  'kobenhavn',
  'copenhagen',
  'helsingor',
  'danmark',
  'denmark',
  'tyskland',
  'germany',
  'deutschland',
  'norge',
  'finland',
  // Towns near Malmö with their own old town, park, stadium or square of the same name.
  'ystad',
  'trelleborg',
  'landskrona',
  'kristianstad',
  'eslov',
  'hoor',
  'hassleholm',
  'angelholm',
  'simrishamn',
  'lomma',
  'staffanstorp',
  'vellinge',
  'svedala',
  'skurup',
  'kavlinge',
  'sjobo',
  'paris',
  'london',
  'berlin',
  'oslo',
  'sonderborg',
  // The same, as written in Arabic script (folded: no hamza).
  'الدنمارك',
  'دنمارك',
  'كوبنهاغن',
  'كوبنهاجن',
  'ستوكهولم',
  'ستوكهلم',
  'لوند',
  'المانيا',
  'يوتيبوري',
  'هلسنغبوري',
]);

/**
 * Words that start a new clause. A veto (another city) or a negation reaches only to the end of
 * its clause: "Jag jobbar i Lund men bor vid Stadion" is about Malmö's Stadion, "I don't live in
 * Holma but in Lindängen" is about Lindängen.
 */
export const CLAUSE_WORDS = new Set([
  'men',
  'utan',
  'och',
  'eller',
  'medan',
  'fast',
  'innan',
  'but',
  'and',
  'or',
  'while',
  'whereas',
  'though',
  'before',
  'بس',
  'لكن',
  'بل',
  'و',
  'قبل',
]);

/**
 * Words that, right before a name that is also a first name (Seved), make it a person: "min
 * morfar Seved", "kompisen Seved", "jag heter Seved", "my friend Seved", "عمي سيفيد".
 */
export const PERSON_WORDS = new Set([
  'morfar',
  'farfar',
  'mormor',
  'farmor',
  'morbror',
  'farbror',
  'moster',
  'faster',
  'bror',
  'brorsan',
  'syster',
  'systern',
  'kusin',
  'kusinen',
  'kompis',
  'kompisen',
  'polare',
  'polaren',
  'van',
  'vannen',
  'pappa',
  'mamma',
  'son',
  'sonen',
  'granne',
  'grannen',
  'larare',
  'lararen',
  'heter',
  'kallas',
  'herr',
  'fru',
  'grandfather',
  'grandpa',
  'grandad',
  'uncle',
  'friend',
  'brother',
  'cousin',
  'dad',
  'neighbour',
  'neighbor',
  'teacher',
  'named',
  'called',
  'mr',
  'عمي',
  'خالي',
  'جدي',
  'صاحبي',
  'اخي',
  'اسمه',
  'اسمي',
]);

/**
 * One-letter prefixes Arabic writes onto the next word: بـ (in), و (and), لـ (to), فـ (so), and
 * spoken عالـ (على الـ, "on the"), and their pairs: "بروزنغورد" is "in Rosengård". Stripped only from words in Arabic script, and
 * only when what is left is a name.
 */
export const ARABIC_PREFIXES = ['عال', 'وب', 'ول', 'فب', 'ب', 'و', 'ل', 'ف'] as const;

/**
 * Small function words (folded) that tell an English sentence from a Swedish one. A name that is
 * also a Swedish word ("Törnrosen", the briar rose) can only be the word in a Swedish sentence, so
 * at the start of an English or Arabic one it is the place: "Törnrosen needs better lighting".
 * Words both languages write alike (in, for) are in neither list.
 */
export const ENGLISH_WORDS = new Set([
  'the',
  'a',
  'an',
  'is',
  'are',
  'was',
  'were',
  'needs',
  'need',
  'has',
  'have',
  'of',
  'to',
  'and',
  'with',
  'on',
  'at',
  'it',
  'this',
  'that',
  'my',
  'our',
  'there',
  'should',
  'would',
  'more',
  'better',
  'very',
  'too',
]);

/** See ENGLISH_WORDS. */
export const SWEDISH_WORDS = new Set([
  'och',
  'att',
  'det',
  'som',
  'en',
  'ett',
  'ar',
  'har',
  'inte',
  'jag',
  'vi',
  'pa',
  'med',
  'av',
  'till',
  'den',
  'om',
  'sa',
  'men',
  'behover',
  'mer',
  'fler',
  'vill',
  'kan',
  'ska',
  'borde',
  'finns',
  'var',
  'hur',
  'nar',
]);
