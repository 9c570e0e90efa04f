/**
 * Test support: what staff will do through later features (moderate, answer), done
 * directly on the database (a SQLite file or PostgreSQL) so tests can check how
 * participants see the outcome. Not used by the app.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from './postgres.ts';
import { openSqliteDatabase, openSqliteStore } from './sqlite.ts';
import type { AuditActor, NewSubmission, Store } from './types.ts';

/** Sets a submission's moderation outcome, and optionally an official answer, by receipt. */
export function moderateForTest(
  dbPath: string,
  receipt: string,
  outcome: { status: 'approved' | 'rejected' | 'hidden'; reason?: string; answer?: string },
): void {
  const db = openSqliteDatabase(dbPath);
  try {
    const row = db.prepare('SELECT id FROM submissions WHERE receipt = ?').get(receipt) as
      | { id: string }
      | undefined;
    if (!row) throw new Error(`no submission with receipt ${receipt}`);
    db.prepare('UPDATE submissions SET moderation_status = ?, status_reason = ? WHERE id = ?').run(
      outcome.status,
      outcome.reason ?? null,
      row.id,
    );
    if (outcome.answer !== undefined) {
      db.prepare('INSERT INTO official_answers (submission_id, text, answered_at) VALUES (?, ?, ?)').run(
        row.id,
        outcome.answer,
        new Date().toISOString(),
      );
    }
  } finally {
    db.close();
  }
}

/** Runs a read-only query on a SQLite file, as an outside observer (like the e2e tests). */
export function queryForTest<T>(dbPath: string, query: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A database as tests name it: a SQLite file, or a PostgreSQL URL (schema in its `options`). */
export type TestTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** PostgreSQL's count(*) is a bigint, which pg gives as a string; tests compare numbers. */
const numericBigints = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20
      ? Number
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Runs one statement on either store's database, on a connection of its own (an outside
 * observer, like the e2e tests). Parameters are written `?` for both; they become `$1…` here.
 */
export async function queryTarget<T>(target: TestTarget, query: string, ...params: unknown[]): Promise<T[]> {
  if (target.kind === 'sqlite') {
    const db = openSqliteDatabase(target.path);
    try {
      const statement = db.prepare(query);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  let n = 0;
  const text = query.replace(/\?/g, () => `$${++n}`);
  const client = new pg.Client({ connectionString: target.url, types: numericBigints });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A store on `target`, opened for one helper call (a small pool on PostgreSQL). */
function openTargetStore(target: TestTarget): Store {
  return target.kind === 'sqlite'
    ? openSqliteStore(target.path)
    : openPostgresStore({ kind: 'postgres', url: target.url, poolMax: 2, statementTimeoutMs: 10_000 });
}

/** The actor of what tests do as staff. */
export const TEST_ACTOR: AuditActor = {
  at: '2026-11-20T12:00:00.000Z',
  actorId: null,
  actorLabel: 'test',
  requestId: null,
};

/**
 * {@link moderateForTest} on either store, through the store's own moderation methods (so the
 * audit rows are written as staff's would be): the reason is free text, the answer replaces any.
 */
export async function moderateTarget(
  target: TestTarget,
  receipt: string,
  outcome: { status: 'approved' | 'rejected' | 'hidden'; reason?: string; answer?: string },
): Promise<void> {
  const [row] = await queryTarget<{ id: string }>(
    target,
    'SELECT id FROM submissions WHERE receipt = ?',
    receipt,
  );
  if (!row) throw new Error(`no submission with receipt ${receipt}`);
  const store = openTargetStore(target);
  try {
    const action = ({ approved: 'approve', rejected: 'reject', hidden: 'hide' } as const)[outcome.status];
    const actor = { ...TEST_ACTOR, at: new Date().toISOString() };
    const reason = outcome.reason === undefined ? {} : { text: outcome.reason };
    const done = await store.moderateSubmissions({ ids: [row.id] }, action, reason, actor);
    if (done.status !== 'done') throw new Error(`moderation of ${receipt}: ${done.status}`);
    if (outcome.answer !== undefined) await store.answerSubmission(row.id, outcome.answer, actor);
  } finally {
    await store.close();
  }
}

let testSubmissions = 0;
/**
 * A valid submission record for store tests: a pending comment from a young person about Tryggare
 * Malmö, received now-ish, with a chosen area (Södra Sofielund). Ids sort in creation order.
 */
export function testSubmission(over: Partial<NewSubmission> = {}): NewSubmission {
  testSubmissions += 1;
  const n = String(testSubmissions).padStart(6, '0');
  const at =
    over.receivedAt ??
    `2026-11-20T10:${String(Math.floor(testSubmissions / 60) % 60).padStart(2, '0')}:${String(testSubmissions % 60).padStart(2, '0')}.000Z`;
  return {
    id: `01900000-0000-7000-8000-${n}${randomUUID().slice(0, 6)}`,
    contentHash: randomUUID(),
    receipt: randomUUID().replaceAll('-', '').slice(0, 22),
    schemaVersion: 1,
    kind: 'comment',
    insatsId: 'exempel-tryggare-malmo',
    title: null,
    text: `Kommentar ${n}: mer ljus vid cykelbanan.`,
    respondentGroup: 'youth',
    ageBand: '16-19',
    organisation: null,
    locale: 'sv',
    deviceId: 'device-0123456789',
    createdAt: at,
    receivedAt: at,
    moderationStatus: 'pending',
    cell: null,
    pointConsentVersion: null,
    answers: [],
    contact: null,
    tags: [{ areaCode: '11319', source: 'chosen', boundaryVersion: 'malmo-delomraden-v1', primary: true }],
    ...over,
  };
}
