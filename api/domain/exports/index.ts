/**
 * The staff export (docs/exports.md): a zip of submissions.csv and answers.csv, streamed page by
 * page (EXPORT_PAGE submissions a read), with no row cap.
 */
import type { Role } from '../../../common/wire/staff.ts';
import type { AreaRecord, ExportFilter, Store } from '../../store/types.ts';
import {
  ANSWER_COLUMNS,
  answerCells,
  mayReadContacts,
  questionIndex,
  submissionCells,
  submissionHeader,
} from './columns.ts';
import { BOM, type Cell, csvRows } from './csv.ts';
import { type ZipSource, zipStream } from './zip.ts';

export { mayReadContacts } from './columns.ts';

/** Submissions read per page. */
export const EXPORT_PAGE = 1_000;

/** What happens once submissions.csv is written (or the download stopped): the audit of contacts. */
export type OnSubmissionsWritten = (rows: number, complete: boolean) => Promise<void>;

type ExportStore = Pick<Store, 'exportSubmissions' | 'exportAnswers' | 'listQuestionVersions'>;

/**
 * The rows of submissions.csv as cells, a page at a time (both formats read them so).
 * `onWritten` runs once with the count, also when the reader stops early.
 */
export async function* submissionPages(
  store: ExportStore,
  filter: ExportFilter,
  role: Role,
  areas: readonly AreaRecord[],
  onWritten?: OnSubmissionsWritten,
): AsyncGenerator<Cell[][]> {
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  const withContact = mayReadContacts(role);
  let rows = 0;
  let complete = false;
  try {
    let after: string | undefined;
    for (;;) {
      const page = await store.exportSubmissions(filter, { after, limit: EXPORT_PAGE, withContact });
      rows += page.rows.length;
      yield page.rows.map((r) => submissionCells(r, role, areaByCode));
      if (page.next === null) break;
      after = page.next;
    }
    complete = true;
  } finally {
    await onWritten?.(rows, complete);
  }
}

/** The rows of answers.csv as cells, a page at a time; question texts only of the filter's scope. */
export async function* answerPages(
  store: ExportStore,
  filter: ExportFilter,
  role: Role,
): AsyncGenerator<Cell[][]> {
  const questions = questionIndex(await store.listQuestionVersions(undefined, filter.scope));
  let after: string | undefined;
  for (;;) {
    const page = await store.exportAnswers(filter, { after, limit: EXPORT_PAGE });
    yield page.rows.map((r) => answerCells(r, role, questions));
    if (page.next === null) break;
    after = page.next;
  }
}

/** The export's zip as a stream. `onWritten` runs once, also when the download is cancelled. */
export function exportZip(
  store: ExportStore,
  filter: ExportFilter,
  role: Role,
  areas: readonly AreaRecord[],
  onWritten?: OnSubmissionsWritten,
): ReadableStream<Uint8Array> {
  const files: ZipSource[] = [
    {
      name: 'submissions.csv',
      async *pieces() {
        yield BOM + csvRows([submissionHeader(role)]);
        for await (const rows of submissionPages(store, filter, role, areas, onWritten)) yield csvRows(rows);
      },
    },
    {
      name: 'answers.csv',
      async *pieces() {
        yield BOM + csvRows([[...ANSWER_COLUMNS]]);
        for await (const rows of answerPages(store, filter, role)) yield csvRows(rows);
      },
    },
  ];
  return zipStream(files);
}
