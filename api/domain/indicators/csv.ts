/**
 * Reading an uploaded CSV with fixed, named columns (indicator values and the crosswalk of
 * reporting areas, docs/indicators.md). Spreadsheets save CSV in many small variants, so this
 * accepts what Excel and LibreOffice write in Sweden: UTF-8 with or without a BOM, `;` or `,`
 * between cells (detected from the header), quoted cells, CRLF or LF line ends.
 */
import { parse } from 'csv-parse/sync';

/** One row problem, as the import result reports it. Rows are numbered as in a spreadsheet. */
export interface RowError {
  /** The header is row 1, the first data row is row 2. */
  row: number;
  /** The column the problem is in, when it is one. */
  column: string | null;
  message: string;
}

/** A data row: its spreadsheet row number and its cells by column name (trimmed). */
export interface CsvRow<C extends string> {
  row: number;
  cells: Record<C, string>;
}

/** What {@link readCsv} gives: the data rows (and rows it could not read), or why the file is refused. */
export type CsvReadResult<C extends string> =
  | { ok: true; rows: CsvRow<C>[]; errors: RowError[] }
  | { ok: false; status: 400 | 413; message: string };

/** `;` unless the header has none (Swedish Excel writes `;`, since `,` is the decimal sign). */
export function detectSeparator(text: string): ';' | ',' {
  const newline = text.search(/\r?\n/);
  const header = newline === -1 ? text : text.slice(0, newline);
  return header.includes(';') ? ';' : ',';
}

/**
 * Reads `bytes` as a CSV whose header names exactly `columns` (any order). Blank rows are
 * skipped (not counted); a row with too many non-empty cells is a row error; missing trailing
 * cells are read as empty.
 */
export function readCsv<C extends string>(
  bytes: Uint8Array,
  columns: readonly C[],
  maxRows: number,
): CsvReadResult<C> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, status: 400, message: 'The file is not UTF-8 text: save it as "CSV UTF-8".' };
  }
  if (text.trim() === '') return { ok: false, status: 400, message: 'The file is empty.' };
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectSeparator(text),
      relax_column_count: true,
      // A stray quote inside an unquoted cell (`5" skärm`) is text, not a broken file.
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, status: 400, message: `The file is not valid CSV: ${detail}` };
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const headerProblem = checkHeader(header, columns);
  if (headerProblem) return { ok: false, status: 400, message: headerProblem };

  const rows: CsvRow<C>[] = [];
  const errors: RowError[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = (records[i] ?? []).map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) continue;
    const row = i + 1;
    if (rows.length + errors.length >= maxRows) {
      return {
        ok: false,
        status: 413,
        message: `The file has more than ${maxRows} rows; split it into smaller files.`,
      };
    }
    if (cells.slice(header.length).some((cell) => cell !== '')) {
      errors.push({
        row,
        column: null,
        message: `This row has ${cells.length} cells but the header has ${header.length} columns.`,
      });
      continue;
    }
    const byName = {} as Record<C, string>;
    header.forEach((name, k) => {
      byName[name as C] = cells[k] ?? '';
    });
    rows.push({ row, cells: byName });
  }
  return { ok: true, rows, errors };
}

function checkHeader(header: readonly string[], columns: readonly string[]): string | undefined {
  const expected = `The columns must be: ${columns.join(', ')}.`;
  const unknown = header.filter((h) => !columns.includes(h));
  if (unknown.length > 0) {
    return `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}. ${expected}`;
  }
  const twice = header.find((h, i) => header.indexOf(h) !== i);
  if (twice !== undefined) return `The column "${twice}" appears twice. ${expected}`;
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return `Missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}. ${expected}`;
  }
  return undefined;
}
