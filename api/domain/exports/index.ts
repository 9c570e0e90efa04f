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
import { BOM, csvRows } from './csv.ts';
import { type ZipSource, zipStream } from './zip.ts';

export { mayReadContacts } from './columns.ts';

/** Submissions read per page. */
export const EXPORT_PAGE = 1_000;

/** What happens once submissions.csv is written (or the download stopped): the audit of contacts. */
export type OnSubmissionsWritten = (rows: number, complete: boolean) => Promise<void>;

/** The export's zip as a stream. `onWritten` runs once, also when the download is cancelled. */
export function exportZip(
  store: Pick<Store, 'exportSubmissions' | 'exportAnswers' | 'listQuestionVersions'>,
  filter: ExportFilter,
  role: Role,
  areas: readonly AreaRecord[],
  onWritten?: OnSubmissionsWritten,
): ReadableStream<Uint8Array> {
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  const withContact = mayReadContacts(role);
  const files: ZipSource[] = [
    {
      name: 'submissions.csv',
      async *pieces() {
        let rows = 0;
        let complete = false;
        try {
          yield BOM + csvRows([submissionHeader(role)]);
          let after: string | undefined;
          for (;;) {
            const page = await store.exportSubmissions(filter, { after, limit: EXPORT_PAGE, withContact });
            rows += page.rows.length;
            yield csvRows(page.rows.map((r) => submissionCells(r, role, areaByCode)));
            if (page.next === null) break;
            after = page.next;
          }
          complete = true;
        } finally {
          await onWritten?.(rows, complete);
        }
      },
    },
    {
      name: 'answers.csv',
      async *pieces() {
        const questions = questionIndex(await store.listQuestionVersions(undefined, filter.scope));
        yield BOM + csvRows([[...ANSWER_COLUMNS]]);
        let after: string | undefined;
        for (;;) {
          const page = await store.exportAnswers(filter, { after, limit: EXPORT_PAGE });
          yield csvRows(page.rows.map((r) => answerCells(r, role, questions)));
          if (page.next === null) break;
          after = page.next;
        }
      },
    },
  ];
  return zipStream(files);
}
