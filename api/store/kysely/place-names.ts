/**
 * Names of places: the gazetteer staff edit, and area names from an imported boundary set.
 * Portable Kysely queries.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { GazetteerRecord, Store } from '../types.ts';
import { CATALOGUE_TTL_MS } from './catalogue.ts';
import { withRetry } from './retry.ts';

type PlaceNameStore = Pick<Store, 'saveAreaNames' | 'listGazetteer' | 'saveGazetteerEntry' | 'seedGazetteer'>;

/** The place-name half of the store. */
export function placeNameStore(db: Kysely<Database>): PlaceNameStore {
  // Every ingest batch with text reads the gazetteer: kept like the catalogue (a snapshot of a
  // few seconds; writes through this store drop it at once).
  let snapshot: { at: number; entries: Promise<readonly GazetteerRecord[]> } | undefined;
  const changed = () => {
    snapshot = undefined;
  };
  const toRow = (e: GazetteerRecord, now: string) => ({
    id: e.id,
    name: e.name,
    codes: JSON.stringify(e.codes),
    ambiguous: e.ambiguous ?? null,
    veto_words: JSON.stringify(e.vetoWords ?? []),
    note: e.note ?? null,
    updated_at: now,
  });
  return {
    async saveAreaNames(areas) {
      if (areas.length === 0) return;
      await withRetry(() =>
        db.transaction().execute(async (trx) => {
          for (const a of areas) {
            const set = {
              ...(a.name === undefined ? {} : { name: a.name }),
              ...(a.district === undefined ? {} : { district: a.district }),
            };
            await trx
              .insertInto('areas')
              .values({
                code: a.code,
                name: a.name ?? a.fallbackName ?? a.code,
                district: a.district ?? a.fallbackDistrict ?? '',
                aliases: '[]',
              })
              .onConflict((oc) =>
                Object.keys(set).length === 0
                  ? oc.column('code').doNothing()
                  : oc.column('code').doUpdateSet(set),
              )
              .execute();
          }
        }),
      );
    },

    listGazetteer() {
      const now = Date.now();
      if (!snapshot || now - snapshot.at > CATALOGUE_TTL_MS) {
        const current = { at: now, entries: loadGazetteer(db) };
        current.entries.catch(() => {
          if (snapshot === current) snapshot = undefined;
        });
        snapshot = current;
      }
      return snapshot.entries;
    },

    async saveGazetteerEntry(entry) {
      const row = toRow(entry, new Date().toISOString());
      const { id: _, ...update } = row;
      await db
        .insertInto('gazetteer')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(update))
        .execute();
      changed();
    },

    async seedGazetteer(entries) {
      if (entries.length === 0) return;
      const now = new Date().toISOString();
      // Chunks keep each statement under SQLite's and PostgreSQL's parameter limits.
      for (let i = 0; i < entries.length; i += 100) {
        await db
          .insertInto('gazetteer')
          .values(entries.slice(i, i + 100).map((e) => toRow(e, now)))
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      changed();
    },
  };
}

const AMBIGUITIES = new Set(['word', 'place', 'name', 'elsewhere']);

async function loadGazetteer(db: Kysely<Database>): Promise<readonly GazetteerRecord[]> {
  const rows = await db.selectFrom('gazetteer').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    codes: JSON.parse(r.codes) as string[],
    ambiguous: AMBIGUITIES.has(r.ambiguous ?? '') ? (r.ambiguous as GazetteerRecord['ambiguous']) : null,
    vetoWords: JSON.parse(r.veto_words) as string[],
    note: r.note,
  }));
}
