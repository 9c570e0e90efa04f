/**
 * Shared pieces of the indicator screens: loading, names of places, numbers in the staff
 * language, and the constants of common/wire/insights.ts copied here (importing them would bring
 * valibot into the staff chunk; data.test.ts keeps the copies equal).
 */
import type {
  Indicator,
  IndicatorGeography,
  IndicatorValue,
  IndicatorValueKind,
  ReportingArea,
} from '../../../../common/wire/insights.ts';
import { api } from '../../api.ts';
import { formatCount } from '../../components/charts/format.ts';
import { staffLanguage, t } from '../../i18n/index.ts';

export type {
  Indicator,
  IndicatorDetail,
  IndicatorValue,
  ReportingArea,
} from '../../../../common/wire/insights.ts';

export const GEOGRAPHIES: readonly IndicatorGeography[] = ['delomrade', 'reporting_area', 'city', 'insats'];
export const VALUE_KINDS: readonly IndicatorValueKind[] = ['measurement', 'baseline', 'target'];
export const TARGETS: readonly number[] = [2030, 2035];
export const INDICATOR_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A delområde as GET /api/areas gives it. */
export interface AreaRow {
  code: string;
  name: string;
  district: string;
}

/** A list answer, whether the server sends the array itself or wrapped (`{ indicators: [...] }`). */
export function listOf<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[];
  if (answer && typeof answer === 'object') {
    const inner = Object.values(answer).find(Array.isArray);
    if (inner) return inner as T[];
  }
  return [];
}

export async function loadAreas(): Promise<AreaRow[]> {
  const a = await api<{ areas: AreaRow[] }>('GET', '/api/areas');
  return [...a.areas].sort((x, y) => x.name.localeCompare(y.name, 'sv'));
}

export async function loadReportingAreas(): Promise<ReportingArea[]> {
  const list = listOf<ReportingArea>(await api<unknown>('GET', '/api/staff/reporting-areas'));
  return list.sort((x, y) => x.name.localeCompare(y.name, 'sv'));
}

export const indicatorPath = (id: string) => `/api/staff/indicators/${encodeURIComponent(id)}`;

/** A number as staff read it: up to two decimals, the language's separators (decimal comma in Swedish). */
export const formatNumber = formatCount;

/** A number with its unit ("12,5 %", "340 antal"). */
export function formatWithUnit(n: number, unit: string): string {
  return `${formatNumber(n)}\u00a0${unit}`;
}

/**
 * A typed number: a decimal comma or point, spaces as thousands separators, a minus sign or
 * hyphen. null when it is not a number.
 */
export function parseDecimal(input: string): number | null {
  const s = input
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^[\u2212\u2013]/, '-')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** An indicator's name in the staff language when it has one, else in Swedish; with its language. */
export function nameOf(i: Pick<Indicator, 'name'>): { text: string; lang: string } {
  const lang = staffLanguage.value;
  const text = i.name[lang];
  return text ? { text, lang } : { text: i.name.sv, lang: 'sv' };
}

/** How each place of an indicator is named: delområden, reporting areas, or the whole. */
export type PlaceNames = (code: string) => string;

export function placeNames(
  geography: IndicatorGeography,
  areas: readonly AreaRow[],
  reporting: readonly ReportingArea[],
): PlaceNames {
  const byCode = new Map<string, string>();
  if (geography === 'delomrade') for (const a of areas) byCode.set(a.code, a.name);
  if (geography === 'reporting_area') for (const r of reporting) byCode.set(r.code, r.name);
  return (code) => {
    if (code === '')
      return geography === 'insats' ? t('indicators.geoWholeInsats') : t('indicators.geoWholeCity');
    return byCode.get(code) ?? code;
  };
}

/** The most recent measurement year, or null. */
export function latestYear(values: readonly IndicatorValue[]): number | null {
  let year: number | null = null;
  for (const v of values) if (v.kind === 'measurement' && (year === null || v.year > year)) year = v.year;
  return year;
}

/** Years with a measurement, newest first. */
export function measurementYears(values: readonly IndicatorValue[]): number[] {
  return [...new Set(values.filter((v) => v.kind === 'measurement').map((v) => v.year))].sort(
    (a, b) => b - a,
  );
}

/** The latest value in a list row's words: one value for a single place, else how many places. */
export function latestSummary(indicator: Indicator, values: readonly IndicatorValue[]): string {
  const year = latestYear(values);
  if (year === null) return t('indicators.noValues');
  const that = values.filter((v) => v.kind === 'measurement' && v.year === year);
  const one = that.length === 1 ? that[0] : undefined;
  const text = one
    ? t('indicators.latestOne', { value: formatWithUnit(one.value, indicator.unit), year })
    : t('indicators.latestMany', { n: that.length, year });
  // Example values say so in the text itself, so the words reach every reader, not only the eye.
  return that.some((v) => v.example) ? t('indicators.latestExample', { text }) : text;
}

const KIND_ORDER: Record<IndicatorValueKind, number> = { baseline: 0, measurement: 1, target: 2 };

/** Values in table order: by place name, then year, then kind (baseline, measurement, target). */
export function sortValues(values: readonly IndicatorValue[], names: PlaceNames): IndicatorValue[] {
  return [...values].sort(
    (a, b) =>
      names(a.geoCode).localeCompare(names(b.geoCode), 'sv') ||
      a.year - b.year ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}

/** Whether an indicator's values are per place (a choropleth and a place chooser make sense). */
export function perPlace(geography: IndicatorGeography): boolean {
  return geography === 'delomrade' || geography === 'reporting_area';
}
