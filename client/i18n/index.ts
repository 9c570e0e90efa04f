/**
 * Languages. Swedish is bundled (it is the source of truth and the fallback); every other
 * catalogue is a file next to sv.ts, loaded with a dynamic import when chosen (the service worker
 * precaches every JS chunk of the build, these included, so every language works offline; the
 * weight check e2e/weight.spec.ts asserts they are in the precache manifest). Adding a language =
 * one file `<code>.ts` + its line in LANGUAGES (name, direction, Intl locale: facts a file of
 * strings cannot give without being loaded). catalogues.test.ts finds the files on disk and fails
 * when a file has no line, a line has no file, or a catalogue lacks a Swedish key or placeholder.
 *
 * The language follows the device (navigator.languages), can be changed on every screen, and is
 * remembered in localStorage (no cookies). <html lang> and dir follow it.
 */
import { computed, signal } from '@preact/signals';
import type { LocalizedText } from '../../common/wire/index.ts';
import sv, { type MessageKey, type Messages } from './sv.ts';

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

export const LANGUAGES: readonly Language[] = [
  { code: 'sv', name: 'Svenska', dir: 'ltr', intl: 'sv-SE', load: async () => ({ default: sv }) },
  { code: 'en', name: 'English', dir: 'ltr', intl: 'en-GB', load: () => import('./en.ts') },
  { code: 'ar', name: 'العربية', dir: 'rtl', intl: 'ar-u-nu-latn', load: () => import('./ar.ts') },
];

const STORAGE_KEY = 'kraftsamla.lang';

const current = signal<Language>(LANGUAGES[0] as Language);
const catalogue = signal<Messages>(sv);

export const language = computed(() => current.value);

function find(code: string | null | undefined): Language | undefined {
  if (!code) return undefined;
  const base = code.toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l.code === base);
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

function apply(lang: Language, messages: Messages) {
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
  let messages: Messages = sv;
  try {
    messages = (await lang.load()).default;
  } catch {
    // Offline before the catalogue was ever cached: stay in Swedish rather than break.
    apply(LANGUAGES[0] as Language, sv);
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
  const template = catalogue.value[key] ?? sv[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const value = params[name];
    return value === undefined ? m : typeof value === 'number' ? formatNumber(value) : value;
  });
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(current.value.intl).format(n);
}

export function formatDate(value: number | string, withTime = true): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(
    current.value.intl,
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
