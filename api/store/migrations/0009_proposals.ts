/**
 * Proposals from associations, property owners and businesses (issue 7, schema version 2).
 *
 * - `submissions.offers`: JSON `{offers, asks, otherText}` of a version 2 proposal, null on
 *   everything else. The rest of a proposal fits the columns that exist: the organisation's
 *   name in `organisation`, its kind as `respondent_group` (association, property_owner,
 *   business, other), the chosen delområden as `chosen` tags (the first one primary), the
 *   contact in `contacts`.
 */
import type { Kysely, Migration } from 'kysely';

export const proposals: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('submissions').addColumn('offers', 'text').execute();
  },
};
