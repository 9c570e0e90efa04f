/**
 * Languages. Swedish is bundled (it is the source of truth and the fallback); every other
 * catalogue is a file next to sv.ts, loaded with a dynamic import when chosen (the service worker
 * precaches every JS chunk of the build, these included, so every language works offline; the
 * weight check e2e/weight.spec.ts asserts they are in the precache manifest). Adding a language =
 * adding one file `<code>.ts`: LANGUAGES is made from the files in this folder, with the name from
 * Intl (the language's name in itself), the direction from a list of right-to-left languages and
 * Latin digits; REFINED only fine-tunes the ones we know (order, Intl locale). catalogues.test.ts
 * finds the files on disk and fails when a catalogue lacks a Swedish key or placeholder.
 *
 * The language follows the device (navigator.languages), can be changed on every screen, and is
 * remembered in localStorage (no cookies). <html lang> and dir follow it.
 *
 * Swedish comes in two parts: what the start screen shows (./sv/first.ts, bundled) and the rest
 * (./sv/later.ts), loaded when any other screen opens (`loadSwedishLater`, which the router calls
 * with every lazy screen). A key asked for before the rest is there starts the load and shows
 * nothing for a moment, never the key itself; the text appears when it arrives.
 */
import { computed, signal } from '@preact/signals';
import type { LocalizedText } from '../../common/wire/index.ts';
import type { MessageKey, Messages } from './sv.ts';
import first from './sv/first.ts';

export type { MessageKey, Messages } from './sv.ts';

export interface Language {
  code: string;
  /** The language's name in itself. */
  name: string;
  dir: 'ltr' | 'rtl';
  /**
   * The locale for Intl number and date formats. Arabic uses Latin digits (0–9), asked for
   * explicitly (`-u-nu-latn`) because engines differ in their default for `ar`: they are the
   * digits of Swedish school, street and bus numbers, phone numbers and the city's other texts,
   * and what Arabic speakers in Sweden (mostly from the Levant and Iraq, where both are read) meet
   * every day. See docs/accessibility.md; client/i18n/intl.test.ts asserts it.
   */
  intl: string;
  load: () => Promise<{ default: Messages }>;
}

/** Every catalogue but Swedish (bundled): `<code>.ts` next to this file, loaded when chosen. */
// Only files named like a language code (two or three letters): a helper or a test is not a language.
const CATALOGUES = import.meta.glob<{ default: Messages }>([
  './[a-z][a-z].ts',
  './[a-z][a-z][a-z].ts',
  // Easy-read Swedish (lättläst): a variety of Swedish with its own catalogue, a private-use tag.
  './sv-x-lattlast.ts',
  '!./sv.ts',
]);

/** Languages written right to left (ISO 639 codes), for a catalogue with no line in REFINED. */
const RIGHT_TO_LEFT = new Set(['ar', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** What we know better than the defaults, in the order the language menu lists them. */
const REFINED: readonly Omit<Language, 'load'>[] = [
  { code: 'sv', name: 'Svenska', dir: 'ltr', intl: 'sv-SE' },
  { code: 'sv-x-lattlast', name: 'Lättläst svenska', dir: 'ltr', intl: 'sv-SE' },
  { code: 'en', name: 'English', dir: 'ltr', intl: 'en-GB' },
  { code: 'ar', name: 'العربية', dir: 'rtl', intl: 'ar-u-nu-latn' },
  // Sorani (Central Kurdish), in Arabic script, right to left.
  { code: 'ckb', name: 'کوردی (سۆرانی)', dir: 'rtl', intl: 'ckb-u-nu-latn' },
  // Persian as Afghans (Dari) and Iranians (Farsi) both call it: one written standard, two names.
  { code: 'fa', name: 'فارسی / دری', dir: 'rtl', intl: 'fa-u-ca-gregory-nu-latn' },
  { code: 'so', name: 'Soomaali', dir: 'ltr', intl: 'so-SE' },
  { code: 'ti', name: 'ትግርኛ', dir: 'ltr', intl: 'ti-u-nu-latn' },
  // Kurmanji (Northern Kurdish), in Latin script.
  { code: 'kmr', name: 'Kurmancî', dir: 'ltr', intl: 'kmr-u-nu-latn' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr', intl: 'tr-TR' },
  // One catalogue for Bosnian, Croatian and Serbian in Latin script (BCS): `sh`.
  { code: 'sh', name: 'Bosanski / Hrvatski / Srpski', dir: 'ltr', intl: 'hr-HR' },
  { code: 'pl', name: 'Polski', dir: 'ltr', intl: 'pl-PL' },
];

/** A language from its file alone: its name in itself (Intl), its direction, Latin digits. */
function fromFile(code: string): Omit<Language, 'load'> {
  let name = code;
  try {
    name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    // An engine without DisplayNames: the code is still a usable label.
  }
  return {
    code,
    name: name.charAt(0).toLocaleUpperCase(code) + name.slice(1),
    dir: RIGHT_TO_LEFT.has(code) ? 'rtl' : 'ltr',
    intl: `${code}-SE-u-nu-latn`,
  };
}

/** For catalogues.test.ts: what a catalogue file with no line in REFINED gets. */
export const fromFileForTest = fromFile;

export const LANGUAGES: readonly Language[] = [
  {
    ...(REFINED[0] as Omit<Language, 'load'>),
    load: async () => {
      await loadSwedishLater();
      return { default: swedish.value as Messages };
    },
  },
  ...Object.entries(CATALOGUES)
    .map(([file, load]) => ({ code: file.slice(2, -3), load }))
    .sort((a, b) => {
      const rank = (code: string) => {
        const i = REFINED.findIndex((r) => r.code === code);
        return i === -1 ? REFINED.length : i;
      };
      return rank(a.code) - rank(b.code) || a.code.localeCompare(b.code);
    })
    .map(({ code, load }) => ({ ...(REFINED.find((r) => r.code === code) ?? fromFile(code)), load })),
];

const STORAGE_KEY = 'kraftsamla.lang';

const current = signal<Language>(LANGUAGES[0] as Language);
/** Swedish as far as it is loaded: the fallback for every language, and Swedish itself. */
const swedish = signal<Partial<Messages>>(first);
const catalogue = signal<Partial<Messages>>(first);

let later: Promise<void> | undefined;

/**
 * Loads the Swedish strings of every screen after the start screen (once; again after a failure).
 * Resolves when they are there, or when they could not be loaded (offline before they were
 * cached): a screen then opens with what there is rather than not at all.
 */
export function loadSwedishLater(): Promise<void> {
  later ??= import('./sv/later.ts').then(
    (m) => {
      swedish.value = { ...first, ...m.default };
      if (current.value.code === 'sv') catalogue.value = swedish.value;
    },
    () => {
      later = undefined;
    },
  );
  return later;
}

export const language = computed(() => current.value);

/**
 * The language for a tag: exactly ours first (`sv-x-lattlast`), else by its primary subtag
 * (`sv-SE` is Swedish, never easy-read Swedish, which only a choice in the menu selects).
 */
function find(code: string | null | undefined): Language | undefined {
  if (!code) return undefined;
  const tag = code.toLowerCase();
  const base = tag.split('-')[0];
  return LANGUAGES.find((l) => l.code === tag) ?? LANGUAGES.find((l) => l.code === base);
}

/** The remembered choice, else the first device language we have, else Swedish. */
export function preferredLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be blocked; then we follow the device.
  }
  const fromDevice = (typeof navigator !== 'undefined' && navigator.languages) || [];
  return find(stored) ?? fromDevice.map(find).find(Boolean) ?? (LANGUAGES[0] as Language);
}

function apply(lang: Language, messages: Partial<Messages>) {
  catalogue.value = messages;
  current.value = lang;
  const root = document.documentElement;
  root.lang = lang.code;
  root.dir = lang.dir;
}

/** Switches the language (loading its catalogue first) and remembers the choice when `remember`. */
export async function setLanguage(code: string, remember = true): Promise<void> {
  const lang = find(code) ?? (LANGUAGES[0] as Language);
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang.code);
    } catch {
      // Not remembered: fine.
    }
  }
  // Swedish as far as it is loaded: the start screen needs no more.
  if (lang.code === 'sv') return apply(lang, swedish.value);
  let messages: Partial<Messages>;
  try {
    messages = (await lang.load()).default;
  } catch {
    // Offline before the catalogue was ever cached: stay in Swedish rather than break.
    apply(LANGUAGES[0] as Language, swedish.value);
    return;
  }
  apply(lang, messages);
}

export function initLanguage(): Promise<void> {
  return setLanguage(preferredLanguage().code, false);
}

/** Forgets the remembered language ("clear this phone"). */
export function forgetLanguage(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to forget.
  }
}

/** The message for `key` in the current language, with `{placeholders}` filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogue.value[key] ?? swedish.value[key];
  if (template === undefined) {
    void loadSwedishLater();
    return '';
  }
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const value = params[name];
    return value === undefined ? m : typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The Swedish message for `key`, whatever the current language (for text shown in Swedish). */
export function tSwedish(key: MessageKey): string {
  const template = swedish.value[key];
  if (template === undefined) void loadSwedishLater();
  return template ?? '';
}

/**
 * The locales for Intl: the language's own, then Swedish with Latin digits. An engine without
 * data for a language (Chromium has none for Somali or Sorani) would otherwise fall back to the
 * phone's own locale: Persian calendar and digits on a Persian phone, whatever the chosen language.
 */
const intlLocales = () => [current.value.intl, 'sv-SE'];

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(intlLocales()).format(n);
}

export function formatDate(value: number | string, withTime = true): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(
    intlLocales(),
    withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  ).format(date);
}

/**
 * Content text (from the API) in the current language. When it is missing, the Swedish text is
 * returned with `lang: 'sv'`, so the element can be marked up for screen readers.
 */
export function localized(text: LocalizedText | undefined): { text: string; lang?: string } {
  if (!text) return { text: '' };
  const code = current.value.code;
  const value = text[code];
  if (typeof value === 'string' && value !== '') return { text: value };
  return code === 'sv' ? { text: text.sv } : { text: text.sv, lang: 'sv' };
}
