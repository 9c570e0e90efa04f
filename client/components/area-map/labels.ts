/**
 * Where the areas' names are written on the map: only where a name fits inside its area at the
 * current zoom, so the names never pile up into an unreadable heap. Pure, tested without a
 * browser. Coordinates are the map's viewBox units (metres, x east, y south).
 *
 * A name's size is estimated from its character count (the map has no text measuring on the
 * server, and measuring 136 names in the browser at every zoom step costs more than it tells);
 * the estimate is on the generous side for the app's bold sans-serif.
 */
import type { Box, Point } from './geometry.ts';

/** A closed ring of points (the path data's subpaths), absolute. */
export type Ring = Point[];

/**
 * The rings of SVG path data as the server writes it (api/domain/map `pathData`): a relative
 * move per ring (`m`), relative line coordinates after it, `z` to close.
 */
export function decodePath(d: string): Ring[] {
  const rings: Ring[] = [];
  let start: Point = [0, 0];
  for (const sub of d.split('z')) {
    const nums = (sub.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (nums.length < 2) continue;
    let x = start[0] + (nums[0] ?? 0);
    let y = start[1] + (nums[1] ?? 0);
    const ring: Point[] = [[x, y]];
    for (let i = 2; i + 1 < nums.length; i += 2) {
      x += nums[i] ?? 0;
      y += nums[i + 1] ?? 0;
      ring.push([x, y]);
    }
    start = ring[0] as Point;
    rings.push(ring);
  }
  return rings;
}

/** The bounding box of rings, as [x, y, width, height]. */
export function boundsOf(rings: readonly Ring[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings)
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  return minX > maxX ? [0, 0, 0, 0] : [minX, minY, maxX - minX, maxY - minY];
}

/**
 * The stretch of the horizontal line at `y` that lies inside the rings and holds `x` (even-odd,
 * so holes count as outside), as [from, to]; undefined when `x` is outside.
 */
export function spanAt(rings: readonly Ring[], x: number, y: number): [number, number] | undefined {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i] as Point;
      const [bx, by] = ring[j] as Point;
      if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
    }
  }
  xs.sort((a, b) => a - b);
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const from = xs[i] as number;
    const to = xs[i + 1] as number;
    if (from <= x && x <= to) return [from, to];
  }
  return undefined;
}

/** One area to label: its rings, its label point (from the server) and its name. */
export interface LabelInput {
  code: string;
  rings: readonly Ring[];
  label: Point;
  name: string;
}

/** A name placed on the map: centred on (x, y), one or two lines, in a box of width × height. */
export interface PlacedLabel {
  code: string;
  x: number;
  y: number;
  lines: string[];
  width: number;
  height: number;
}

/** Average width of a character of the map's bold sans-serif, in ems (a little generous). */
export const CHAR_EM = 0.6;
/** Line height, in ems. */
export const LINE_EM = 1.2;

/** The one or two lines a name may be written on: whole, or split at the space nearest its middle. */
export function lineChoices(name: string): string[][] {
  const choices = [[name]];
  const words = name.split(' ');
  if (words.length > 1) {
    let best: string[] | undefined;
    for (let i = 1; i < words.length; i++) {
      const split = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
      const longest = (lines: string[]) => Math.max(...lines.map((l) => l.length));
      if (!best || longest(split) < longest(best)) best = split;
    }
    if (best) choices.push(best);
  }
  return choices;
}

/**
 * The names that fit at a text size of `em` viewBox units: each written at its area's label
 * point (or moved sideways to the middle of the area's width there), kept only when its box lies
 * inside the area (checked along its top, middle and bottom lines, with half a character of
 * leeway at each end: the halo keeps an end that touches the border readable) and clear of the
 * names already placed. Larger areas are placed first.
 */
export function placeLabels(areas: readonly LabelInput[], em: number): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const boxes: Box[] = [];
  const bySize = areas
    .map((a) => ({ a, size: boundsOf(a.rings) }))
    .sort((p, q) => q.size[2] * q.size[3] - p.size[2] * p.size[3]);
  const leeway = (CHAR_EM * em) / 2;
  for (const { a } of bySize) {
    const [lx, ly] = a.label;
    const middle = spanAt(a.rings, lx, ly);
    if (!middle) continue;
    for (const lines of lineChoices(a.name)) {
      const w = Math.max(...lines.map((l) => l.length)) * CHAR_EM * em;
      const h = lines.length * LINE_EM * em;
      // Centred on the label point when the name fits there, else in the middle of the width.
      const x =
        Math.min(lx - middle[0], middle[1] - lx) * 2 + 2 * leeway >= w ? lx : (middle[0] + middle[1]) / 2;
      const fits = [ly - h / 2, ly, ly + h / 2].every((y) => {
        const span = spanAt(a.rings, x, y);
        return span !== undefined && span[0] - leeway <= x - w / 2 && x + w / 2 <= span[1] + leeway;
      });
      if (!fits) continue;
      const box: Box = [x - w / 2, ly - h / 2, w, h];
      if (boxes.some((b) => overlaps(b, box))) continue;
      boxes.push(box);
      placed.push({ code: a.code, x, y: ly, lines, width: w, height: h });
      break;
    }
  }
  return placed;
}

function overlaps([ax, ay, aw, ah]: Box, [bx, by, bw, bh]: Box): boolean {
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}
