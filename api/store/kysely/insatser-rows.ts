/**
 * Reading insatser and questions as staff see them, shared by the insatser-admin store parts.
 */
import { inScope, type ResolvedScope } from './scope.ts';
import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { LocalizedText } from '../../../common/wire/index.ts';
import type { Database } from '../schema.ts';
import type { InsatsFields, InsatsLifecycle, QuestionContent, StaffInsats, StaffQuestion } from '../types.ts';

/** What `insatser.data` holds: the fields, and the image's description once one is stored. */
export type InsatsData = Partial<InsatsFields> & {
  image?: { contentType: string; bytes: number; hash: string } | undefined;
};

type Reader = Kysely<Database> | Transaction<Database>;

/** Whether `db` talks to PostgreSQL (row locks) rather than SQLite (one writer). */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Swedish first, then the other languages by code: equal texts compare (and store) equal. */
export function ordered(text: LocalizedText): LocalizedText {
  const others = Object.entries(text)
    .filter(([language]) => language !== 'sv')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return { sv: text.sv, ...Object.fromEntries(others) };
}

/** The fields of `data`, with defaults for insatser stored before staff edited them (examples). */
export function fieldsOf(data: InsatsData, status: string): InsatsFields {
  return {
    title: data.title ?? { sv: '' },
    summary: data.summary ?? { sv: '' },
    ...(data.body ? { body: data.body } : {}),
    namnder: data.namnder ?? [],
    areaCodes: data.areaCodes ?? [],
    dimensions: data.dimensions ?? [],
    kind: data.kind ?? 'kraftsamlande',
    status: status as InsatsFields['status'],
    period: data.period ?? { start: '' },
    ...(data.contact ? { contact: data.contact } : {}),
    ...(data.imageAlt ? { imageAlt: data.imageAlt } : {}),
  };
}

/** The latest version of every question of the insatser `ids`, hidden ones too, with answer counts. */
export async function staffQuestions(
  db: Reader,
  ids: readonly string[],
): Promise<Map<string, StaffQuestion[]>> {
  const byInsats = new Map<string, StaffQuestion[]>();
  if (ids.length === 0) return byInsats;
  const rows = await db
    .selectFrom('questions')
    .selectAll()
    .where('insats_id', 'in', [...ids])
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const q of rows) if (!latest.has(q.id)) latest.set(q.id, q);
  const counts = new Map<string, number>();
  if (latest.size > 0) {
    const answered = await db
      .selectFrom('submission_answers')
      .select(['question_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('question_id', 'in', [...latest.keys()])
      .groupBy('question_id')
      .execute();
    for (const a of answered) counts.set(a.question_id, Number(a.n));
  }
  for (const q of [...latest.values()].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))) {
    const list = byInsats.get(q.insats_id) ?? [];
    list.push({
      id: q.id,
      version: q.version,
      position: q.position,
      hidden: q.hidden === 1,
      answers: counts.get(q.id) ?? 0,
      kind: q.kind as StaffQuestion['kind'],
      ...(JSON.parse(q.data) as Omit<QuestionContent, 'kind'>),
    });
    byInsats.set(q.insats_id, list);
  }
  return byInsats;
}

/** Insatser as staff see them: `id` one, or all by id. */
export async function readStaffInsatser(
  db: Reader,
  id?: string,
  scope?: ResolvedScope,
): Promise<StaffInsats[]> {
  let q = db.selectFrom('insatser').selectAll().orderBy('id');
  if (id !== undefined) q = q.where('id', '=', id);
  if (scope !== undefined)
    q = q.where((eb) => inScope(eb, 'insatser.id', { ...scope, withoutInsats: false }));
  const rows = await q.execute();
  const questions = await staffQuestions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const data = JSON.parse(row.data) as InsatsData;
    return {
      id: row.id,
      lifecycle: row.lifecycle as InsatsLifecycle,
      example: row.example === 1,
      ...fieldsOf(data, row.status),
      image: data.image ?? null,
      questions: questions.get(row.id) ?? [],
      updatedAt: row.updated_at,
    };
  });
}

/** What an insats's audit rows record: its fields and lifecycle, not questions or timestamps. */
export function insatsContent(i: StaffInsats): InsatsFields & { lifecycle: InsatsLifecycle } {
  const { id: _id, example: _example, image: _image, questions: _questions, updatedAt: _at, ...rest } = i;
  return rest;
}

/** What a question's audit rows record. */
export function questionContent(q: QuestionContent & { version?: number }) {
  return {
    ...(q.version === undefined ? {} : { version: q.version }),
    kind: q.kind,
    text: q.text,
    ...(q.options ? { options: q.options } : {}),
    ...(q.scale ? { scale: q.scale } : {}),
    audience: q.audience,
  };
}
