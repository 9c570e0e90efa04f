/**
 * Open data protection and publication (issue 8, docs/open-data.md).
 *
 * Every published cell is "fewer than 5" (true 0–4) or 5·floor(n/5); every total is the sum of
 * the published cells, never a true count. Within one publication every figure is then a function
 * of the protected cells alone, so nothing under 5 can be derived by subtraction or across
 * tables; across publications every figure is a multiple of 5, so no difference is 1–4.
 *
 * Publication is daily: a publication for day D covers input made (Stockholm day of createdAt)
 * up to the end of D−1, and is computed once per day and stored (see the routes), so everything
 * served on D is identical.
 */
import {
  OPEN_DATA_LICENCE,
  type OpenDataArea,
  type OpenDataCounts,
  type OpenDataInsats,
  PROTECTION_THRESHOLD,
  type ProtectedCount,
  type PublicationInfo,
  ROUNDING_BASE,
} from '../../../common/wire/open-data.ts';
import { localParts, stockholmMidnight } from '../local-time/index.ts';

/** The first day open data covers (before the service existed: nothing is left out). */
export const OPEN_DATA_FROM = '2020-01-01';

/** The protected form of a true count. */
export function protect(n: number): ProtectedCount {
  if (!Number.isFinite(n) || n < PROTECTION_THRESHOLD) return { count: null, fewerThan5: true };
  return { count: ROUNDING_BASE * Math.floor(n / ROUNDING_BASE), fewerThan5: false };
}

/** What a protected cell adds to a total: its published figure, 0 for "fewer than 5". */
export const published = (c: ProtectedCount): number => c.count ?? 0;

/** The day before `day` (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The publication in force at `nowMs`: its day, the period it covers, when the next one comes. */
export function publicationAt(nowMs: number): PublicationInfo {
  const today = localParts(nowMs).date;
  return {
    licence: OPEN_DATA_LICENCE,
    published: today,
    period: { from: OPEN_DATA_FROM, to: dayBefore(today) },
    basis: 'primary',
    protection: {
      threshold: PROTECTION_THRESHOLD,
      roundingBase: ROUNDING_BASE,
      totals: 'sum-of-published-cells',
    },
    nextPublication: stockholmMidnight(today, 1) ?? new Date(nowMs + 86_400_000).toISOString(),
  };
}

/** Seconds from `nowMs` until the next publication (for Cache-Control), at least 1. */
export function secondsUntilNext(info: PublicationInfo, nowMs: number): number {
  return Math.max(1, Math.floor((Date.parse(info.nextPublication) - nowMs) / 1000));
}

/** True counts per (area code or null, insats id or null). */
export type TrueCount = (area: string | null, insats: string | null) => number;

/**
 * The counts document: the full grid of protected cells (zeros included, as "fewer than 5", so
 * a missing row tells nothing) and totals summed from the published cells.
 */
export function buildCounts(
  info: PublicationInfo,
  areas: readonly OpenDataArea[],
  insatser: readonly OpenDataInsats[],
  trueCount: TrueCount,
): OpenDataCounts {
  const cells = areas.flatMap((a) =>
    insatser.map((i) => ({ area: a.code, insats: i.id, ...protect(trueCount(a.code, i.id)) })),
  );
  const sum = <K>(key: (c: (typeof cells)[number]) => K, keys: readonly K[]) => {
    const by = new Map<K, number>(keys.map((k) => [k, 0]));
    for (const c of cells) by.set(key(c), (by.get(key(c)) ?? 0) + published(c));
    return [...by];
  };
  const districtOf = new Map(areas.map((a) => [a.code, a.district]));
  const districts = [...new Set(areas.map((a) => a.district))];
  return {
    ...info,
    areas: [...areas],
    insatser: [...insatser],
    cells,
    totals: {
      byArea: sum(
        (c) => c.area,
        areas.map((a) => a.code),
      ).map(([area, count]) => ({ area, count })),
      byDistrict: sum((c) => districtOf.get(c.area) ?? null, districts).map(([district, count]) => ({
        district,
        count,
      })),
      byInsats: sum(
        (c) => c.insats,
        insatser.map((i) => i.id),
      ).map(([insats, count]) => ({
        insats,
        count,
      })),
      total: { count: cells.reduce((s, c) => s + published(c), 0) },
    },
  };
}
