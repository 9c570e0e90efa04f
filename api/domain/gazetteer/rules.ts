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
]);
