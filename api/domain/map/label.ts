/**
 * Where a label (or a keyboard focus target) goes inside a polygon: the pole of
 * inaccessibility, the inside point farthest from every edge. Unlike the centroid it is always
 * inside, also for the crescent- and L-shaped delområden. Grid search with a priority queue
 * (the "polylabel" algorithm, Agafonkin 2016), written out here: ~60 lines, no dependency.
 */

/** [x, y] in any planar unit. */
export type XY = readonly [number, number];
/** Outer ring first, then holes; rings need not repeat their first point. */
export type PlanarPolygon = readonly (readonly XY[])[];

interface Cell {
  x: number;
  y: number;
  /** Half the cell's side. */
  h: number;
  /** Signed distance from the centre to the polygon's edge (inside > 0). */
  d: number;
  /** The best distance any point in the cell could have. */
  max: number;
}

function cell(x: number, y: number, h: number, polygon: PlanarPolygon): Cell {
  const d = signedDistance(x, y, polygon);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** The pole of inaccessibility of `polygon`, found to within `precision` (same unit). */
export function poleOfInaccessibility(polygon: PlanarPolygon, precision: number): [number, number] {
  const outer = polygon[0] ?? [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const size = Math.min(maxX - minX, maxY - minY);
  if (!(size > 0)) return [minX, minY];

  // A max-heap on `max`: the most promising cell first.
  const heap: Cell[] = [];
  const push = (c: Cell) => {
    heap.push(c);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as Cell).max >= c.max) break;
      heap[i] = heap[parent] as Cell;
      heap[parent] = c;
      i = parent;
    }
  };
  const pop = (): Cell | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && (heap[l] as Cell).max > (heap[m] as Cell).max) m = l;
        if (r < heap.length && (heap[r] as Cell).max > (heap[m] as Cell).max) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Cell, heap[i] as Cell];
        i = m;
      }
    }
    return top;
  };

  const h = size / 2;
  for (let x = minX; x < maxX; x += size)
    for (let y = minY; y < maxY; y += size) push(cell(x + h, y + h, h, polygon));
  let best = centroidCell(polygon);
  const centre = cell(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0, polygon);
  if (centre.d > best.d) best = centre;

  for (let c = pop(); c; c = pop()) {
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const q = c.h / 2;
    push(cell(c.x - q, c.y - q, q, polygon));
    push(cell(c.x + q, c.y - q, q, polygon));
    push(cell(c.x - q, c.y + q, q, polygon));
    push(cell(c.x + q, c.y + q, q, polygon));
  }
  return [best.x, best.y];
}

/** A cell at the outer ring's area centroid: a good first guess. */
function centroidCell(polygon: PlanarPolygon): Cell {
  const ring = polygon[0] ?? [];
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[i] as XY;
    const [bx, by] = ring[j] as XY;
    const f = ax * by - bx * ay;
    x += (ax + bx) * f;
    y += (ay + by) * f;
    area += f * 3;
  }
  const first = ring[0] ?? [0, 0];
  return area === 0 ? cell(first[0], first[1], 0, polygon) : cell(x / area, y / area, 0, polygon);
}

/** Distance from (x, y) to the nearest edge; positive inside the polygon, negative outside. */
function signedDistance(x: number, y: number, polygon: PlanarPolygon): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i] as XY;
      const [bx, by] = ring[j] as XY;
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      minSq = Math.min(minSq, segmentDistanceSq(x, y, ax, ay, bx, by));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}

function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}
