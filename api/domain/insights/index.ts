/**
 * The staff dashboard (issue 8): a query's filters made concrete (period, stadsområde → its
 * delområden) and the Dashboard and AnswerDistribution responses assembled from the store's
 * aggregate reads. Every number comes from the aggregate tables (api/store/kysely/aggregates.ts);
 * this module only adds zeros, names and the week folding.
 */
import {
  type AGE_BANDS,
  type FieldError,
  type LocalizedText,
  RESPONDENT_GROUPS,
  SUBMISSION_KINDS,
} from '../../../common/wire/index.ts';
import {
  type AnswerDistribution,
  type CountRow,
  type Dashboard,
  type DashboardFilter,
  type DashboardQuery,
  MAX_PERIOD_DAYS,
} from '../../../common/wire/insights.ts';
import type { AggregateFilter, AreaRecord, Store } from '../../store/index.ts';
import { ANSWERED_OPTION } from '../../store/types.ts';
import { scaleOptions } from '../insatser/scale.ts';
import { stockholmDay } from '../local-time/index.ts';
import { addDays, dayMs, daysBetween, weekSeries } from './weeks.ts';

export { addDays, daysBetween, isoWeek, weekSeries } from './weeks.ts';

/** Days in the default period: the last 365 days, today included. */
export const DEFAULT_PERIOD_DAYS = 365;

type DashboardStore = Pick<Store, 'countSubmissions' | 'totalSubmissions' | 'listAreas'>;

/** A query's filter as the server applies it, and the store's filter for it. */
export interface ResolvedFilter {
  filter: DashboardFilter;
  store: AggregateFilter;
  /** Every delområde (name, stadsområde), as the store lists them. */
  areas: AreaRecord[];
}

/**
 * The filter of a (schema-valid) dashboard query: the period filled in (the last
 * {@link DEFAULT_PERIOD_DAYS} days up to today in the city), a stadsområde turned into its
 * delområden. Field errors for days that do not exist, a period longer than
 * {@link MAX_PERIOD_DAYS}, and an unknown delområde or stadsområde.
 */
export async function resolveFilter(
  store: Pick<Store, 'listAreas'>,
  query: DashboardQuery,
  now: Date,
): Promise<{ resolved: ResolvedFilter } | { errors: FieldError[] }> {
  const errors: FieldError[] = [];
  for (const key of ['from', 'to'] as const) {
    const day = query[key];
    if (day !== undefined && Number.isNaN(dayMs(day))) errors.push({ path: key, message: 'is not a day' });
  }
  if (errors.length > 0) return { errors };
  const today = stockholmDay(now.toISOString());
  const to = query.to ?? (query.from !== undefined && query.from > today ? query.from : today);
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (daysBetween(from, to) > MAX_PERIOD_DAYS)
    errors.push({ path: 'to', message: `the period may be at most ${MAX_PERIOD_DAYS} days` });

  const areas = await store.listAreas();
  let areaCodes: string[] | undefined;
  if (query.district !== undefined) {
    areaCodes = areas.filter((a) => a.district === query.district).map((a) => a.code);
    if (areaCodes.length === 0) errors.push({ path: 'district', message: 'is not a stadsområde' });
  }
  if (query.area !== undefined && !areas.some((a) => a.code === query.area))
    errors.push({ path: 'area', message: 'is not a delområde' });
  if (errors.length > 0) return { errors };

  const filter: DashboardFilter = {
    ...(query.insats !== undefined ? { insats: query.insats } : {}),
    ...(query.area !== undefined ? { area: query.area } : {}),
    ...(query.district !== undefined ? { district: query.district } : {}),
    ...(query.group !== undefined ? { group: query.group } : {}),
    from,
    to,
    basis: query.basis ?? 'primary',
  };
  return {
    resolved: {
      filter,
      areas,
      store: {
        ...(filter.insats !== undefined ? { insats: filter.insats } : {}),
        ...(filter.area !== undefined ? { area: filter.area } : {}),
        ...(areaCodes !== undefined ? { areaCodes } : {}),
        ...(filter.group !== undefined ? { group: filter.group } : {}),
        from,
        to,
        basis: filter.basis,
      },
    },
  };
}

const byKey = <K extends string | null>(rows: CountRow<K>[]) =>
  rows.sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));

/** The dashboard for a resolved filter: six count reads and the total, run together. */
export async function buildDashboard(store: DashboardStore, resolved: ResolvedFilter): Promise<Dashboard> {
  const f = resolved.store;
  const [total, area, insats, kind, group, ageBand, day] = await Promise.all([
    store.totalSubmissions(f),
    store.countSubmissions(f, 'area'),
    store.countSubmissions(f, 'insats'),
    store.countSubmissions(f, 'kind'),
    store.countSubmissions(f, 'group'),
    store.countSubmissions(f, 'ageBand'),
    store.countSubmissions(f, 'day'),
  ]);
  const count = (rows: { key: string; count: number }[]) => new Map(rows.map((r) => [r.key, r.count]));
  const areaCounts = count(area);
  const byArea = byKey(resolved.areas.map((a) => ({ key: a.code, count: areaCounts.get(a.code) ?? 0 })));
  const byDistrict = byKey(await districtCounts(store, resolved, areaCounts));
  const kinds = count(kind);
  const groups = count(group);
  return {
    filter: resolved.filter,
    total,
    byArea,
    untagged: areaCounts.get('') ?? 0,
    byDistrict,
    byInsats: byKey(insats.map((r) => ({ key: r.key === '' ? null : r.key, count: r.count }))),
    byKind: SUBMISSION_KINDS.map((key) => ({ key, count: kinds.get(key) ?? 0 })),
    byGroup: RESPONDENT_GROUPS.map((key) => ({ key, count: groups.get(key) ?? 0 })),
    byAgeBand: ageBand.map((r) => ({
      key: r.key === '' ? null : (r.key as (typeof AGE_BANDS)[number]),
      count: r.count,
    })),
    weeks: weekSeries(resolved.filter.from, resolved.filter.to, day),
  };
}

/**
 * Per stadsområde, zeros included. By primary tag it is the sum of its delområden. With basis
 * 'any' a submission tagged in two delområden of one stadsområde is still one submission there,
 * so each stadsområde is counted on its own (a handful of reads, only for 'any').
 */
async function districtCounts(
  store: DashboardStore,
  resolved: ResolvedFilter,
  areaCounts: Map<string, number>,
): Promise<CountRow<string>[]> {
  const codes = new Map<string, string[]>();
  for (const a of resolved.areas) codes.set(a.district, [...(codes.get(a.district) ?? []), a.code]);
  const f = resolved.store;
  const wanted = f.area !== undefined ? new Set([f.area]) : f.areaCodes ? new Set(f.areaCodes) : undefined;
  return Promise.all(
    [...codes].map(async ([district, all]) => {
      const inFilter = wanted ? all.filter((c) => wanted.has(c)) : all;
      if (inFilter.length === 0) return { key: district, count: 0 };
      if (f.basis === 'primary')
        return { key: district, count: inFilter.reduce((sum, c) => sum + (areaCounts.get(c) ?? 0), 0) };
      const { area: _, ...rest } = f;
      return { key: district, count: await store.totalSubmissions({ ...rest, areaCodes: inFilter }) };
    }),
  );
}

/**
 * The answer distributions of one insats under a resolved filter: every question version that
 * has answers (or is current), in position order; options in the question's order (scale: the
 * steps 1–5 by the words of that version, then "don't know" where offered; short text: none).
 */
export async function buildAnswerDistribution(
  store: Pick<Store, 'countAnswers' | 'listQuestionVersions'>,
  insatsId: string,
  resolved: ResolvedFilter,
): Promise<AnswerDistribution> {
  const [counts, versions] = await Promise.all([
    store.countAnswers(insatsId, resolved.store),
    store.listQuestionVersions([insatsId], resolved.store.scope),
  ]);
  const n = new Map(counts.map((r) => [`${r.questionId}@${r.version} ${r.option}`, r.count]));
  const answered = new Set(counts.map((r) => `${r.questionId}@${r.version}`));
  const questions = versions
    .filter((q) => q.insatsId === insatsId && (answered.has(`${q.id}@${q.version}`) || !q.hidden))
    .map((q) => {
      const at = (option: string) => n.get(`${q.id}@${q.version} ${option}`) ?? 0;
      const options: { id: string; label: LocalizedText | null; count: number }[] =
        q.kind === 'scale'
          ? scaleOptions(q.scale).map((o) => ({ ...o, count: at(o.id) }))
          : q.kind === 'text'
            ? []
            : q.options.map((o) => ({ id: o.id, label: o.label, count: at(o.id) }));
      return {
        questionId: q.id,
        version: q.version,
        kind: q.kind,
        text: q.text,
        hidden: q.hidden,
        answered: at(ANSWERED_OPTION),
        options,
      };
    });
  return { insatsId, filter: resolved.filter, questions };
}
