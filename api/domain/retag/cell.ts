/**
 * Point tags from coarse cells: what re-tagging knows of a point once the exact one is gone.
 *
 * A cell (api/domain/tagging/cell.ts) is a 0.005° square. Its point tag under a new set is the
 * area holding the cell's centre. Whether that is certain depends on the borders in the cell:
 *
 * 1. No border of the new set touches the cell: the whole cell is in one area (or outside the
 *    city), so the centre's area is where the exact point was too. Certain.
 * 2. Borders touch the cell, but the old tag came from the exact point (area P) and P's borders
 *    inside the cell are exactly what some area of the new set has there (P itself, or the area
 *    P was renamed to): the exact point is on the same side of the same lines, so it is in that
 *    area. Certain. (A point that was outside every area stays outside when all borders in the
 *    cell are unchanged.) This keeps a boundary change from making every submission near
 *    any border uncertain: only cells crossed by a *changed* border of the point's area are.
 * 3. Otherwise the cell crosses a new or moved border and the exact point could have been on
 *    either side: the centre's area, marked uncertain (no point tag if the centre is outside
 *    every area).
 *
 * An edge that two parts of the same area share (a seam left by a merge) is no border. "Touches"
 * is exact and a little conservative: an edge that only grazes the cell's outline counts. Edges
 * are compared by their coordinates, so a border redrawn with other vertices along the same
 * line counts as changed (uncertain, never wrongly certain). Rule 2 assumes areas do not
 * overlap, which the import checks.
 */
import { type BoundarySet, type Box, CELL_DEGREES } from '../tagging/index.ts';

/** The box of a cell written `"lat,lon"` (its south-west corner), or undefined if malformed. */
export function cellBox(cell: string): Box | undefined {
  const match = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(cell);
  if (!match) return undefined;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  return [lon, lat, lon + CELL_DEGREES, lat + CELL_DEGREES];
}

/** A point tag computed from a cell. */
export interface CellTag {
  areaCode: string;
  uncertain: boolean;
}

/** What is known of the old point tag: the set it was computed against and its answer. */
export interface PreviousPoint {
  set: BoundarySet;
  /** The old point tag's area; undefined when the old set put the point outside every area. */
  areaCode: string | undefined;
}

/** Tags cells against one boundary set, remembering per cell what it computed. */
export interface CellTagger {
  readonly set: BoundarySet;
  /**
   * The point tag for `cell` (see the rules above); undefined outside every area or for a
   * malformed cell. `previous` is given only when the old tag came from an exact point.
   */
  tag(cell: string, previous?: PreviousPoint): CellTag | undefined;
}

/** Borders per set and cell: a job meets the same few thousand cells again and again. */
const borderCache = new WeakMap<BoundarySet, Map<string, ReadonlyMap<string, string>>>();

/**
 * The borders of `set` inside the cell, per area: each area's edges touching the cell, endpoints
 * in a fixed order, sorted, as one string. Empty when no border touches the cell.
 */
export function bordersIn(set: BoundarySet, cell: string, box: Box): ReadonlyMap<string, string> {
  let cache = borderCache.get(set);
  if (!cache) {
    cache = new Map();
    borderCache.set(set, cache);
  }
  let borders = cache.get(cell);
  if (borders === undefined) {
    const edges = new Map<string, Map<string, number>>();
    set.edgesIn(box, (code, x1, y1, x2, y2) => {
      // Ring direction differs between files; the edge is the same.
      const forward = x1 < x2 || (x1 === x2 && y1 <= y2);
      const key = forward ? `${x1},${y1},${x2},${y2}` : `${x2},${y2},${x1},${y1}`;
      const mine = edges.get(code) ?? edges.set(code, new Map()).get(code);
      mine?.set(key, (mine.get(key) ?? 0) + 1);
    });
    const result = new Map<string, string>();
    for (const [code, mine] of edges) {
      // An edge twice in one area is a seam between two of its parts, not a border.
      const kept = [...mine].filter(([, n]) => n % 2 === 1).map(([key]) => key);
      if (kept.length > 0) result.set(code, kept.sort().join('|'));
    }
    borders = result;
    cache.set(cell, borders);
  }
  return borders;
}

/** A {@link CellTagger} for `set`. */
export function cellTagger(set: BoundarySet): CellTagger {
  const codes = new Set(set.codes);
  const centre = (target: BoundarySet, box: Box) =>
    target.locate({ lon: (box[0] + box[2]) / 2, lat: (box[1] + box[3]) / 2 });
  const sameBorders = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) =>
    a.size === b.size && [...a].every(([code, edges]) => b.get(code) === edges);
  return {
    set,
    tag(cell, previous) {
      const box = cellBox(cell);
      if (!box) return undefined;
      const code = centre(set, box);
      const borders = bordersIn(set, cell, box);
      if (borders.size === 0) return code === undefined ? undefined : { areaCode: code, uncertain: false };
      if (previous) {
        const before = bordersIn(previous.set, cell, box);
        const was = previous.areaCode;
        if (was === undefined) {
          if (sameBorders(before, borders)) return undefined;
        } else {
          const edges = before.get(was);
          if (edges !== undefined) {
            if (codes.has(was) && borders.get(was) === edges) return { areaCode: was, uncertain: false };
            // Renamed: the old code is gone and a code new to this set has exactly its borders.
            // (Neighbours share border segments, so a code of both sets never counts.)
            if (!codes.has(was)) {
              const old = new Set(previous.set.codes);
              for (const [now, its] of borders)
                if (its === edges && !old.has(now)) return { areaCode: now, uncertain: false };
            }
          }
        }
      }
      return code === undefined ? undefined : { areaCode: code, uncertain: true };
    },
  };
}
