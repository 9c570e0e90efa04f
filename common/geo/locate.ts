/**
 * Where the phone is, on the device: a latitude and longitude (with the position's accuracy)
 * placed on the map of `GET /api/areas/map`, offline, with no projection library. Pure: no I/O.
 *
 * The map is the server's boundary set simplified by 2 m and rounded to whole metres, so near a
 * border the device may differ from the server's tagging (api/domain/tagging, which stays the
 * authority for a point it receives) by a few metres: within {@link MAP_SLACK_METRES} of a
 * border both sides are offered, never one guessed.
 */
import { type TmGrid, tmForward } from './tm.ts';

/** A position less accurate than this (metres) names no area: the person chooses from the list. */
export const MAX_ACCURACY_METRES = 1000;
/** At most this many areas are offered when the accuracy circle crosses borders. */
export const MAX_CANDIDATES = 3;
/** How far (metres) the device's map may lie from the true border: 2 m simplification + rounding. */
export const MAP_SLACK_METRES = 3;

type XY = [number, number];

/** The parts of the map this module reads (the AreaMap wire object has them). */
export interface LocatableMap {
  areas: readonly { code: string; d: string }[];
  grid?: (TmGrid & { originE: number; originN: number; unitMetres: number }) | undefined;
}

/** One area, ready for lookups: its rings in viewBox units and their bounding box. */
export interface PreparedArea {
  code: string;
  rings: XY[][];
  box: [number, number, number, number];
}

/** The answer for one position. */
export type Whereabouts =
  /** One area within the accuracy: "you seem to be in …". */
  | { kind: 'area'; code: string }
  /** The accuracy circle crosses borders: these areas (2 or 3), nearest first. */
  | { kind: 'border'; codes: string[] }
  /** No area within the accuracy: outside the city. */
  | { kind: 'outside' }
  /** The position is too uncertain to name an area. */
  | { kind: 'uncertain' };

/**
 * The rings of SVG path data as the server writes it (api/domain/map `pathData`): `m`/`M` moves,
 * implicit or explicit `l`/`L` lines, `z` closes (and the current point returns to the ring's start).
 */
export function parsePath(d: string): XY[][] {
  const rings: XY[][] = [];
  const tokens = d.match(/[mMlLzZ]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  let ring: XY[] | undefined;
  let command = 'm';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as string;
    if (/[mMlLzZ]/.test(token)) {
      i++;
      if (token === 'z' || token === 'Z') {
        if (ring && ring.length > 2) rings.push(ring);
        ring = undefined;
        x = startX;
        y = startY;
      } else command = token;
      continue;
    }
    const dx = Number(token);
    const dy = Number(tokens[i + 1]);
    i += 2;
    const relative = command === 'm' || command === 'l';
    x = relative ? x + dx : dx;
    y = relative ? y + dy : dy;
    if (command === 'm' || command === 'M') {
      if (ring && ring.length > 2) rings.push(ring);
      ring = [[x, y]];
      startX = x;
      startY = y;
      // Pairs after a move are lines of the same kind (SVG's implicit lineto).
      command = command === 'm' ? 'l' : 'L';
    } else ring?.push([x, y]);
  }
  if (ring && ring.length > 2) rings.push(ring);
  return rings;
}

/** Parses every area of the map once (a few milliseconds for Malmö's 136). */
export function prepareAreas(map: LocatableMap): PreparedArea[] {
  return map.areas.map(({ code, d }) => {
    const rings = parsePath(d);
    const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings)
      for (const [x, y] of ring) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
      }
    return { code, rings, box };
  });
}

/** Whether `p` lies inside the area (even–odd over all its rings, so holes are holes). */
function contains(area: PreparedArea, [px, py]: XY): boolean {
  let inside = false;
  for (const ring of area.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as XY;
      const [xj, yj] = ring[j] as XY;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The distance from `p` to the nearest edge of the area, in viewBox units. */
function edgeDistance(area: PreparedArea, [px, py]: XY): number {
  let best = Infinity;
  for (const ring of area.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j] as XY;
      const [bx, by] = ring[i] as XY;
      const dx = bx - ax;
      const dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
      best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
    }
  }
  return best;
}

/** The distance from `p` to the area: 0 inside, else to its nearest edge (viewBox units). */
export function distanceToArea(area: PreparedArea, p: XY): number {
  return contains(area, p) ? 0 : edgeDistance(area, p);
}

/** Where a latitude and longitude fall in viewBox units, or undefined for a map without a grid. */
export function toMapPoint(map: LocatableMap, lat: number, lon: number): XY | undefined {
  const grid = map.grid;
  if (!grid) return undefined;
  const [e, n] = tmForward(lat, lon, grid);
  return [(e - grid.originE) / grid.unitMetres, (grid.originN - n) / grid.unitMetres];
}

/**
 * Names the area a position is in. Every area within `accuracy` metres (the radius of the
 * position's 68 % circle, as the Geolocation API gives it; at least {@link MAP_SLACK_METRES}) is
 * a candidate, nearest first: one candidate is an answer, two or more are offered (up to
 * {@link MAX_CANDIDATES}). Undefined when the map has no grid (a map stored before it had one).
 */
export function whereIs(
  map: LocatableMap,
  areas: readonly PreparedArea[],
  lat: number,
  lon: number,
  accuracy: number,
): Whereabouts | undefined {
  const p = toMapPoint(map, lat, lon);
  if (!p || !map.grid) return undefined;
  if (!(accuracy <= MAX_ACCURACY_METRES) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
    return { kind: 'uncertain' };
  const radius = Math.max(accuracy, MAP_SLACK_METRES) / map.grid.unitMetres;
  const near: { code: string; distance: number }[] = [];
  for (const area of areas) {
    const [minX, minY, maxX, maxY] = area.box;
    if (p[0] < minX - radius || p[0] > maxX + radius || p[1] < minY - radius || p[1] > maxY + radius)
      continue;
    const distance = distanceToArea(area, p);
    if (distance <= radius) near.push({ code: area.code, distance });
  }
  near.sort((a, b) => a.distance - b.distance || (a.code < b.code ? -1 : 1));
  const [first, ...rest] = near;
  if (!first) return { kind: 'outside' };
  if (rest.length === 0) return { kind: 'area', code: first.code };
  return { kind: 'border', codes: near.slice(0, MAX_CANDIDATES).map((n) => n.code) };
}
