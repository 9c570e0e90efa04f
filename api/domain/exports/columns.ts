/**
 * The columns of the staff export (docs/exports.md) and how a stored row becomes cells.
 *
 * Who sees what: contact columns (e-mail, phone, consent version) exist only for roles that may
 * read contacts (admin, moderator); for analysts they are absent, not blank. Analysts see free
 * text (title, text, organisation, status reason, official answer, short-text answers) only of
 * approved items: pending, rejected and hidden items' texts are blank, as the public and the
 * leak test expect. The device id and cell are never exported.
 */
import { DONT_KNOW, scaleStepLabel } from '../../../common/wire/index.ts';
import type { Role } from '../../../common/wire/staff.ts';
import type {
  AreaRecord,
  ExportAnswerRow,
  ExportSubmissionRow,
  QuestionVersionRecord,
} from '../../store/types.ts';
import { DONT_KNOW_WORDS } from '../insatser/scale.ts';
import { stockholmDay } from '../local-time/index.ts';
import type { Cell } from './csv.ts';

/** Columns of submissions.csv, for every role. */
export const SUBMISSION_COLUMNS = [
  'id',
  'kind',
  'insats',
  'day',
  'created_at',
  'received_at',
  'area_code',
  'area_name',
  'district',
  'tags',
  'group',
  'age_band',
  'organisation',
  'title',
  'text',
  'moderation_status',
  'counted',
  'status_reason',
  'official_answer',
  'language',
  'late',
] as const;
/** Columns added for roles that may read contact details. */
export const CONTACT_COLUMNS = ['email', 'phone', 'consent_version'] as const;
/** Columns of answers.csv. */
export const ANSWER_COLUMNS = [
  'submission_id',
  'question_id',
  'version',
  'question_text',
  'value',
  'option_labels',
] as const;

/** Roles that get contact columns. */
export const mayReadContacts = (role: Role): boolean => role === 'admin' || role === 'moderator';
/** Whether `role` sees the free text of an item in `status`. */
export const mayReadText = (role: Role, status: string): boolean =>
  role !== 'analyst' || status === 'approved';

/** The header of submissions.csv for `role`. */
export function submissionHeader(role: Role): string[] {
  return [...SUBMISSION_COLUMNS, ...(mayReadContacts(role) ? CONTACT_COLUMNS : [])];
}

/** Counted in the dashboard's figures: everything not rejected or hidden. */
const counted = (status: string) => status !== 'rejected' && status !== 'hidden';

/** One row of submissions.csv. */
export function submissionCells(
  row: ExportSubmissionRow,
  role: Role,
  areas: ReadonlyMap<string, AreaRecord>,
): Cell[] {
  const area = row.primaryArea === null ? undefined : areas.get(row.primaryArea);
  const text = (s: string | null) => (mayReadText(role, row.moderationStatus) ? s : null);
  const cells: Cell[] = [
    row.id,
    row.kind,
    row.insatsId,
    stockholmDay(row.createdAt),
    row.createdAt,
    row.receivedAt,
    row.primaryArea,
    area?.name ?? null,
    area?.district ?? null,
    row.areaCodes.join('|') || null,
    row.group,
    row.ageBand,
    text(row.organisation),
    text(row.title),
    text(row.text),
    row.moderationStatus,
    counted(row.moderationStatus) ? 'yes' : 'no',
    text(row.statusReason),
    text(row.officialAnswer),
    row.locale,
    row.late ? 'yes' : 'no',
  ];
  if (mayReadContacts(role))
    cells.push(row.contact?.email ?? null, row.contact?.phone ?? null, row.contact?.consentVersion ?? null);
  return cells;
}

/** Question versions by `id@version`. */
export function questionIndex(
  questions: readonly QuestionVersionRecord[],
): Map<string, QuestionVersionRecord> {
  return new Map(questions.map((q) => [`${q.id}@${q.version}`, q]));
}

/** One row of answers.csv. */
export function answerCells(
  row: ExportAnswerRow,
  role: Role,
  questions: ReadonlyMap<string, QuestionVersionRecord>,
): Cell[] {
  const q = questions.get(`${row.questionId}@${row.version}`);
  const label = (id: unknown) => q?.options.find((o) => o.id === id)?.label.sv ?? null;
  let value: Cell = null;
  let labels: string | null = null;
  if (Array.isArray(row.value)) {
    value = row.value.map(String).join('|');
    labels = row.value.map((id) => label(id) ?? String(id)).join('|');
  } else if (typeof row.value === 'number') {
    value = row.value;
    // A scale step by the words of the version answered (none for a middle step without words).
    if (q?.kind === 'scale') labels = scaleStepLabel(q.scale, row.value)?.sv ?? null;
  } else if (typeof row.value === 'string') {
    // A short-text answer (or one whose question is unknown) is free text.
    if (q?.kind === 'scale' && row.value === DONT_KNOW) {
      value = row.value;
      labels = DONT_KNOW_WORDS.sv;
    } else if (q === undefined || q.kind === 'text')
      value = mayReadText(role, row.moderationStatus) ? row.value : null;
    else {
      value = row.value;
      labels = label(row.value);
    }
  }
  return [row.submissionId, row.questionId, row.version, q?.text.sv ?? null, value, labels];
}
