/**
 * The daily open-data publication (docs/open-data.md): computed on the first request of a
 * Malmö day, stored (first writer wins: every instance serves the same figures), and kept in
 * memory until midnight. Figures cover input made up to the end of the previous day.
 */
import type { Insats } from '../../../common/wire/index.ts';
import type {
  OpenDataArea,
  OpenDataCounts,
  PublicAnswerSummary,
  PublicationInfo,
} from '../../../common/wire/open-data.ts';
import { areaGeometries } from '../../domain/exports/geojson.ts';
import { scaleOptions } from '../../domain/insatser/scale.ts';
import { buildCounts, protect, publicationAt } from '../../domain/open-data/index.ts';
import type { ApiDeps } from '../../http/types.ts';
import type { AggregateFilter } from '../../store/types.ts';

/** The filter of a publication: everything made up to the end of the previous day, by primary tag. */
const filterOf = (info: PublicationInfo, insats?: string): AggregateFilter => ({
  from: info.period.from,
  to: info.period.to,
  basis: 'primary',
  ...(insats === undefined ? {} : { insats }),
});

/** The delområden of the active set (with names), then the row for input in none. */
async function gridAreas(deps: Pick<ApiDeps, 'store'>): Promise<OpenDataArea[]> {
  const areas = await deps.store.listAreas();
  const set = await deps.store.activeBoundarySet();
  const active = set ? new Set(areaGeometries(set).map((g) => g.code)) : undefined;
  return [
    ...areas
      .filter((a) => active === undefined || active.has(a.code))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((a) => ({ code: a.code, name: a.name, district: a.district })),
    { code: null, name: null, district: null },
  ];
}

/** Computes the counts document of the publication `info` from the aggregates. */
export async function computeCounts(
  deps: Pick<ApiDeps, 'store'>,
  info: PublicationInfo,
  insatser: readonly Insats[],
): Promise<OpenDataCounts> {
  const columns = [
    ...insatser.map((i) => ({ id: i.id, title: i.title, example: i.example })),
    { id: null, title: null, example: false },
  ];
  const counts = new Map<string, number>();
  for (const column of columns) {
    const rows = await deps.store.countSubmissions(filterOf(info, column.id ?? 'none'), 'area');
    for (const r of rows) counts.set(`${r.key}\n${column.id ?? ''}`, r.count);
  }
  return buildCounts(
    info,
    await gridAreas(deps),
    columns,
    (area, insats) => counts.get(`${area ?? ''}\n${insats ?? ''}`) ?? 0,
  );
}

/** Computes the answer summary of a published insats for the publication `info`. */
export async function computeAnswers(
  deps: Pick<ApiDeps, 'store'>,
  info: PublicationInfo,
  insats: Insats,
): Promise<PublicAnswerSummary> {
  const [versions, rows] = await Promise.all([
    deps.store.listQuestionVersions([insats.id]),
    deps.store.countAnswers(insats.id, filterOf(info)),
  ]);
  const count = new Map(rows.map((r) => [`${r.questionId}@${r.version}\n${r.option}`, r.count]));
  const latest = new Map<string, number>();
  for (const q of versions) latest.set(q.id, Math.max(latest.get(q.id) ?? 0, q.version));
  const summarised = versions.filter((q) => !q.hidden && q.kind !== 'text');
  return {
    ...info,
    insatsId: insats.id,
    title: insats.title,
    // Every version of every visible question, answered or not: which versions appear tells nothing.
    questions: summarised.map((q) => ({
      questionId: q.id,
      version: q.version,
      latest: latest.get(q.id) === q.version,
      kind: q.kind,
      text: q.text,
      options: (q.kind === 'scale'
        ? scaleOptions(q.scale)
        : q.options.map((o) => ({ id: o.id, label: o.label }))
      ).map((o) => ({ ...o, ...protect(count.get(`${q.id}@${q.version}\n${o.id}`) ?? 0) })),
    })),
  };
}

/** A document of today's publication: stored, or computed and stored (first writer wins). */
export function publications(deps: Pick<ApiDeps, 'store' | 'now'>) {
  const memory = new Map<string, unknown>();
  return async function get<T>(name: string, compute: (info: PublicationInfo) => Promise<T>) {
    const info = publicationAt(deps.now());
    const key = `${info.published}.${name}`;
    if (memory.has(key)) return { info, doc: memory.get(key) as T };
    let json = await deps.store.getOpenDataPublication(info.published, name);
    if (json === undefined)
      json = await deps.store.saveOpenDataPublication(
        info.published,
        name,
        JSON.stringify(await compute(info)),
      );
    const doc = JSON.parse(json) as T;
    for (const k of memory.keys()) if (!k.startsWith(`${info.published}.`)) memory.delete(k);
    memory.set(key, doc);
    return { info, doc };
  };
}
