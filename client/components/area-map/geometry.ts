/**
 * The map's keyboard and zoom arithmetic, pure so it is tested without a browser.
 * Coordinates are the map's viewBox units (metres, x east, y south).
 */

export type Point = readonly [number, number];
/** [x, y, width, height], as the SVG viewBox attribute. */
export type Box = readonly [number, number, number, number];
export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTORS: Record<Direction, Point> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/** The arrow keys, by `KeyboardEvent.key`. The map is never mirrored, so neither are they. */
export const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * The area to move to from `from` in `direction`: among the areas whose label point lies that
 * way, the one with the smallest distance along the direction plus twice the distance across it
 * (so the neighbour straight ahead beats a nearer one far off to the side). Areas within 60° of
 * the direction come first; if there are none, any area ahead. Undefined at the edge of the map.
 */
export function nextInDirection(
  labels: ReadonlyMap<string, Point>,
  from: string,
  direction: Direction,
): string | undefined {
  const origin = labels.get(from);
  if (!origin) return undefined;
  const [dx, dy] = VECTORS[direction];
  let best: { code: string; score: number; inCone: boolean } | undefined;
  for (const [code, [x, y]] of labels) {
    if (code === from) continue;
    const vx = x - origin[0];
    const vy = y - origin[1];
    const along = vx * dx + vy * dy;
    if (along <= 0) continue;
    const across = Math.abs(vx * dy - vy * dx);
    const inCone = across <= along * Math.sqrt(3);
    const score = along + 2 * across;
    if (!best || (inCone && !best.inCone) || (inCone === best.inCone && score < best.score)) {
      best = { code, score, inCone };
    }
  }
  return best?.code;
}

/** The code whose label is nearest to `point` (where the keyboard starts when nothing is chosen). */
export function nearest(labels: ReadonlyMap<string, Point>, [px, py]: Point): string | undefined {
  let best: { code: string; d: number } | undefined;
  for (const [code, [x, y]] of labels) {
    const d = (x - px) ** 2 + (y - py) ** 2;
    if (!best || d < best.d) best = { code, d };
  }
  return best?.code;
}

/** The part of `full` seen at `zoom` (1 = all of it) around `centre`, kept inside `full`. */
export function viewAt(full: Box, zoom: number, centre: Point): Box {
  const [x0, y0, w0, h0] = full;
  const w = w0 / zoom;
  const h = h0 / zoom;
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  return [clamp(centre[0] - w / 2, x0, x0 + w0 - w), clamp(centre[1] - h / 2, y0, y0 + h0 - h), w, h];
}

/** The centre of a box. */
export function centreOf([x, y, w, h]: Box): Point {
  return [x + w / 2, y + h / 2];
}

/** Whether `point` lies inside `box`, at least `margin` (a share of the box's size) from its edges. */
export function isWellInside([px, py]: Point, [x, y, w, h]: Box, margin = 0.1): boolean {
  return (
    px >= x + w * margin && px <= x + w * (1 - margin) && py >= y + h * margin && py <= y + h * (1 - margin)
  );
}

/**
 * The zoom and centre that show `box` whole with room around it (`padding`: the share of the
 * view left free, 0.5 = the box fills at most half the view each way), at most `maxZoom`.
 */
export function fitBox(full: Box, box: Box, maxZoom: number, padding = 0.5): { zoom: number; centre: Point } {
  const [, , w0, h0] = full;
  const [x, y, w, h] = box;
  const room = 1 - padding;
  const zoom = Math.min(maxZoom, Math.max(1, Math.min((w0 * room) / (w || 1), (h0 * room) / (h || 1))));
  return { zoom, centre: [x + w / 2, y + h / 2] };
}

/**
 * The centre for zoom `zoom` that keeps the map point `anchor` at `at`, a position in the view
 * given as shares of its width and height ([0.5, 0.5] the middle): pinching zooms around the
 * fingers, not around the middle of the map.
 */
export function zoomAround(full: Box, zoom: number, anchor: Point, at: Point): Point {
  const w = full[2] / zoom;
  const h = full[3] / zoom;
  return [anchor[0] - at[0] * w + w / 2, anchor[1] - at[1] * h + h / 2];
}
