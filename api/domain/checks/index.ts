/**
 * Automatic checks on every submission (issue 6): personnummer and samordningsnummer, phone numbers,
 * e-mail addresses, links, offensive words, and near-identical texts from one device.
 *
 * Pure functions with no store access. Flags never reject input: ingest stores them so the staff
 * queue can put flagged items first and highlight the spans, and so nothing flagged reaches the
 * public unreviewed. What each detector matches, and deliberately does not, is in docs/checks.md.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { findEmails } from './email.ts';
import { findLinks } from './links.ts';
import { defaultWordLists, findOffensive, type WordList } from './offensive.ts';
import { findIdentityNumbers } from './personnummer.ts';
import { findPhoneNumbers } from './phone.ts';
import { type Flag, overlaps } from './types.ts';
import { detectionView } from './view.ts';

export type {
  DuplicateCandidate,
  NearDuplicateOptions,
  RecentSubmission,
} from './near-duplicate.ts';
export { NEAR_DUPLICATE_DEFAULTS, nearDuplicate } from './near-duplicate.ts';
export { compileWordList, defaultWordLists, type WordList } from './offensive.ts';
export { FLAG_KINDS, type Flag, type FlagKind, type TextFlagKind } from './types.ts';

/** Optional context for `checkText`. */
export interface CheckContext {
  /** Country a phone number without `+`/`00` is read in (default `SE`). */
  defaultCountry?: CountryCode;
  /**
   * Word-list languages to apply (`['sv', 'ar']`). Default: every list, because participants mix
   * languages and the app's UI language says little about what they type.
   */
  languages?: readonly string[];
  /** Word lists to use instead of the shipped files (tests, or lists a city keeps elsewhere). */
  wordLists?: readonly WordList[];
}

/**
 * Runs every span detector over `text` and returns the flags sorted by position (then end, then
 * kind). Spans are UTF-16 offsets into `text` as given; `text.slice(flag.start, flag.end)` is the
 * match. Overlaps between kinds are resolved where one reading is clearly right:
 * - a personnummer or samordningsnummer wins over a phone number on the same digits;
 * - an e-mail address wins over a link on the same characters (`anna.se@example.com`).
 * Other overlaps (a phone number inside a link, an offensive word inside an address) are kept.
 */
export function checkText(original: string, context: CheckContext = {}): Flag[] {
  // Detectors read what a person would see (invisible characters gone, overridden runs in
  // display order); spans are mapped back to the text as submitted.
  const view = detectionView(original);
  const text = view.text;
  const identity = findIdentityNumbers(text);
  const phones = findPhoneNumbers(text, context.defaultCountry ?? 'SE').filter(
    (phone) => !identity.some((id) => overlaps(phone, id)),
  );
  const emails = findEmails(text);
  const links = findLinks(text).filter((link) => !emails.some((email) => overlaps(link, email)));
  const allLists = context.wordLists ?? defaultWordLists();
  const languages = context.languages;
  const lists = languages ? allLists.filter((list) => languages.includes(list.language)) : allLists;
  const offensive = findOffensive(text, lists);

  const flags: Flag[] = [
    ...identity.map(({ kind, start, end }) => ({ kind, start, end })),
    ...phones.map((span) => ({ kind: 'phone' as const, ...span })),
    ...emails.map((span) => ({ kind: 'email' as const, ...span })),
    ...links.map((span) => ({ kind: 'link' as const, ...span })),
    ...offensive.map((span) => ({ kind: 'offensive' as const, ...span })),
  ];
  return flags
    .map((flag) => ({ ...flag, ...view.toOriginal(flag) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}
