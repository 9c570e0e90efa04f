/**
 * A grid of precomputed answers in front of the spatial index: most of a city is nowhere near a
 * border, and a point there needs no search and no polygon test at all.
 *
 * The boundary set's bounding box is cut into GRID × GRID cells. A cell that no polygon edge
 * touches lies wholly inside one area or wholly outside all of them, so its answer is computed
 * once (by the exact path, at the cell's centre) and a lookup is one array read. Cells that an
 * edge touches, and points outside the box's cells, say "ask the exact path". An edge marks every
 * cell its bounding box covers, with the same floor() that maps a point to its cell, so a point
 * on an edge always lands in a marked cell: the grid never answers differently from the exact path.
 */

/** Cells per side. 256 × 256 over Malmö is about 65 m × 60 m a cell, 128 KB. */
export const GRID = 256;
/** Grid value: an edge touches this cell, use the exact path. */
export const ASK = -2;
/** Grid value: the cell is outside every area. */
export const OUTSIDE = -1;

/** Precomputed answers: the shape index, {@link OUTSIDE}, or {@link ASK}. */
export interface AnswerGrid {
  lookup(x: number, y: number): number;
}

/**
 * Builds the grid over the box of `edgeLists` (each a flat x1, y1, x2, y2 list); `exact(x, y)`
 * answers a cell's centre with a shape index or {@link OUTSIDE}.
 */
export function answerGrid(
  box: { minX: number; minY: number; maxX: number; maxY: number },
  edgeLists: readonly Float64Array[],
  exact: (x: number, y: number) => number,
  size = GRID,
): AnswerGrid {
  const width = (box.maxX - box.minX) / size;
  const height = (box.maxY - box.minY) / size;
  const column = (x: number) => Math.floor((x - box.minX) / width);
  const row = (y: number) => Math.floor((y - box.minY) / height);
  const cells = new Int16Array(size * size).fill(OUTSIDE);
  if (!(width > 0 && height > 0)) return { lookup: () => ASK };

  for (const edges of edgeLists) {
    for (let e = 0; e < edges.length; e += 4) {
      const x1 = edges[e] as number;
      const y1 = edges[e + 1] as number;
      const x2 = edges[e + 2] as number;
      const y2 = edges[e + 3] as number;
      const c1 = Math.max(0, column(Math.min(x1, x2)));
      const c2 = Math.min(size - 1, column(Math.max(x1, x2)));
      const r1 = Math.max(0, row(Math.min(y1, y2)));
      const r2 = Math.min(size - 1, row(Math.max(y1, y2)));
      for (let r = r1; r <= r2; r++) cells.fill(ASK, r * size + c1, r * size + c2 + 1);
    }
  }
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      if (cells[i] === ASK) continue;
      const x = box.minX + (c + 0.5) * width;
      const y = box.minY + (r + 0.5) * height;
      // Rounding could put the centre in a neighbouring cell; then leave this one to the exact path.
      cells[i] = column(x) === c && row(y) === r ? exact(x, y) : ASK;
    }
  }
  return {
    lookup(x, y) {
      const c = column(x);
      const r = row(y);
      return c >= 0 && c < size && r >= 0 && r < size ? (cells[r * size + c] as number) : ASK;
    },
  };
}
