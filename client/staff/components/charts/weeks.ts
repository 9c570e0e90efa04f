/** Week and day labels of the insights screens (ISO weeks as the API sends them). */
import { t } from '../../i18n/index.ts';
import { staffLocale } from './format.ts';

/**
 * An ISO week written for people: "2026-W12" → "v. 12 2026" (Swedish) or "wk 12 2026"
 * (English). `start` (the week's Monday, YYYY-MM-DD) is used when `isoWeek` is in another form.
 */
export function weekLabel(isoWeek: string, start?: string): string {
  const m = /^(\d{4})-?W(\d{1,2})$/.exec(isoWeek);
  const parts = m ? { year: Number(m[1]), week: Number(m[2]) } : start ? isoWeekOf(start) : undefined;
  if (!parts) return isoWeek;
  return t('chart.weekLabel', { week: String(parts.week), year: String(parts.year) });
}

/** The ISO 8601 week (and its year) of a calendar day YYYY-MM-DD. */
export function isoWeekOf(day: string): { year: number; week: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // The Thursday of the same week decides the year; weeks are counted from that year's first one.
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  return { year, week: 1 + Math.floor((date.getTime() - jan1) / (7 * 86_400_000)) };
}

/**
 * A calendar day (YYYY-MM-DD, already a Malmö date) written the staff language's way. Formatted
 * as UTC noon so no time zone can move it to the neighbouring day.
 */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return new Intl.DateTimeFormat(staffLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
