/**
 * Test support: what staff will do through later features (moderate, answer), done
 * directly on a SQLite file so tests can check how participants see the outcome.
 * Not used by the app.
 */
import Database from 'better-sqlite3';
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
