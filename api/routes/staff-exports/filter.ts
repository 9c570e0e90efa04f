/**
 * The dashboard's query (common/wire/insights.ts DashboardQuery) as exports read it: validated,
 * the period filled in (the last 365 days up to today in Malmö), a stadsområde resolved to its
 * delområden.
 */
import * as v from 'valibot';
import type { FieldError } from '../../../common/wire/index.ts';
import { DashboardQuery, type DashboardFilter, MAX_PERIOD_DAYS } from '../../../common/wire/insights.ts';
import { localParts } from '../../domain/local-time/index.ts';
import type { AggregateFilter, AreaRecord } from '../../store/types.ts';

const shift = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** A resolved filter: as the wire states it, and as the store reads it. */
export interface ResolvedFilter {
  filter: DashboardFilter;
  aggregate: AggregateFilter;
  /** Delområde codes the filter narrows to (area or district), or undefined for all. */
  areaCodes: string[] | undefined;
}

/**
 * Reads the dashboard parameters of `query` (and lets `extra` names through for the caller);
 * errors name the parameter.
 */
export function parseDashboardQuery(
  query: Record<string, string>,
  extra: readonly string[] = [],
): { query: DashboardQuery } | { errors: FieldError[] } {
  const own = Object.fromEntries(Object.entries(query).filter(([k]) => !extra.includes(k)));
  const parsed = v.safeParse(DashboardQuery, own);
  if (!parsed.success)
    return {
      errors: parsed.issues.map((i) => ({
        path: i.path?.map((p) => String(p.key)).join('.') || 'query',
        message: i.message,
      })),
    };
  return { query: parsed.output };
}

/** Fills in the period and resolves a stadsområde; errors when the period is too long. */
export function resolveFilter(
  q: DashboardQuery,
  areas: readonly AreaRecord[],
  nowMs: number,
): ResolvedFilter | { errors: FieldError[] } {
  const today = localParts(nowMs).date;
  const to = q.to ?? (q.from !== undefined && q.from > today ? q.from : today);
  const from = q.from ?? shift(to, -364);
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS)
    return { errors: [{ path: 'from', message: `the period may be at most ${MAX_PERIOD_DAYS} days` }] };
  const basis = q.basis ?? 'primary';
  const filter: DashboardFilter = {
    from,
    to,
    basis,
    ...(q.insats === undefined ? {} : { insats: q.insats }),
    ...(q.area === undefined ? {} : { area: q.area }),
    ...(q.district === undefined ? {} : { district: q.district }),
    ...(q.group === undefined ? {} : { group: q.group }),
  };
  const areaCodes =
    q.area !== undefined
      ? [q.area]
      : q.district !== undefined
        ? areas.filter((a) => a.district === q.district).map((a) => a.code)
        : undefined;
  const aggregate: AggregateFilter = {
    from,
    to,
    basis,
    ...(q.insats === undefined ? {} : { insats: q.insats }),
    ...(q.area === undefined ? {} : { area: q.area }),
    ...(q.district === undefined ? {} : { areaCodes: areaCodes ?? [] }),
    ...(q.group === undefined ? {} : { group: q.group }),
  };
  return { filter, aggregate, areaCodes };
}
