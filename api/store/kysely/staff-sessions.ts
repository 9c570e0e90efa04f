/**
 * Staff sessions and OIDC sign-ins in progress: kept in the database so that every instance
 * sees them (a request, or an identity provider's callback, may reach any of them).
 */
import type { Kysely } from 'kysely';
import type { AuthMethod } from '../../../common/wire/staff.ts';
import type { Database, OidcFlowsTable, StaffSessionsTable } from '../schema.ts';
import type { OidcFlowRecord, StaffSessionRecord, Store } from '../types.ts';
import { namnderOf, toStaffUser } from './staff.ts';

type StaffSessionStore = Pick<
  Store,
  | 'createStaffSession'
  | 'getStaffSession'
  | 'touchStaffSession'
  | 'deleteStaffSession'
  | 'deleteStaffSessionsOf'
  | 'expireStaffSessions'
  | 'saveOidcFlow'
  | 'takeOidcFlow'
  | 'expireOidcFlows'
>;

/** The session half of the staff store. */
export function staffSessionStore(db: Kysely<Database>): StaffSessionStore {
  return {
    async createStaffSession(s) {
      await db
        .insertInto('staff_sessions')
        .values({
          id_hash: s.idHash,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          method: s.method,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
        })
        .execute();
    },

    async getStaffSession(idHash) {
      const row = await db
        .selectFrom('staff_sessions as s')
        .innerJoin('staff_users as u', 'u.id', 's.user_id')
        .select([
          's.id_hash',
          's.user_id',
          's.csrf_token',
          's.method',
          's.created_at as session_created_at',
          's.last_seen_at',
          'u.id',
          'u.email',
          'u.name',
          'u.role',
          'u.active',
          'u.password_hash',
          'u.oidc_subject',
          'u.created_at',
          'u.updated_at',
          'u.last_login_at',
          'u.input_without_insats',
        ])
        .where('s.id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        session: toSession({ ...row, created_at: row.session_created_at }),
        user: toStaffUser(row, (await namnderOf(db, [row.id])).get(row.id)),
      };
    },

    async touchStaffSession(idHash, lastSeenAt) {
      // Forward only: a slow request finishing after a newer one does not move it back.
      await db
        .updateTable('staff_sessions')
        .set({ last_seen_at: lastSeenAt })
        .where('id_hash', '=', idHash)
        .where('last_seen_at', '<', lastSeenAt)
        .execute();
    },

    async deleteStaffSession(idHash) {
      const result = await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async deleteStaffSessionsOf(userId) {
      const result = await db.deleteFrom('staff_sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async expireStaffSessions({ createdBefore, seenBefore }) {
      const result = await db
        .deleteFrom('staff_sessions')
        .where((eb) => eb.or([eb('created_at', '<', createdBefore), eb('last_seen_at', '<', seenBefore)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async saveOidcFlow(flow) {
      await db
        .insertInto('oidc_flows')
        .values({
          state: flow.state,
          nonce: flow.nonce,
          code_verifier: flow.codeVerifier,
          return_to: flow.returnTo,
          created_at: flow.createdAt,
        })
        .execute();
    },

    async takeOidcFlow(state) {
      // One statement: of two callbacks with the same state (a replay, two instances), only
      // the one whose DELETE removed the row gets it back.
      const row = await db
        .deleteFrom('oidc_flows')
        .where('state', '=', state)
        .returningAll()
        .executeTakeFirst();
      return row && toOidcFlow(row);
    },

    async expireOidcFlows(before) {
      const result = await db.deleteFrom('oidc_flows').where('created_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toSession(row: StaffSessionsTable): StaffSessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    method: row.method as AuthMethod,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}

function toOidcFlow(row: OidcFlowsTable): OidcFlowRecord {
  return {
    state: row.state,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    returnTo: row.return_to,
    createdAt: row.created_at,
  };
}
