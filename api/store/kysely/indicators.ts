/**
 * Indicators (issue 8): definitions, their values (measurements, baselines, targets) and the
 * reporting areas (crosswalk to delområden). Values are checked in api/domain/indicators before
 * they get here; this part keeps the invariants the database can see: one value per key, one
 * baseline per indicator and place, presets never deleted, every change audited.
 */
import { inScope, insatsInScope, resolveScope } from './scope.ts';
import type { Kysely, Transaction } from 'kysely';
import type {
  Indicator,
  IndicatorDetail,
  IndicatorInput,
  IndicatorValue,
} from '../../../common/wire/insights.ts';
import { formatDecimal } from '../../domain/indicators/values.ts';
import type { Database } from '../schema.ts';
import type { IndicatorValueRecord, Store } from '../types.ts';
import { auditRow, insertAudit } from './audit.ts';
import { indicatorSeedStore, sorted, toIndicator, toRow } from './indicator-rows.ts';
import { reportingAreaStore } from './reporting-areas.ts';
import { withRetry } from './retry.ts';
import { isPostgres } from './insatser-rows.ts';
import { writeFirst } from './write-lock.ts';

type IndicatorStore = Pick<
  Store,
  | 'listIndicators'
  | 'getIndicator'
  | 'createIndicator'
  | 'updateIndicator'
  | 'deleteIndicator'
  | 'setIndicatorValue'
  | 'deleteIndicatorValue'
  | 'importIndicatorValues'
  | 'seedIndicators'
  | 'seedIndicatorExamples'
  | 'listReportingAreas'
  | 'saveReportingAreas'
  | 'deleteReportingArea'
>;

/** Values per INSERT: 9 parameters each, far below either database's limit. */
const VALUES_PER_INSERT = 200;

const target = (id: string) => ({ type: 'indicator', id });
const valueKey = (v: { indicatorId: string; geoCode: string; kind: string; year: number }) =>
  `${v.indicatorId}\u0000${v.geoCode}\u0000${v.kind}\u0000${v.year}`;

/** The indicators half of the store. */
export function indicatorStore(db: Kysely<Database>): IndicatorStore {
  const postgres = isPostgres(db);

  /** Runs `work` in a write transaction (SQLite: holding the write lock from the start). */
  const write = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    withRetry(() =>
      db.transaction().execute(async (trx) => {
        await writeFirst(trx, postgres);
        return work(trx);
      }),
    );

  async function readIndicator(trx: Kysely<Database>, id: string): Promise<Indicator | undefined> {
    const row = await trx.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toIndicator(row);
  }

  async function insatsProblem(trx: Kysely<Database>, input: Omit<IndicatorInput, 'id'>) {
    const insatsId = input.insatsId ?? null;
    if (insatsId === null) {
      return input.geography === 'insats' ? 'insatsId: an indicator per insats needs its insats' : undefined;
    }
    const found = await trx.selectFrom('insatser').select('id').where('id', '=', insatsId).executeTakeFirst();
    return found ? undefined : `insatsId: there is no insats "${insatsId}"`;
  }

  /** Writes values (replacing, and dropping other-year baselines); how many replaced one. */
  async function writeValues(
    trx: Transaction<Database>,
    values: readonly IndicatorValueRecord[],
    updatedBy: string | null,
    at: string,
  ): Promise<number> {
    const replaced = await replacedBy(trx, values);
    for (const old of replaced.otherBaselines) {
      await trx
        .deleteFrom('indicator_values')
        .where('indicator_id', '=', old.indicatorId)
        .where('geo_code', '=', old.geoCode)
        .where('kind', '=', 'baseline')
        .where('year', '=', old.year)
        .execute();
    }
    for (let i = 0; i < values.length; i += VALUES_PER_INSERT) {
      await trx
        .insertInto('indicator_values')
        .values(
          values.slice(i, i + VALUES_PER_INSERT).map((v) => ({
            indicator_id: v.indicatorId,
            geo_code: v.geoCode,
            kind: v.kind,
            year: v.year,
            value: formatDecimal(v.value),
            note: v.note ?? null,
            example: 0,
            updated_at: at,
            updated_by: updatedBy,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['indicator_id', 'geo_code', 'kind', 'year']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            note: eb.ref('excluded.note'),
            example: eb.ref('excluded.example'),
            updated_at: eb.ref('excluded.updated_at'),
            updated_by: eb.ref('excluded.updated_by'),
          })),
        )
        .execute();
    }
    if (values.length > 0) {
      const ids = [...new Set(values.map((v) => v.indicatorId))];
      await trx.updateTable('indicators').set({ updated_at: at }).where('id', 'in', ids).execute();
    }
    return replaced.count;
  }

  /** Which of `values` replace a stored value (same key, or a baseline of another year). */
  async function replacedBy(trx: Kysely<Database>, values: readonly IndicatorValueRecord[]) {
    const ids = [...new Set(values.map((v) => v.indicatorId))];
    const stored =
      ids.length === 0
        ? []
        : await trx
            .selectFrom('indicator_values')
            .select(['indicator_id', 'geo_code', 'kind', 'year'])
            .where('indicator_id', 'in', ids)
            .execute();
    const keys = new Set(
      stored.map((s) =>
        valueKey({ indicatorId: s.indicator_id, geoCode: s.geo_code, kind: s.kind, year: s.year }),
      ),
    );
    const baselines = new Map<string, number[]>();
    for (const s of stored) {
      if (s.kind !== 'baseline') continue;
      const place = `${s.indicator_id}\u0000${s.geo_code}`;
      baselines.set(place, [...(baselines.get(place) ?? []), s.year]);
    }
    let count = 0;
    const otherBaselines: { indicatorId: string; geoCode: string; year: number }[] = [];
    for (const v of values) {
      const others =
        v.kind === 'baseline'
          ? (baselines.get(`${v.indicatorId}\u0000${v.geoCode}`) ?? []).filter((y) => y !== v.year)
          : [];
      if (keys.has(valueKey(v)) || others.length > 0) count++;
      for (const year of others)
        otherBaselines.push({ indicatorId: v.indicatorId, geoCode: v.geoCode, year });
    }
    return { count, otherBaselines };
  }

  return {
    ...reportingAreaStore(db, write),
    ...indicatorSeedStore(db, write),

    async listIndicators(options = {}) {
      let q = db.selectFrom('indicators').selectAll().orderBy('preset', 'desc').orderBy('id');
      if (options.insatsId !== undefined) q = q.where('insats_id', '=', options.insatsId);
      const scope = await resolveScope(db, options.scope);
      // Indicators of no insats (per delområde, city-wide statistics) are in every scope.
      if (scope !== undefined)
        q = q.where((eb) => inScope(eb, 'indicators.insats_id', { ...scope, withoutInsats: true }));
      return (await q.execute()).map(toIndicator);
    },

    async getIndicator(id, scope) {
      const indicator = await readIndicator(db, id);
      if (!indicator) return undefined;
      const resolved = await resolveScope(db, scope);
      if (indicator.insatsId != null && !insatsInScope(resolved, indicator.insatsId)) return undefined;
      const rows = await db
        .selectFrom('indicator_values')
        .selectAll()
        .where('indicator_id', '=', id)
        .orderBy('geo_code')
        .orderBy('kind')
        .orderBy('year')
        .execute();
      const values: IndicatorValue[] = rows.map((r) => ({
        geoCode: r.geo_code,
        kind: r.kind as IndicatorValue['kind'],
        year: r.year,
        value: Number(r.value),
        note: r.note,
        example: r.example === 1,
      }));
      return { ...indicator, values } satisfies IndicatorDetail;
    },

    createIndicator: (input, actor) =>
      write(async (trx) => {
        const problem = await insatsProblem(trx, input);
        if (problem) return { status: 'invalid' as const, message: problem };
        const inserted = await trx
          .insertInto('indicators')
          .values(toRow(input, { preset: false, at: actor.at }))
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        if (inserted.length === 0) return { status: 'invalid' as const, message: `id: ${input.id} is taken` };
        const after = (await readIndicator(trx, input.id)) as Indicator;
        await insertAudit(trx, [auditRow(actor, 'indicator.create', target(input.id), null, after)]);
        return { status: 'saved' as const, before: null, after };
      }),

    updateIndicator: (id, input, actor) =>
      write(async (trx) => {
        const before = await readIndicator(trx, id);
        if (!before) return { status: 'not-found' as const };
        const next = { ...input, insatsId: input.insatsId ?? null, description: input.description ?? null };
        if (before.preset) {
          const fixed = (['unit', 'direction', 'geography', 'insatsId'] as const).find(
            (f) => next[f] !== before[f],
          );
          if (fixed)
            return { status: 'invalid' as const, message: `preset: the ${fixed} of a preset cannot change` };
        }
        const problem = await insatsProblem(trx, input);
        if (problem) return { status: 'invalid' as const, message: problem };
        if (next.geography !== before.geography) {
          const used = await trx
            .selectFrom('indicator_values')
            .select('indicator_id')
            .where('indicator_id', '=', id)
            .limit(1)
            .execute();
          if (used.length > 0) {
            return {
              status: 'invalid' as const,
              message: 'geography: remove the values before changing the geography',
            };
          }
        }
        const { id: _, updatedAt: _at, ...comparable } = before;
        if (
          JSON.stringify(sorted(comparable)) === JSON.stringify(sorted({ ...next, preset: before.preset }))
        ) {
          return { status: 'unchanged' as const, value: before };
        }
        const row = toRow({ ...input, id }, { preset: before.preset, at: actor.at });
        await trx
          .updateTable('indicators')
          .set({ insats_id: row.insats_id, geography: row.geography, data: row.data, updated_at: actor.at })
          .where('id', '=', id)
          .execute();
        const after = (await readIndicator(trx, id)) as Indicator;
        await insertAudit(trx, [auditRow(actor, 'indicator.update', target(id), before, after)]);
        return { status: 'saved' as const, before, after };
      }),

    deleteIndicator: (id, actor) =>
      write(async (trx) => {
        const before = await readIndicator(trx, id);
        if (!before) return 'not-found' as const;
        if (before.preset) return 'preset' as const;
        const values = await trx
          .deleteFrom('indicator_values')
          .where('indicator_id', '=', id)
          .executeTakeFirst();
        await trx.deleteFrom('indicators').where('id', '=', id).execute();
        const removedValues = Number(values.numDeletedRows);
        await insertAudit(trx, [
          auditRow(actor, 'indicator.delete', target(id), { ...before, removedValues }, null),
        ]);
        return 'deleted' as const;
      }),

    setIndicatorValue: (value, actor) =>
      write(async (trx) => {
        if (!(await readIndicator(trx, value.indicatorId))) return 'not-found' as const;
        const before = await trx
          .selectFrom('indicator_values')
          .select(['year', 'value', 'note', 'example'])
          .where('indicator_id', '=', value.indicatorId)
          .where('geo_code', '=', value.geoCode)
          .where('kind', '=', value.kind)
          .$if(value.kind !== 'baseline', (q) => q.where('year', '=', value.year))
          .execute();
        const replaced = (await writeValues(trx, [value], actor.actorId, actor.at)) > 0;
        const { indicatorId, ...after } = value;
        await insertAudit(trx, [
          auditRow(
            actor,
            'indicator.value.set',
            target(indicatorId),
            before.length > 0 ? before : null,
            after,
          ),
        ]);
        return { replaced };
      }),

    deleteIndicatorValue: (key, actor) =>
      write(async (trx) => {
        const removed = await trx
          .deleteFrom('indicator_values')
          .where('indicator_id', '=', key.indicatorId)
          .where('geo_code', '=', key.geoCode)
          .where('kind', '=', key.kind)
          .where('year', '=', key.year)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) === 0) return false;
        const { indicatorId, ...place } = key;
        await insertAudit(trx, [auditRow(actor, 'indicator.value.delete', target(indicatorId), place, null)]);
        return true;
      }),

    async importIndicatorValues(values, options, actor) {
      if (!options.commit) return { replacing: (await replacedBy(db, values)).count };
      return write(async (trx) => {
        const replacing = await writeValues(trx, values, actor.actorId, actor.at);
        await insertAudit(trx, [
          auditRow(actor, 'indicator.import', { type: 'indicator', id: null }, null, {
            ...options.summary,
            replacing,
            indicators: [...new Set(values.map((v) => v.indicatorId))].sort(),
          }),
        ]);
        return { replacing };
      });
    },
  };
}
