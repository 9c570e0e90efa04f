/**
 * Test support: what staff will do through later features (moderate, answer), done
 * directly on the database (a SQLite file or PostgreSQL) so tests can check how
 * participants see the outcome. Not used by the app.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { openSqliteDatabase } from './sqlite.ts';

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

/** {@link moderateForTest} on either store. */
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
  await queryTarget(
    target,
    'UPDATE submissions SET moderation_status = ?, status_reason = ? WHERE id = ?',
    outcome.status,
    outcome.reason ?? null,
    row.id,
  );
  if (outcome.answer !== undefined) {
    await queryTarget(
      target,
      'INSERT INTO official_answers (submission_id, text, answered_at) VALUES (?, ?, ?)',
      row.id,
      outcome.answer,
      new Date().toISOString(),
    );
  }
}
