/**
 * Staff scoped by nämnd.
 *
 * - `staff_user_namnder`: the nämnder a staff account works for. A moderator or analyst with
 *   any sees and acts on only the insatser of those nämnder; one with none sees everything (as
 *   before this migration, so existing installations keep working); admins always see all.
 * - `staff_users.input_without_insats`: 1 when such a scoped account may also see input that
 *   names no insats (an admin's choice per account). Meaningless for unscoped accounts.
 */
import type { Kysely, Migration } from 'kysely';

export const staffNamnder: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('staff_user_namnder')
      .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
      .addColumn('namnd_id', 'text', (c) => c.notNull().references('namnder.id'))
      .addPrimaryKeyConstraint('staff_user_namnder_pk', ['user_id', 'namnd_id'])
      .execute();
    await db.schema
      .alterTable('staff_users')
      .addColumn('input_without_insats', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
