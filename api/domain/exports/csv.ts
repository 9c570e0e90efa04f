/**
 * CSV as staff spreadsheets read it (docs/exports.md): UTF-8 with a BOM (so Excel picks UTF-8),
 * `;` between fields (Swedish Excel's list separator), CRLF, and csv-stringify's quoting of `;`,
 * quotes and line breaks.
 *
 * Two rules against spreadsheets guessing:
 * - Formula injection: a text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`,
 *   so no spreadsheet evaluates it as a formula (OWASP's advice).
 * - Every text value is quoted, numbers are not: ids, area codes (01234), phone numbers and the
 *   like are always passed as strings, so an import that honours quotes ("Format quoted field as
 *   text" in LibreOffice, column type Text in Excel's Power Query) keeps them as written.
 */
import { stringify } from 'csv-stringify/sync';

/** The byte order mark that starts every CSV file. */
export const BOM = '\uFEFF';

/** A cell: text (quoted, neutralised), a number (as is), or empty. */
export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** `value` made safe from being read as a formula. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV records (no BOM): text neutralised and quoted, numbers bare, empty cells empty. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return '';
  return stringify(
    rows.map((row) =>
      row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell === null ? undefined : cell)),
    ),
    { delimiter: ';', record_delimiter: 'windows', quoted_string: true },
  );
}

/** A whole CSV file: BOM, header, rows. */
export function csvDocument(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + csvRows([header, ...rows]);
}
