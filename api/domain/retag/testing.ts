/**
 * Test support: a changed version of Malmö's real boundary set, as staff might import after a
 * revision, and places in it that tests can aim at. Not used by the app.
 *
 * - **moved**: the border between Glostorp (37302) and Lockarp (37301) moves: the part of
 *   Glostorp within about 1 km of the middle of their shared border goes to Lockarp.
 * - **merged**: Tygelsjö Vång (24407) is merged into Tygelsjö by (24408) and disappears as an
 *   area. Both are large rural areas, so some cells lie wholly inside them.
 * Everything else is byte for byte the same as the shipped set.
 */
import { readFileSync } from 'node:fs';
import polygonClipping, { type MultiPolygon, type Polygon } from 'polygon-clipping';
import { MALMO_GEOJSON } from '../../seed/index.ts';
import { type BoundarySet, type Box, buildBoundarySet, CELL_DEGREES } from '../tagging/index.ts';
import { bordersIn, cellBox } from './cell.ts';

/** The version name of the changed set. */
export const VARIANT_VERSION = 'malmo-delomraden-test-variant';

/** The areas the variant changes. */
export const VARIANT = {
  moved: { from: '37302', to: '37301' },
  merged: { from: '24407', into: '24408' },
} as const;

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

const asMulti = (f: Feature): MultiPolygon =>
  f.geometry.type === 'Polygon'
    ? [f.geometry.coordinates as Polygon]
    : (f.geometry.coordinates as MultiPolygon);

/** The variant as GeoJSON text (what an import stores), and the region that changed hands. */
export function malmoVariant(): { version: string; geojson: string; movedRegion: MultiPolygon } {
  const original = JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')) as { features: Feature[] };
  const byCode = (code: string) => {
    const f = original.features.find((x) => String(x.properties.do_kod).replace(/\.0+$/, '') === code);
    if (!f) throw new Error(`no area ${code} in the Malmö set`);
    return f;
  };
  const from = byCode(VARIANT.moved.from);
  const to = byCode(VARIANT.moved.to);
  // The middle of their shared border: a vertex both rings have.
  const theirs = new Set(asMulti(to).flatMap((p) => p.flatMap((r) => r.map(([x, y]) => `${x},${y}`))));
  const shared = asMulti(from)
    .flatMap((p) => p[0] ?? [])
    .filter(([x, y]) => theirs.has(`${x},${y}`));
  const [mx, my] = shared[Math.floor(shared.length / 2)] ?? [0, 0];
  const half = 0.01; // ~1.1 km north–south; ×1.6 east–west, ~1 km at this latitude
  const square: Polygon = [
    [
      [mx - half * 1.6, my - half],
      [mx + half * 1.6, my - half],
      [mx + half * 1.6, my + half],
      [mx - half * 1.6, my + half],
      [mx - half * 1.6, my - half],
    ],
  ];
  const movedRegion = polygonClipping.intersection(asMulti(from), square);
  const shrunk = polygonClipping.difference(asMulti(from), square);
  const grown = polygonClipping.union(asMulti(to), movedRegion);

  const merged = byCode(VARIANT.merged.from);
  const into = byCode(VARIANT.merged.into);
  const features = original.features
    .filter((f) => f !== merged)
    .map((f): Feature => {
      if (f === from) return { ...f, geometry: { type: 'MultiPolygon', coordinates: shrunk } };
      if (f === to) return { ...f, geometry: { type: 'MultiPolygon', coordinates: grown } };
      // A merge keeps both shapes as parts of one area; the seam between them is no border.
      if (f === into)
        return {
          ...f,
          geometry: { type: 'MultiPolygon', coordinates: [...asMulti(into), ...asMulti(merged)] },
        };
      return f;
    });
  return {
    version: VARIANT_VERSION,
    geojson: JSON.stringify({ type: 'FeatureCollection', features }),
    movedRegion,
  };
}

/**
 * Cells of the grid that meet `within` (a box), scanned south-west to north-east, that `keep`
 * accepts; each as stored (`"lat,lon"`), with its box and centre.
 */
export function cellsWhere(
  within: Box,
  keep: (cell: { cell: string; box: Box; centre: { lat: number; lon: number } }) => boolean,
): { cell: string; box: Box; centre: { lat: number; lon: number } }[] {
  const found = [];
  // Whole cell indices, so names are exact ("55.590", never "55.58999…").
  const index = (v: number) => Math.floor(Math.round((v / CELL_DEGREES) * 1e6) / 1e6);
  for (let i = index(within[1]); i * CELL_DEGREES < within[3]; i++) {
    for (let j = index(within[0]); j * CELL_DEGREES < within[2]; j++) {
      const cell = `${(i * CELL_DEGREES).toFixed(3)},${(j * CELL_DEGREES).toFixed(3)}`;
      const box = cellBox(cell) as Box;
      const centre = { lat: (box[1] + box[3]) / 2, lon: (box[0] + box[2]) / 2 };
      if (keep({ cell, box, centre })) found.push({ cell, box, centre });
    }
  }
  return found;
}

/** Whether any border of `set` touches `box`. */
export function hasBorder(set: BoundarySet, box: Box): boolean {
  let any = false;
  set.edgesIn(box, () => {
    any = true;
  });
  return any;
}

/** The variant, built. */
export function variantBoundaries(): BoundarySet {
  return buildBoundarySet(VARIANT_VERSION, JSON.parse(malmoVariant().geojson));
}

/** Malmö's extent, with a margin. */
export const CITY_BOX: Box = [12.885, 55.502, 13.152, 55.643];

/** Points (cell centres) where the variant changes things in a known way. */
export interface VariantPlaces {
  /** Wholly in Glostorp before and wholly in Lockarp after: the border moved past it. */
  movedInside: { lat: number; lon: number };
  /** Wholly in Glostorp before; the moved border now runs through its cell. */
  movedBorder: { lat: number; lon: number };
  /** In Innerstaden, in a cell crossed by borders the change did not touch. */
  unchangedBorder: { lat: number; lon: number };
  /** Wholly in Tygelsjö Vång, which is merged into Tygelsjö by. */
  mergedInside: { lat: number; lon: number };
}

/** Finds {@link VariantPlaces} on the grid of cells. */
export function variantPlaces(malmo: BoundarySet, variant: BoundarySet): VariantPlaces {
  const cells = cellsWhere(CITY_BOX, () => true);
  const first = (name: string, keep: (c: (typeof cells)[number]) => boolean) => {
    const found = cells.find(keep);
    if (!found) throw new Error(`no cell for ${name}`);
    return found.centre;
  };
  const { moved, merged } = VARIANT;
  return {
    movedInside: first(
      'movedInside',
      (c) =>
        malmo.locate(c.centre) === moved.from &&
        variant.locate(c.centre) === moved.to &&
        !hasBorder(variant, c.box),
    ),
    movedBorder: first(
      'movedBorder',
      (c) => malmo.locate(c.centre) === moved.from && !hasBorder(malmo, c.box) && hasBorder(variant, c.box),
    ),
    unchangedBorder: first('unchangedBorder', (c) => {
      if (!(malmo.locate(c.centre) ?? '').startsWith('113')) return false;
      const before = bordersIn(malmo, c.cell, c.box);
      const after = bordersIn(variant, c.cell, c.box);
      return before.size > 1 && [...before].every(([code, edges]) => after.get(code) === edges);
    }),
    mergedInside: first(
      'mergedInside',
      (c) => malmo.locate(c.centre) === merged.from && !hasBorder(variant, c.box),
    ),
  };
}
