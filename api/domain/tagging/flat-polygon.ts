/**
 * The exact point-in-polygon test of point-in-polygon-hao, on flat coordinate arrays with the
 * polygon's edges bucketed by latitude, so one test reads a handful of edges instead of all of
 * them and allocates nothing. This is the hot path of tagging (see bench/tagging.ts).
 *
 * The answers are hao's, bit for bit: the same crossing rule, the same "0 on an edge", and the
 * same robust orientation sign. The fast floating-point orientation is used only when its sign is
 * certain (the error bound of robust-predicates' orient2d); otherwise the whole polygon is handed
 * to hao itself, which happens for points within about 1e-15° of an edge.
 */
import pointInPolygon from 'point-in-polygon-hao';

/** [lon, lat] rings, outer first, then holes. */
export type Polygon = number[][][];

/** The error bound of robust-predicates' orient2d fast path (ccwerrboundA). */
const EPSILON = 1.1102230246251565e-16;
const CCW_ERRBOUND_A = (3 + 16 * EPSILON) * EPSILON;
/** About this many edges per latitude bucket: small enough to be fast, few enough buckets. */
const EDGES_PER_BUCKET = 4;

/** A polygon ready for repeated point tests. */
export interface FlatPolygon {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Every edge as x1, y1, x2, y2, one after the other. */
  readonly edges: Float64Array;
  /**
   * true inside, 0 on an edge, false outside: exactly what point-in-polygon-hao answers.
   * The caller has checked that the point is inside the bounding box.
   */
  test(x: number, y: number): boolean | 0;
  /**
   * Calls `visit` once for each edge that touches the closed box (minX, minY, maxX, maxY):
   * how re-tagging finds a border running through a coarse cell.
   */
  edgesIn(
    minX: number,
    minY: number,
    maxX: number,
    maxY: number,
    visit: (x1: number, y1: number, x2: number, y2: number) => void,
  ): void;
}

/** Prepares `polygon` (rings of at least one position; open rings are closed) for {@link FlatPolygon.test}. */
export function flattenPolygon(polygon: Polygon): FlatPolygon {
  // hao wants closed rings; it is only the fallback, but must see the same polygon.
  const closed = polygon.map((ring) => {
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
  });
  // Every edge as x1, y1, x2, y2, whatever ring it belongs to: the crossing count is summed over
  // all rings anyway, which is how holes work.
  const edges: number[] = [];
  for (const ring of closed) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as number[];
      const b = ring[i + 1] as number[];
      edges.push(a[0] as number, a[1] as number, b[0] as number, b[1] as number);
    }
  }
  const flat = Float64Array.from(edges);
  const count = flat.length / 4;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let e = 0; e < flat.length; e += 2) {
    minX = Math.min(minX, flat[e] as number);
    maxX = Math.max(maxX, flat[e] as number);
    minY = Math.min(minY, flat[e + 1] as number);
    maxY = Math.max(maxY, flat[e + 1] as number);
  }

  // Buckets: horizontal slabs of equal height. An edge is listed in every slab its latitude
  // range touches, so every edge that can matter for a point (one that spans or lies on the
  // point's latitude) is in the point's slab: the slab formula is monotonic in y.
  const buckets = Math.max(1, Math.ceil(count / EDGES_PER_BUCKET));
  const height = (maxY - minY) / buckets || 1;
  const slab = (y: number) => Math.min(buckets - 1, Math.max(0, Math.floor((y - minY) / height)));
  const lists: number[][] = Array.from({ length: buckets }, () => []);
  for (let e = 0; e < count; e++) {
    const y1 = flat[e * 4 + 1] as number;
    const y2 = flat[e * 4 + 3] as number;
    for (let s = slab(Math.min(y1, y2)); s <= slab(Math.max(y1, y2)); s++) lists[s]?.push(e * 4);
  }
  const starts = new Int32Array(buckets + 1);
  lists.forEach((list, s) => {
    starts[s + 1] = (starts[s] as number) + list.length;
  });
  const order = Int32Array.from(lists.flat());

  return {
    minX,
    minY,
    maxX,
    maxY,
    edges: flat,
    test(x, y) {
      const s = slab(y);
      let crossings = 0;
      for (let i = starts[s] as number, end = starts[s + 1] as number; i < end; i++) {
        const e = order[i] as number;
        const u1 = (flat[e] as number) - x;
        const v1 = (flat[e + 1] as number) - y;
        const u2 = (flat[e + 2] as number) - x;
        const v2 = (flat[e + 3] as number) - y;
        if (v1 === 0 && v2 === 0) {
          if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return 0;
        } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
          // hao's orient2d(u1, u2, v1, v2, 0, 0), fast path only when its sign is certain.
          const left = u2 * v1;
          const right = u1 * v2;
          const f = left - right;
          if (Math.abs(f) < CCW_ERRBOUND_A * Math.abs(left + right)) return pointInPolygon([x, y], closed);
          if (f === 0) return 0;
          if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) crossings++;
        }
      }
      return crossings % 2 === 1;
    },
    edgesIn(bx0, by0, bx1, by1, visit) {
      const first = slab(by0);
      for (let s = first, last = slab(by1); s <= last; s++) {
        for (let i = starts[s] as number, end = starts[s + 1] as number; i < end; i++) {
          const e = order[i] as number;
          const x1 = flat[e] as number;
          const y1 = flat[e + 1] as number;
          const x2 = flat[e + 2] as number;
          const y2 = flat[e + 3] as number;
          // An edge spanning several slabs is reported from the first one both share.
          if (s !== Math.max(first, slab(Math.min(y1, y2)))) continue;
          if (segmentTouchesBox(x1, y1, x2, y2, bx0, by0, bx1, by1)) visit(x1, y1, x2, y2);
        }
      }
    },
  };
}

/**
 * Whether the segment touches the closed box: their bounding boxes overlap and the box's corners
 * are not all strictly on one side of the segment's line.
 */
function segmentTouchesBox(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  bx0: number,
  by0: number,
  bx1: number,
  by1: number,
): boolean {
  if (Math.max(x1, x2) < bx0 || Math.min(x1, x2) > bx1 || Math.max(y1, y2) < by0 || Math.min(y1, y2) > by1)
    return false;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const side = (x: number, y: number) => Math.sign(dx * (y - y1) - dy * (x - x1));
  const a = side(bx0, by0);
  const b = side(bx1, by0);
  const c = side(bx1, by1);
  const d = side(bx0, by1);
  return !((a > 0 && b > 0 && c > 0 && d > 0) || (a < 0 && b < 0 && c < 0 && d < 0));
}
