/**
 * Where each free-text field of a submission is stored, to read it and write it back redacted.
 * The fields are those of common/wire/free-text.ts (derived from the submission schemas); one
 * the wire schema gains without a place here cannot be redacted, and the walk over every field
 * (api/domain/ingest/free-text.test.ts) fails until it has one.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';

const ANSWER_FIELD = /^answers\.([A-Za-z0-9_-]{1,64})$/;
const COLUMNS = { title: 'title', text: 'text', organisation: 'organisation' } as const;
/** Fields kept in the JSON of `submissions.offers` (proposals of schema version 2). */
const PROPOSAL_FIELDS = new Set(['otherText']);

/** A field's stored text, and how to put a new text in its place. */
export interface StoredText {
  /** The text, or null when the submission has none in this field. */
  text: string | null;
  write: (text: string) => Promise<void>;
}

/**
 * The stored text of `field` of submission `id`, or `not-a-field` when the field is not one
 * that holds free text. The caller has locked the submission row.
 */
export async function storedText(
  trx: Transaction<Database>,
  id: string,
  field: string,
): Promise<StoredText | 'not-a-field'> {
  const setSubmission = (values: { title?: string; text?: string; organisation?: string; offers?: string }) =>
    trx.updateTable('submissions').set(values).where('id', '=', id).execute();
  if (field in COLUMNS) {
    const column = COLUMNS[field as keyof typeof COLUMNS];
    const row = await trx.selectFrom('submissions').select(column).where('id', '=', id).executeTakeFirst();
    return {
      text: (row?.[column] as string | null | undefined) ?? null,
      write: async (text) => {
        await setSubmission({ [column]: text });
      },
    };
  }
  if (PROPOSAL_FIELDS.has(field)) {
    const row = await trx.selectFrom('submissions').select('offers').where('id', '=', id).executeTakeFirst();
    const details = row?.offers ? (JSON.parse(row.offers) as Record<string, unknown>) : null;
    const value = details?.[field];
    return {
      text: typeof value === 'string' ? value : null,
      write: async (text) => {
        await setSubmission({ offers: JSON.stringify({ ...details, [field]: text }) });
      },
    };
  }
  const questionId = ANSWER_FIELD.exec(field)?.[1];
  if (questionId === undefined) return 'not-a-field';
  const answer = () =>
    trx
      .updateTable('submission_answers')
      .where('submission_id', '=', id)
      .where('question_id', '=', questionId);
  const row = await trx
    .selectFrom('submission_answers')
    .select('value')
    .where('submission_id', '=', id)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
  const value = row ? (JSON.parse(row.value) as unknown) : null;
  return {
    text: typeof value === 'string' ? value : null,
    write: async (text) => {
      await answer()
        .set({ value: JSON.stringify(text) })
        .execute();
    },
  };
}
