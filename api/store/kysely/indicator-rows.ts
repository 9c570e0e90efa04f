/**
 * Indicator rows and the seeding of indicators (presets, example content). Part of the
 * indicator store (indicators.ts spreads it in).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Indicator, IndicatorInput } from '../../../common/wire/insights.ts';
import { formatDecimal } from '../../domain/indicators/values.ts';
import type { Database, IndicatorsTable } from '../schema.ts';
import type { Store } from '../types.ts';

/** Fields of `indicators.data`. */
type IndicatorData = Pick<Indicator, 'name' | 'description' | 'unit' | 'direction' | 'source'>;

/** Codes of example reporting areas start with this (api/seed/indicator-examples.ts). */
export const EXAMPLE_PREFIX = 'exempel-';

/** Seeding: presets and example content. `write` runs a write transaction. */
export function indicatorSeedStore(
  db: Kysely<Database>,
  write: <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>,
): Pick<Store, 'seedIndicators' | 'seedIndicatorExamples'> {
  return {
    async seedIndicators(presets) {
      const at = new Date().toISOString();
      if (presets.length === 0) return;
      await db
        .insertInto('indicators')
        .values(presets.map((p) => toRow(p, { preset: true, at })))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },

    async seedIndicatorExamples(examples) {
      const at = new Date().toISOString();
      await write(async (trx) => {
        if (examples === null) {
          await trx.deleteFrom('indicator_values').where('example', '=', 1).execute();
          // Example reporting areas (the seed's codes start "exempel-") go when nothing uses them.
          const codes = (await trx.selectFrom('reporting_areas').select('code').execute())
            .map((r) => r.code)
            .filter((c) => c.startsWith(EXAMPLE_PREFIX));
          for (const code of codes) {
            const used = await trx
              .selectFrom('indicator_values')
              .select('indicator_id')
              .where('geo_code', '=', code)
              .limit(1)
              .execute();
            if (used.length > 0) continue;
            await trx.deleteFrom('reporting_area_members').where('reporting_code', '=', code).execute();
            await trx.deleteFrom('reporting_areas').where('code', '=', code).execute();
          }
          return;
        }
        for (const area of examples.reportingAreas) {
          const added = await trx
            .insertInto('reporting_areas')
            .values({ code: area.code, name: area.name, updated_at: at })
            .onConflict((oc) => oc.column('code').doNothing())
            .returning('code')
            .execute();
          if (added.length > 0 && area.areaCodes.length > 0) {
            await trx
              .insertInto('reporting_area_members')
              .values(area.areaCodes.map((c) => ({ reporting_code: area.code, area_code: c })))
              .onConflict((oc) => oc.doNothing())
              .execute();
          }
        }
        if (examples.values.length === 0) return;
        await trx
          .insertInto('indicator_values')
          .values(
            examples.values.map((v) => ({
              indicator_id: v.indicatorId,
              geo_code: v.geoCode,
              kind: v.kind,
              year: v.year,
              value: formatDecimal(v.value),
              note: v.note ?? null,
              example: 1,
              updated_at: at,
              updated_by: null,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      });
    },
  };
}

export function toRow(input: IndicatorInput, options: { preset: boolean; at: string }): IndicatorsTable {
  const data: IndicatorData = {
    name: input.name,
    description: input.description ?? null,
    unit: input.unit,
    direction: input.direction,
    source: input.source,
  };
  return {
    id: input.id,
    insats_id: input.insatsId ?? null,
    geography: input.geography,
    preset: options.preset ? 1 : 0,
    data: JSON.stringify(data),
    created_at: options.at,
    updated_at: options.at,
  };
}

export function toIndicator(row: IndicatorsTable): Indicator {
  const data = JSON.parse(row.data) as IndicatorData;
  return {
    id: row.id,
    name: data.name,
    description: data.description ?? null,
    unit: data.unit,
    direction: data.direction,
    source: data.source,
    geography: row.geography as Indicator['geography'],
    insatsId: row.insats_id,
    preset: row.preset === 1,
    updatedAt: row.updated_at,
  };
}

/** A copy with keys sorted at every level, for comparing by JSON. */
export function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}
