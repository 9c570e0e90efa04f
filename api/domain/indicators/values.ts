/**
 * The rules of indicator values, shared by manual entry and the CSV import: which place codes
 * an indicator's geography takes, which years a target may have, and numbers written with a
 * decimal comma or point.
 */
import {
  type INDICATOR_CSV_COLUMNS,
  INDICATOR_VALUE_KINDS,
  type IndicatorGeography,
  type IndicatorValueInput,
  type IndicatorValueKind,
  TARGET_YEARS,
} from '../../../common/wire/insights.ts';
import { normaliseAreaCode } from '../tagging/index.ts';
import type { CsvRow, RowError } from './csv.ts';

/** What values are checked against: the indicators, delområden and reporting areas that exist. */
export interface ValueContext {
  geographyOf: (indicatorId: string) => IndicatorGeography | undefined;
  areaCodes: ReadonlySet<string>;
  reportingCodes: ReadonlySet<string>;
}

/** A value ready to store. */
export interface IndicatorValueRecord extends IndicatorValueInput {
  indicatorId: string;
}

const MAX_NOTE = 500;

/**
 * A number as people type it in Sweden: `12,5`, `12.5`, `-3`, `1 234,5` (spaces, also no-break
 * ones, as thousands separators), `−2` (the minus sign). Not `1.234,5`, `12 %` or `1e3`.
 */
export function parseDecimal(raw: string): number | undefined {
  const text = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-');
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(text)) return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** The stored form of a value (exact text, no float formatting surprises like `1e-7`). */
export function formatDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * The place code `geoCode` normalised for `geography` (a delområde code `11319.0` becomes
 * `11319`), or an error message.
 */
export function checkGeoCode(
  geography: IndicatorGeography,
  geoCode: string,
  ctx: Pick<ValueContext, 'areaCodes' | 'reportingCodes'>,
): { ok: true; geoCode: string } | { ok: false; message: string } {
  switch (geography) {
    case 'delomrade': {
      const code = normaliseAreaCode(geoCode);
      if (code !== undefined && ctx.areaCodes.has(code)) return { ok: true, geoCode: code };
      return { ok: false, message: `"${geoCode}" is not a delområde code (e.g. 11319).` };
    }
    case 'reporting_area':
      if (ctx.reportingCodes.has(geoCode)) return { ok: true, geoCode };
      return {
        ok: false,
        message: `"${geoCode}" is not a reporting area; add it under reporting areas first.`,
      };
    case 'city':
    case 'insats':
      if (geoCode === '') return { ok: true, geoCode };
      return {
        ok: false,
        message: `Leave the place code empty: this indicator is for the whole ${geography}.`,
      };
  }
}

/** An error message when a value of `kind` may not have `year`. */
export function checkKindYear(kind: IndicatorValueKind, year: number): string | undefined {
  if (kind === 'target' && !(TARGET_YEARS as readonly number[]).includes(year)) {
    return `A target is for ${TARGET_YEARS.join(' or ')}, not ${year}.`;
  }
  return undefined;
}

type Column = (typeof INDICATOR_CSV_COLUMNS)[number];

/**
 * Checks the rows of an indicator CSV. Every problem of a row is reported and the row is
 * skipped. A row that repeats the key (indicator, place, kind, year) of an earlier row, or a
 * second baseline for the same indicator and place, is an error: the first one is kept.
 */
export function validateIndicatorRows(
  rows: readonly CsvRow<Column>[],
  ctx: ValueContext,
): { accepted: (IndicatorValueRecord & { row: number })[]; errors: RowError[] } {
  const accepted: (IndicatorValueRecord & { row: number })[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const rowErrors: RowError[] = [];
    const fail = (column: Column, message: string) => rowErrors.push({ row, column, message });

    const indicatorId = cells.indicator;
    const geography = ctx.geographyOf(indicatorId);
    if (indicatorId === '') fail('indicator', 'The indicator id is missing.');
    else if (geography === undefined) fail('indicator', `There is no indicator "${indicatorId}".`);

    let geoCode = cells.geo_code;
    if (geography !== undefined) {
      const geo = checkGeoCode(geography, geoCode, ctx);
      if (geo.ok) geoCode = geo.geoCode;
      else fail('geo_code', geo.message);
    }

    const kind = cells.kind.toLowerCase() as IndicatorValueKind;
    if (!(INDICATOR_VALUE_KINDS as readonly string[]).includes(kind)) {
      fail('kind', `The kind must be ${INDICATOR_VALUE_KINDS.join(', ')}, not "${cells.kind}".`);
    }

    const year = /^\d{4}$/.test(cells.year) ? Number(cells.year) : Number.NaN;
    if (!(year >= 1990 && year <= 2100)) fail('year', `"${cells.year}" is not a year (1990–2100).`);
    else if (rowErrors.every((e) => e.column !== 'kind')) {
      const wrongYear = checkKindYear(kind, year);
      if (wrongYear) fail('year', wrongYear);
    }

    const value = parseDecimal(cells.value);
    if (cells.value === '') fail('value', 'The value is missing.');
    else if (value === undefined)
      fail('value', `"${cells.value}" is not a number (write e.g. 12,5 or 12.5).`);

    const note = cells.note;
    if (note.length > MAX_NOTE) fail('note', `The note is longer than ${MAX_NOTE} characters.`);
    if (note.includes('\0')) fail('note', 'The note contains the NUL character.');

    if (rowErrors.length === 0) {
      const key = `${indicatorId}\u0000${geoCode}\u0000${kind}\u0000${kind === 'baseline' ? '' : year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        fail(
          kind === 'baseline' ? 'kind' : 'year',
          kind === 'baseline'
            ? `Row ${earlier} already gives the baseline of this indicator and place; there is one baseline per place.`
            : `Row ${earlier} already gives this value (same indicator, place, kind and year).`,
        );
      } else seen.set(key, row);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    accepted.push({
      row,
      indicatorId,
      geoCode,
      kind,
      year,
      value: value as number,
      ...(note === '' ? {} : { note }),
    });
  }
  return { accepted, errors };
}
