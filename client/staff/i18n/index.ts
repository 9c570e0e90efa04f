/**
 * Staff screens speak Swedish and English. They follow the participant app's language choice
 * (client/i18n: device language or the remembered choice), so one switch serves both apps:
 * Swedish when it is Swedish, English for every other language (Arabic included: the staff
 * screens are not translated to Arabic, and English is the closer second language for staff).
 * Both catalogues are in the staff chunk, which only staff ever load.
 */
import { computed } from '@preact/signals';
import { language, setLanguage } from '../../i18n/index.ts';
import en from './en.ts';
import sv, { type StaffMessageKey, type StaffMessages } from './sv.ts';

export type { StaffMessageKey, StaffMessages } from './sv.ts';

export type StaffLanguageCode = 'sv' | 'en';

export const STAFF_LANGUAGES: readonly { code: StaffLanguageCode; name: string; intl: string }[] = [
  { code: 'sv', name: 'Svenska', intl: 'sv-SE' },
  { code: 'en', name: 'English', intl: 'en-GB' },
];

const CATALOGUES: Record<StaffLanguageCode, StaffMessages> = { sv, en };

/** The staff language for a participant language code: Swedish stays Swedish, the rest is English. */
export function staffLanguageFor(code: string): StaffLanguageCode {
  // Easy-read Swedish (sv-x-lattlast) is still Swedish for staff.
  return code === 'sv' || code.startsWith('sv-') ? 'sv' : 'en';
}

/** The staff screens' language now. */
export const staffLanguage = computed(() => staffLanguageFor(language.value.code));

/** Switches (and remembers) the language for both apps. */
export function setStaffLanguage(code: StaffLanguageCode): Promise<void> {
  return setLanguage(code);
}

/** The staff message for `key` in the current language, with `{placeholders}` filled in. */
export function t(key: StaffMessageKey, params?: Record<string, string | number>): string {
  const template = CATALOGUES[staffLanguage.value][key] ?? sv[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const value = params[name];
    return value === undefined ? m : String(value);
  });
}

const TIME_ZONE = 'Europe/Stockholm';

/** The Intl locale of the staff language now (sv-SE or en-GB): numbers and dates on every screen. */
export function staffLocale(): string {
  return STAFF_LANGUAGES.find((l) => l.code === staffLanguage.value)?.intl ?? 'sv-SE';
}

/** A moment as staff read it: date and time in Malmö (Europe/Stockholm), whatever the device says. */
export function formatTime(iso: string, seconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(staffLocale(), {
    dateStyle: 'medium',
    timeStyle: seconds ? 'medium' : 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** Minutes between Stockholm wall-clock time and UTC at `utcMs` (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((wall - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * The moment a day (`YYYY-MM-DD`) starts in Malmö, as ISO 8601 UTC; `dayOffset` 1 gives the start
 * of the next day (an exclusive end for "to and including this day"). undefined for a bad date.
 */
export function stockholmDayStart(day: string, dayOffset = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const midnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + dayOffset);
  if (Number.isNaN(midnight)) return undefined;
  // Twice: the offset at the guess can differ from the offset at the answer around a DST change.
  let utc = midnight - stockholmOffsetMinutes(midnight) * 60_000;
  utc = midnight - stockholmOffsetMinutes(utc) * 60_000;
  return new Date(utc).toISOString();
}

/** A moment's time of day in Malmö, HH:MM (e.g. "as of 10:31"). */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(
    date,
  );
}
