/**
 * Reporting areas (issue 8): the areas statistics are published for (UVAS) and the delområden
 * each is made of. Part of the indicator store (indicators.ts spreads it in).
 */
import type { Kysely, Transaction } from 'kysely';
import type { ReportingArea } from '../../../common/wire/insights.ts';
import type { Database } from '../schema.ts';
import type { Store } from '../types.ts';
import { auditRow, insertAudit } from './audit.ts';

type ReportingAreaStore = Pick<Store, 'listReportingAreas' | 'saveReportingAreas' | 'deleteReportingArea'>;

/** The reporting areas part; `write` runs a write transaction as the indicator store does. */
export function reportingAreaStore(
  db: Kysely<Database>,
  write: <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>,
): ReportingAreaStore {
  return {
    async listReportingAreas() {
      const areas = await db.selectFrom('reporting_areas').selectAll().orderBy('code').execute();
      const members = await db
        .selectFrom('reporting_area_members')
        .selectAll()
        .orderBy('reporting_code')
        .orderBy('area_code')
        .execute();
      return areas.map((a) => ({
        code: a.code,
        name: a.name,
        areaCodes: members.filter((m) => m.reporting_code === a.code).map((m) => m.area_code),
      }));
    },

    saveReportingAreas: (areas, actor, importSummary) =>
      write(async (trx) => {
        const audits = [];
        for (const area of areas) {
          const before = await readReportingArea(trx, area.code);
          await trx
            .insertInto('reporting_areas')
            .values({ code: area.code, name: area.name, updated_at: actor.at })
            .onConflict((oc) => oc.column('code').doUpdateSet({ name: area.name, updated_at: actor.at }))
            .execute();
          await trx.deleteFrom('reporting_area_members').where('reporting_code', '=', area.code).execute();
          const codes = [...new Set(area.areaCodes)].sort();
          if (codes.length > 0) {
            await trx
              .insertInto('reporting_area_members')
              .values(codes.map((c) => ({ reporting_code: area.code, area_code: c })))
              .execute();
          }
          const after = { code: area.code, name: area.name, areaCodes: codes };
          audits.push(
            auditRow(
              actor,
              'reporting-area.save',
              { type: 'reporting_area', id: area.code },
              before ?? null,
              after,
            ),
          );
        }
        if (importSummary === undefined) await insertAudit(trx, audits);
        else {
          const after = { ...importSummary, areas: areas.map((a) => a.code) };
          await insertAudit(trx, [
            auditRow(actor, 'reporting-area.import', { type: 'reporting_area', id: null }, null, after),
          ]);
        }
      }),

    deleteReportingArea: (code, actor) =>
      write(async (trx) => {
        const before = await readReportingArea(trx, code);
        if (!before) return 'not-found' as const;
        const used = await trx
          .selectFrom('indicator_values')
          .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
          .select('indicator_values.indicator_id')
          .where('indicators.geography', '=', 'reporting_area')
          .where('indicator_values.geo_code', '=', code)
          .limit(1)
          .execute();
        if (used.length > 0) return 'in-use' as const;
        await trx.deleteFrom('reporting_area_members').where('reporting_code', '=', code).execute();
        await trx.deleteFrom('reporting_areas').where('code', '=', code).execute();
        await insertAudit(trx, [
          auditRow(actor, 'reporting-area.delete', { type: 'reporting_area', id: code }, before, null),
        ]);
        return 'deleted' as const;
      }),
  };
}

async function readReportingArea(trx: Kysely<Database>, code: string): Promise<ReportingArea | undefined> {
  const area = await trx
    .selectFrom('reporting_areas')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!area) return undefined;
  const members = await trx
    .selectFrom('reporting_area_members')
    .select('area_code')
    .where('reporting_code', '=', code)
    .orderBy('area_code')
    .execute();
  return { code: area.code, name: area.name, areaCodes: members.map((m) => m.area_code) };
}
