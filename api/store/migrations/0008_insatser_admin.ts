/**
 * Insatser and questions managed by staff (issue 7).
 *
 * - `insatser.lifecycle`: draft → published → unpublished → archived. `published` stays and is
 *   kept equal to `lifecycle = 'published'`, so every query that lists what the public sees
 *   is unchanged. Existing rows: published ones are `published`, others `unpublished`.
 * - `questions.hidden`: a question removed from an insats that has answers is hidden from the
 *   catalogue, never deleted (answers refer to its versions). Set on every version of the id.
 * - `submissions.late`: 1 when an answer arrived for an insats that was archived by then:
 *   accepted and counted against its question version, but marked.
 * - `namnder`: the responsible committees staff pick from; the six of the city's decision are
 *   seeded, admins add others.
 * - `insats_images`: one image per insats, metadata stripped (re-encoded since; see api/domain/insatser/image.ts), base64 text (portable: SQLite
 *   and PostgreSQL share text, not a binary type Kysely maps the same way on both).
 */
import { type Kysely, type Migration, sql } from 'kysely';

/** The nämnder of the city's decision, seeded on a new installation. */
export const SEEDED_NAMNDER = [
  { id: 'arbetsmarknads-och-socialnamnden', name: 'Arbetsmarknads- och socialnämnden' },
  { id: 'fritidsnamnden', name: 'Fritidsnämnden' },
  { id: 'forskolenamnden', name: 'Förskolenämnden' },
  { id: 'grundskolenamnden', name: 'Grundskolenämnden' },
  { id: 'kulturnamnden', name: 'Kulturnämnden' },
  { id: 'tekniska-namnden', name: 'Tekniska nämnden' },
] as const;

export const insatserAdmin: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('insatser')
      .addColumn('lifecycle', 'text', (c) => c.notNull().defaultTo('draft'))
      .execute();
    await sql`update insatser set lifecycle = case when published = 1 then 'published' else 'unpublished' end`.execute(
      db,
    );
    await db.schema
      .alterTable('questions')
      .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('submissions')
      .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Whether a question has answers (versioning) is asked per question id.
    await db.schema
      .createIndex('submission_answers_question')
      .on('submission_answers')
      .columns(['question_id', 'question_version'])
      .execute();

    await db.schema
      .createTable('namnder')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    const now = new Date().toISOString();
    await (db as Kysely<{ namnder: { id: string; name: string; created_at: string } }>)
      .insertInto('namnder')
      .values(SEEDED_NAMNDER.map((n) => ({ ...n, created_at: now })))
      .execute();

    await db.schema
      .createTable('insats_images')
      .addColumn('insats_id', 'text', (c) => c.primaryKey().references('insatser.id'))
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
