/**
 * The dashboard's filters as they stand in the address: the same names as the API's query
 * (`GET /api/staff/dashboard?insats=&area=&district=&group=&from=&to=&basis=`), so a link opens
 * the same view, back and forward step through filter changes, and the exports get the same
 * query. Pure, so it is tested without a browser.
 */
import type { RespondentGroup } from '../../../../common/wire/index.ts';

export const FILTER_KEYS = ['insats', 'area', 'district', 'group', 'from', 'to', 'basis'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type DashboardFilters = Partial<Record<FilterKey, string>>;

/** The respondent groups (a copy of RESPONDENT_GROUPS: importing it would bring valibot here). */
export const GROUPS: readonly RespondentGroup[] = [
  'youth',
  'resident',
  'association',
  'property_owner',
  'business',
  'other',
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters in `query`, unknown keys and empty values left out. Values are passed on as they
 * are (the API checks them and says what is wrong), except `basis=primary`, the default.
 */
export function parseFilters(query: Readonly<Record<string, string | undefined>>): DashboardFilters {
  const out: DashboardFilters = {};
  for (const key of FILTER_KEYS) {
    const value = query[key]?.trim();
    if (value) out[key] = value;
  }
  if (out.basis === 'primary') delete out.basis;
  return out;
}

/** The query string of `filters` in a fixed order (one address per view), without "?". */
export function filterSearch(filters: DashboardFilters): string {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value && !(key === 'basis' && value === 'primary')) q.set(key, value);
  }
  return q.toString();
}

/** Period presets; `all` is the API's default (the last 365 days), so it sets no dates. */
export const PRESETS = ['4w', '12w', 'year', 'all'] as const;
export type Preset = (typeof PRESETS)[number];

/** Today's date in Malmö (the dashboard counts Europe/Stockholm days), YYYY-MM-DD. */
export function stockholmToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The from/to of a preset, ending today: 4 and 12 weeks are 28 and 84 days with today. */
export function presetRange(preset: Preset, today: string): { from?: string; to?: string } {
  switch (preset) {
    case '4w':
      return { from: addDays(today, -27), to: today };
    case '12w':
      return { from: addDays(today, -83), to: today };
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'all':
      return {};
  }
}

/** Which preset `from`/`to` are, or `custom`. */
export function presetOf(from: string | undefined, to: string | undefined, today: string): Preset | 'custom' {
  for (const preset of PRESETS) {
    const range = presetRange(preset, today);
    if (range.from === from && range.to === to) return preset;
  }
  return 'custom';
}

/** Whether `day` looks like a date the API takes (YYYY-MM-DD). */
export function isDay(day: string | undefined): boolean {
  return day !== undefined && DAY.test(day);
}

/**
 * The place filter as one value for the form's single "area" select: `d:<district>` for a
 * stadsområde, `a:<code>` for a delområde, '' for all of Malmö (the two exclude each other).
 */
export function placeOf(filters: DashboardFilters): string {
  if (filters.area) return `a:${filters.area}`;
  if (filters.district) return `d:${filters.district}`;
  return '';
}

/** The area/district filters of a {@link placeOf} value. */
export function placeFilters(place: string): Pick<DashboardFilters, 'area' | 'district'> {
  if (place.startsWith('a:') && place.length > 2) return { area: place.slice(2) };
  if (place.startsWith('d:') && place.length > 2) return { district: place.slice(2) };
  return {};
}
