/**
 * Which delområde an approved item may be shown with: only one whose cell (insats × delområde,
 * "no insats" a column of its own) today's open-data publication shows at 5 or more. Counting
 * the listing must not recover a count the open data publishes as "fewer than 5": four approved
 * comments listed with their delområde, in a cell published as "<5", would say it is exactly 4.
 * The rule and why it is enough: docs/open-data.md.
 */
import type { OpenDataCounts } from '../../../common/wire/open-data.ts';
import type { ApiDeps } from '../../http/types.ts';
import { computeCounts, publications } from '../open-data/publication.ts';

/** The cells of today's publication published at 5 or more. */
export interface ShownCells {
  /** Whether an item about `insats` (null: none) in `area` may be shown with its delområde. */
  has(area: string, insats: string | null): boolean;
  /** The insatser (null: none) whose cell with `area` may be shown. */
  insatserIn(area: string): (string | null)[];
}

const key = (area: string | null, insats: string | null) => `${area ?? ''}\n${insats ?? ''}`;

/** Reads today's publication (the same stored document GET /api/open-data/counts serves). */
export function shownCells(deps: Pick<ApiDeps, 'store' | 'now'>): () => Promise<ShownCells> {
  const publication = publications(deps);
  return async () => {
    const { doc } = await publication<OpenDataCounts>('counts', async (info) =>
      computeCounts(deps, info, await deps.store.listPublishedInsatser()),
    );
    const shown = new Set<string>();
    const byArea = new Map<string, (string | null)[]>();
    for (const cell of doc.cells) {
      if (cell.fewerThan5 || cell.area === null) continue;
      shown.add(key(cell.area, cell.insats));
      byArea.set(cell.area, [...(byArea.get(cell.area) ?? []), cell.insats]);
    }
    return {
      has: (area, insats) => shown.has(key(area, insats)),
      insatserIn: (area) => byArea.get(area) ?? [],
    };
  };
}
