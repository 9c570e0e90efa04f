/**
 * Staff accounts: creating and changing them, each change with its audit row in the same
 * transaction, and the rule that there is always an active admin. Portable Kysely queries; on
 * PostgreSQL the rows a change depends on are locked (SELECT … FOR UPDATE), on SQLite the
 * transaction takes the database's one write lock first.
 */
import { type Insertable, type Kysely, PostgresAdapter, type Selectable, type Transaction } from 'kysely';
import type { Role } from '../../../common/wire/staff.ts';
import type { Database, StaffUsersTable } from '../schema.ts';
import type { AuditRecord, StaffUserChange, StaffUserRecord, StaffUserUpdate, Store } from '../types.ts';
import { insertAudit } from './audit.ts';
import { withRetry } from './retry.ts';

type StaffStore = Pick<
  Store,
  | 'createStaffUser'
  | 'updateStaffUser'
  | 'getStaffUser'
  | 'findStaffUserByEmail'
  | 'findStaffUserByOidcSubject'
  | 'listStaffUsers'
  | 'getSubmissionContact'
>;

/** The staff account half of the store. */
export function staffStore(db: Kysely<Database>): StaffStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    createStaffUser: (user, audit) =>
      withRetry(() =>
        db.transaction().execute(async (trx) => {
          // ON CONFLICT on the e-mail only: another conflict (an id or identity provider
          // subject used twice) is a bug, and throws. On PostgreSQL a concurrent insert of the
          // same address is waited for, then skipped.
          const inserted = await trx
            .insertInto('staff_users')
            .values(toRow({ ...user, email: user.email.toLowerCase() }))
            .onConflict((oc) => oc.column('email').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!inserted) return 'email-taken' as const;
          await writeNamnder(trx, user.id, user.namnder);
          await insertAudit(trx, [audit]);
          return 'created' as const;
        }),
      ),

    updateStaffUser: (id, change, audit) =>
      // Safe to run again: a failed attempt rolled back, and update() reads afresh.
      withRetry(() => db.transaction().execute((trx) => update(trx, postgres, id, change, audit))),

    async getStaffUser(id) {
      const row = await db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && withNamnder(db, row);
    },

    async findStaffUserByEmail(email) {
      const row = await db
        .selectFrom('staff_users')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      return row && withNamnder(db, row);
    },

    async findStaffUserByOidcSubject(subject) {
      const row = await db
        .selectFrom('staff_users')
        .selectAll()
        .where('oidc_subject', '=', subject)
        .executeTakeFirst();
      return row && withNamnder(db, row);
    },

    async listStaffUsers() {
      const rows = await db.selectFrom('staff_users').selectAll().orderBy('email').orderBy('id').execute();
      const namnder = await namnderOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toStaffUser(r, namnder.get(r.id)));
    },

    async getSubmissionContact(id) {
      const row = await db
        .selectFrom('submissions as s')
        .leftJoin('contacts as c', 'c.submission_id', 's.id')
        .select(['c.submission_id', 'c.email', 'c.phone', 'c.consent_version'])
        .where('s.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.submission_id === null || row.consent_version === null) return null;
      return { email: row.email, phone: row.phone, consentVersion: row.consent_version };
    },
  };
}

/** The fields of a change, in the order they are compared and audited. */
const FIELDS = [
  'name',
  'role',
  'active',
  'passwordHash',
  'oidcSubject',
  'lastLoginAt',
  'namnder',
  'inputWithoutInsats',
] as const;
type Field = (typeof FIELDS)[number];
/** The fields kept in staff_users itself (the nämnder are rows of staff_user_namnder). */
type ColumnField = Exclude<Field, 'namnder'>;

/** The column of each field. */
const COLUMNS = {
  name: 'name',
  role: 'role',
  active: 'active',
  passwordHash: 'password_hash',
  oidcSubject: 'oidc_subject',
  lastLoginAt: 'last_login_at',
  inputWithoutInsats: 'input_without_insats',
} as const satisfies Record<ColumnField, keyof StaffUsersTable>;

/** Whether a field of a change differs from what is stored (nämnder as sets). */
function differs(change: StaffUserChange, before: StaffUserRecord, f: Field): boolean {
  if (change[f] === undefined) return false;
  if (f === 'namnder') return sortedNamnder(change.namnder ?? []).join('\n') !== before.namnder.join('\n');
  return change[f] !== before[f];
}

const sortedNamnder = (ids: readonly string[]) => [...new Set(ids)].sort();

/** The nämnder of each account of `ids` (sorted), for those that have any. */
export async function namnderOf(
  db: Kysely<Database> | Transaction<Database>,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('staff_user_namnder')
    .select(['user_id', 'namnd_id'])
    .where('user_id', 'in', [...ids])
    .orderBy('user_id')
    .orderBy('namnd_id')
    .execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.namnd_id]);
  return out;
}

async function withNamnder(db: Kysely<Database>, row: Selectable<StaffUsersTable>): Promise<StaffUserRecord> {
  return toStaffUser(row, (await namnderOf(db, [row.id])).get(row.id));
}

/** Replaces the nämnder of an account. */
async function writeNamnder(trx: Transaction<Database>, userId: string, namnder: readonly string[]) {
  await trx.deleteFrom('staff_user_namnder').where('user_id', '=', userId).execute();
  const ids = sortedNamnder(namnder);
  if (ids.length > 0) {
    await trx
      .insertInto('staff_user_namnder')
      .values(ids.map((namnd_id) => ({ user_id: userId, namnd_id })))
      .execute();
  }
}

async function update(
  trx: Transaction<Database>,
  postgres: boolean,
  id: string,
  change: StaffUserChange & { updatedAt: string },
  audit: Omit<AuditRecord, 'before' | 'after'> | null,
): Promise<StaffUserUpdate> {
  let rows: Selectable<StaffUsersTable>[];
  if (postgres) {
    // The account and every active admin, locked in id order (so two changes cannot deadlock)
    // until commit: two admins demoting each other at once are then decided one after the
    // other, and the second sees that the first is no longer an admin.
    rows = await trx
      .selectFrom('staff_users')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', id), eb.and([eb('role', '=', 'admin'), eb('active', '=', 1)])]))
      .orderBy('id')
      .forUpdate()
      .execute();
  } else {
    // A write first, so SQLite takes its one write lock now (waiting for busy_timeout) rather
    // than failing to upgrade a read later; no other writer runs until this commits.
    await trx
      .updateTable('staff_users')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .execute();
    rows = await trx
      .selectFrom('staff_users')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', id), eb.and([eb('role', '=', 'admin'), eb('active', '=', 1)])]))
      .execute();
  }
  const row = rows.find((r) => r.id === id);
  if (!row) return { status: 'not-found' };
  const before = toStaffUser(row, (await namnderOf(trx, [id])).get(id));

  const changed = FIELDS.filter((f) => differs(change, before, f));
  // Nothing to change: nothing written, not even updated_at or an audit row.
  if (changed.length === 0) return { status: 'updated', before, after: before };
  const after: StaffUserRecord = { ...before, updatedAt: change.updatedAt };
  for (const f of changed) Object.assign(after, { [f]: change[f] });
  if (changed.includes('namnder')) after.namnder = sortedNamnder(after.namnder);

  const isActiveAdmin = (u: Pick<StaffUserRecord, 'role' | 'active'>) => u.role === 'admin' && u.active;
  if (isActiveAdmin(before) && !isActiveAdmin(after)) {
    const others = rows.filter((r) => r.id !== id && r.role === 'admin' && r.active === 1);
    if (others.length === 0) return { status: 'last-admin' };
  }

  const values = toRow(after);
  const columns: Partial<Insertable<StaffUsersTable>> = { updated_at: values.updated_at };
  for (const f of changed) {
    if (f !== 'namnder') Object.assign(columns, { [COLUMNS[f]]: values[COLUMNS[f]] });
  }
  await trx.updateTable('staff_users').set(columns).where('id', '=', id).execute();
  if (changed.includes('namnder')) await writeNamnder(trx, id, after.namnder);
  if (before.active && !after.active) {
    await trx.deleteFrom('staff_sessions').where('user_id', '=', id).execute();
  }
  if (audit) {
    const diff = auditedChange(before, after, changed);
    await insertAudit(trx, [{ ...audit, ...diff }]);
  }
  return { status: 'updated', before, after };
}

/**
 * The changed fields before and after, for the audit row. Never the password hash: a new one
 * shows as `passwordChanged: true`, on the `after` side only.
 */
function auditedChange(
  before: StaffUserRecord,
  after: StaffUserRecord,
  changed: readonly Field[],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const diff = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const f of changed) {
    if (f === 'passwordHash') {
      diff.after.passwordChanged = true;
    } else {
      diff.before[f] = before[f];
      diff.after[f] = after[f];
    }
  }
  return diff;
}

function toRow(u: StaffUserRecord): Insertable<StaffUsersTable> & { input_without_insats: number } {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active ? 1 : 0,
    password_hash: u.passwordHash,
    oidc_subject: u.oidcSubject,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
    last_login_at: u.lastLoginAt,
    input_without_insats: u.inputWithoutInsats ? 1 : 0,
  };
}

/** A staff_users row and its nämnder as a record (used by the session join too). */
export function toStaffUser(
  row: Omit<Selectable<StaffUsersTable>, 'digest_opt_in'>,
  namnder: readonly string[] = [],
): StaffUserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role | null,
    active: row.active === 1,
    passwordHash: row.password_hash,
    oidcSubject: row.oidc_subject,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
    namnder: [...namnder],
    inputWithoutInsats: row.input_without_insats === 1,
  };
}
