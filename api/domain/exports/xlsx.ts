/**
 * The staff export as one spreadsheet (docs/exports.md): the same columns as submissions.csv and
 * answers.csv, two sheets, but with real types, because a spreadsheet guesses from text and
 * guesses wrong ("0701234567" becomes 701234567, "+46 …" a formula, a date stays text):
 * - `day` is a date; `created_at` and `received_at` are date-times in Malmö time (a spreadsheet
 *   has no time zones; the CSV keeps UTC with its Z);
 * - numbers (a question's version, a scale step) are numbers;
 * - everything else is text formatted as text (`@`), so codes, ids and phone numbers stay as
 *   written with no apostrophe in front: in a typed cell there is no formula to neutralise.
 * The file is built in memory: a spreadsheet holds at most 1,048,576 rows, and an export larger
 * than that is refused with the CSV as the way out.
 */
import writeXlsxFile, { type Cell as XlsxCell, type SheetData } from 'write-excel-file/node';
import type { Role } from '../../../common/wire/staff.ts';
import type { AreaRecord, ExportFilter, Store } from '../../store/types.ts';
import { localParts } from '../local-time/index.ts';
import { ANSWER_COLUMNS, submissionHeader } from './columns.ts';
import type { Cell } from './csv.ts';
import { answerPages, type OnSubmissionsWritten, submissionPages } from './index.ts';

/** Rows a sheet may hold, the header included (Excel's and LibreOffice's limit). */
export const SHEET_MAX_ROWS = 1_048_576;

/** The export has more rows than a spreadsheet holds. */
export class TooManyRowsError extends Error {
  constructor(readonly sheet: string) {
    super(`more than ${SHEET_MAX_ROWS - 1} rows in ${sheet}`);
  }
}

const DAY_COLUMNS = new Set(['day']);
const TIME_COLUMNS = new Set(['created_at', 'received_at']);

/** A date whose UTC fields are Malmö's wall clock at `iso`: what a spreadsheet will show. */
function malmoWallClock(iso: string): Date {
  const ms = Date.parse(iso);
  return new Date(ms + localParts(ms).offsetMs);
}

/** One CSV cell as a typed spreadsheet cell, by its column. */
export function spreadsheetCell(column: string, cell: Cell): XlsxCell {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'number') return { type: Number, value: cell };
  if (DAY_COLUMNS.has(column) && /^\d{4}-\d{2}-\d{2}$/.test(cell))
    return { type: Date, value: new Date(`${cell}T00:00:00Z`), format: 'yyyy-mm-dd' };
  if (TIME_COLUMNS.has(column) && !Number.isNaN(Date.parse(cell)))
    return { type: Date, value: malmoWallClock(cell), format: 'yyyy-mm-dd hh:mm:ss' };
  return { type: String, value: cell, format: '@' };
}

/** A header and rows as sheet data, each cell typed by its column. */
function sheetData(header: readonly string[], rows: readonly (readonly Cell[])[]): SheetData {
  return [
    header.map((h) => ({ type: String, value: h, fontWeight: 'bold' as const })),
    ...rows.map((row) => row.map((cell, i) => spreadsheetCell(header[i] ?? '', cell))),
  ];
}

/** The export as an XLSX file. `onWritten` runs once the submissions are read, as for the zip. */
export async function exportWorkbook(
  store: Pick<Store, 'exportSubmissions' | 'exportAnswers' | 'listQuestionVersions'>,
  filter: ExportFilter,
  role: Role,
  areas: readonly AreaRecord[],
  onWritten?: OnSubmissionsWritten,
): Promise<Buffer> {
  const all = async (sheet: string, pages: AsyncGenerator<Cell[][]>) => {
    const rows: Cell[][] = [];
    for await (const page of pages) {
      rows.push(...page);
      // Stopping the generator runs its `finally`: the audit still gets its (partial) count.
      if (rows.length >= SHEET_MAX_ROWS) throw new TooManyRowsError(sheet);
    }
    return rows;
  };
  const submissions = await all('submissions', submissionPages(store, filter, role, areas, onWritten));
  const answers = await all('answers', answerPages(store, filter, role));
  return writeXlsxFile([
    { sheet: 'submissions', data: sheetData(submissionHeader(role), submissions), stickyRowsCount: 1 },
    { sheet: 'answers', data: sheetData([...ANSWER_COLUMNS], answers), stickyRowsCount: 1 },
  ]).toBuffer();
}
