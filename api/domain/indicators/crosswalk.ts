/**
 * The crosswalk CSV: which delområden make up each reporting area (one row per pair). A
 * reporting area named in the file gets exactly the delområden the file lists for it; one with
 * a bad row is left as it was, so a typo never shrinks an area silently.
 */
import type { CROSSWALK_CSV_COLUMNS, ReportingArea } from '../../../common/wire/insights.ts';
import { normaliseAreaCode } from '../tagging/index.ts';
import type { CsvRow, RowError } from './csv.ts';

/** A reporting area code: what a value's `geoCode` can hold (1–20 letters, digits, _ or -). */
export const REPORTING_CODE = /^[A-Za-z0-9_-]{1,20}$/;
/** Longest reporting area name. */
export const MAX_REPORTING_NAME = 200;

type Column = (typeof CROSSWALK_CSV_COLUMNS)[number];

/**
 * The reporting areas the rows describe, with their delområden (sorted), and the row errors.
 * `accepted` counts the rows of the areas that will be changed.
 */
export function validateCrosswalkRows(
  rows: readonly CsvRow<Column>[],
  areaCodes: ReadonlySet<string>,
): { areas: ReportingArea[]; accepted: number; errors: RowError[] } {
  const errors: RowError[] = [];
  const byCode = new Map<string, { name: string; nameRow: number; rows: number[]; codes: Set<string> }>();
  const bad = new Set<string>();
  for (const { row, cells } of rows) {
    const code = cells.reporting_area;
    const name = cells.reporting_area_name;
    const rowErrors: RowError[] = [];
    if (!REPORTING_CODE.test(code)) {
      rowErrors.push({
        row,
        column: 'reporting_area',
        message: `"${code}" is not a reporting area code (1–20 letters, digits, _ or -).`,
      });
    }
    if (name === '') rowErrors.push({ row, column: 'reporting_area_name', message: 'The name is missing.' });
    else if (name.length > MAX_REPORTING_NAME || name.includes('\0')) {
      rowErrors.push({
        row,
        column: 'reporting_area_name',
        message: `The name must be at most ${MAX_REPORTING_NAME} characters.`,
      });
    }
    const areaCode = normaliseAreaCode(cells.delomrade);
    if (areaCode === undefined || !areaCodes.has(areaCode)) {
      rowErrors.push({
        row,
        column: 'delomrade',
        message: `"${cells.delomrade}" is not a delområde code (e.g. 11319).`,
      });
    }
    const entry = byCode.get(code);
    if (entry && name !== '' && name !== entry.name) {
      rowErrors.push({
        row,
        column: 'reporting_area_name',
        message: `Row ${entry.nameRow} names this reporting area "${entry.name}"; use one name per area.`,
      });
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      if (REPORTING_CODE.test(code)) bad.add(code);
      continue;
    }
    const current = entry ?? { name, nameRow: row, rows: [], codes: new Set<string>() };
    byCode.set(code, current);
    current.rows.push(row);
    // The same pair twice says the same thing twice: harmless, kept once.
    current.codes.add(areaCode as string);
  }
  const areas: ReportingArea[] = [];
  let accepted = 0;
  for (const [code, entry] of byCode) {
    if (bad.has(code)) {
      errors.push({
        row: entry.rows[0] as number,
        column: 'reporting_area',
        message: `The reporting area "${code}" is left unchanged because some of its rows have errors.`,
      });
      continue;
    }
    accepted += entry.rows.length;
    areas.push({ code, name: entry.name, areaCodes: [...entry.codes].sort() });
  }
  errors.sort((a, b) => a.row - b.row);
  return { areas, accepted, errors };
}
