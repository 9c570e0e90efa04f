/**
 * The audit log: appended to (here, and inside the transactions of the changes it records, see
 * staff.ts) and browsed newest first. The database refuses UPDATE and DELETE on the table
 * (migration 0006), so nothing here or anywhere else can rewrite it.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditLogTable, Database } from '../schema.ts';
import { randomUUID } from 'node:crypto';
import type { AuditActor, AuditRecord, Store } from '../types.ts';

type AuditStore = Pick<Store, 'recordAudit' | 'listAudit'>;

/** Rows per INSERT: 10 parameters each, far below SQLite's and PostgreSQL's limits. */
const ROWS_PER_INSERT = 500;

/** The audit half of the store. */
export function auditStore(db: Kysely<Database>): AuditStore {
  return {
    async recordAudit(entries) {
      if (entries.length === 0) return;
      await db.transaction().execute((trx) => insertAudit(trx, entries));
    },

    async listAudit(query) {
      let q = db.selectFrom('audit_log').selectAll();
      if (query.actorId !== undefined) q = q.where('actor_id', '=', query.actorId);
      if (query.action !== undefined) {
        const action = query.action;
        // A prefix compared with substr, not LIKE: LIKE ignores case on SQLite and not on
        // PostgreSQL, and `_` in an action would be a wildcard.
        q = action.endsWith('.')
          ? q.where(sql<string>`substr(action, 1, ${sql.lit(action.length)})`, '=', action)
          : q.where('action', '=', action);
      }
      if (query.targetType !== undefined) q = q.where('target_type', '=', query.targetType);
      if (query.targetId !== undefined) q = q.where('target_id', '=', query.targetId);
      if (query.from !== undefined) q = q.where('at', '>=', query.from);
      if (query.to !== undefined) q = q.where('at', '<', query.to);
      const before = query.before;
      if (before !== undefined) {
        // Strictly older than the last row of the previous page, in the order of the listing.
        q = q.where((eb) =>
          eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
        );
      }
      const rows = await q
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, Math.floor(query.limit)))
        .execute();
      return rows.map(toAuditRecord);
    },
  };
}

/** Appends `entries` within `trx` (the transaction of the change they record). */
export async function insertAudit(
  trx: Transaction<Database>,
  entries: readonly AuditRecord[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('audit_log')
      .values(entries.slice(i, i + ROWS_PER_INSERT).map(toAuditRow))
      .execute();
  }
}

function toAuditRow(r: AuditRecord): AuditLogTable {
  return {
    id: r.id,
    at: r.at,
    actor_id: r.actorId,
    actor_label: r.actorLabel,
    action: r.action,
    target_type: r.targetType,
    target_id: r.targetId,
    before_json: toJson(r.before),
    after_json: toJson(r.after),
    request_id: r.requestId,
  };
}

/** JSON text, or null for null and undefined (which JSON.stringify would not turn into text). */
function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function toAuditRecord(row: AuditLogTable): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    requestId: row.request_id,
  };
}

/** An audit row for `actor`. */
export function auditRow(
  actor: AuditActor,
  action: string,
  target: { type: string; id: string | null },
  before: unknown,
  after: unknown,
): AuditRecord {
  return {
    id: randomUUID(),
    ...actor,
    action,
    targetType: target.type,
    targetId: target.id,
    before: before ?? null,
    after: after ?? null,
  };
}
