/**
 * A boundary set: one version of the delområden geometry, indexed for point lookups.
 *
 * Flatbush narrows a point to the few areas whose bounding box holds it; an exact
 * point-in-polygon test (robust predicates, holes and multipolygons) decides.
 */
import Flatbush from 'flatbush';
import { ASK, answerGrid, GRID, OUTSIDE } from './answer-grid.ts';
import { type FlatPolygon, flattenPolygon } from './flat-polygon.ts';

/** A WGS84 position as the wire carries it. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** One version of the area geometry, ready for tagging. */
export interface BoundarySet {
  /** The version tags record, so old tags can be recomputed when boundaries change. */
  readonly version: string;
  /** Area codes in this set, in ascending order. */
  readonly codes: readonly string[];
  /**
   * The code of the area holding the point, or undefined outside every area.
   * A point on a shared border belongs to the lowest code, so the answer never
   * depends on the order of features in the file.
   */
  locate(point: LatLon): string | undefined;
  /**
   * Calls `visit` for every polygon edge that touches the closed box (WGS84 degrees), with the
   * code of the area it bounds: a shared border is visited once per side. Re-tagging uses it
   * to see whether a coarse cell crosses a border.
   */
  edgesIn(box: Box, visit: (code: string, x1: number, y1: number, x2: number, y2: number) => void): void;
}

/** A longitude/latitude box: west, south, east, north. */
export type Box = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** A GeoJSON file that cannot be used as a boundary set. */
export class BoundarySetError extends Error {
  override name = 'BoundarySetError';
}

type Ring = number[][];
type Polygon = Ring[];

/**
 * Area codes as written by Malmö's files: `10101`, `10101.0` or `"10101"` all mean "10101".
 * Returns undefined for anything that is not a whole number.
 */
export function normaliseAreaCode(raw: unknown): string | undefined {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const match = /^(\d+)(?:\.0*)?$/.exec(text);
  return match?.[1];
}

/**
 * Builds a boundary set from a GeoJSON FeatureCollection in WGS84 (lon, lat).
 * @param codeProperty the feature property holding the area code (`do_kod` in Malmö's data)
 * @param options.grid cells per side of the answer grid (see answer-grid.ts); 0 turns it off
 *   (the benchmark compares both)
 */
export function buildBoundarySet(
  version: string,
  geojson: unknown,
  codeProperty = 'do_kod',
  options: { grid?: number } = {},
): BoundarySet {
  const features = readFeatures(geojson);
  const shapes: { code: string; polygons: Polygon[] }[] = [];
  const seen = new Set<string>();
  features.forEach((feature, i) => {
    const code = normaliseAreaCode(feature.properties?.[codeProperty]);
    if (code === undefined) throw new BoundarySetError(`feature ${i} has no area code in "${codeProperty}"`);
    if (seen.has(code)) throw new BoundarySetError(`area code ${code} appears twice`);
    seen.add(code);
    shapes.push({ code, polygons: readPolygons(feature.geometry, code) });
  });
  if (shapes.length === 0) throw new BoundarySetError('the boundary set has no features');

  // Sorted by code, so "lowest code wins" on a border is just "first match wins".
  shapes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const parts: { shape: number; polygon: FlatPolygon }[] = [];
  for (const [s, shape] of shapes.entries()) {
    for (const polygon of shape.polygons) parts.push({ shape: s, polygon: flattenPolygon(polygon) });
  }
  // The outer ring bounds each polygon; holes lie inside it.
  const index = new Flatbush(parts.length);
  for (const { polygon: p } of parts) index.add(p.minX, p.minY, p.maxX, p.maxY);
  index.finish();

  // locate() is the hot path: the search callback is made once and reports through these
  // variables, so a lookup allocates nothing but flatbush's (empty) result array.
  let px = 0;
  let py = 0;
  let inside = -1;
  let onBorder = -1;
  const visitCandidate = (i: number): boolean => {
    const part = parts[i] as (typeof parts)[number];
    // true inside, 0 on an edge (a border shared with a neighbour), false outside.
    const hit = part.polygon.test(px, py);
    if (hit === true && (inside < 0 || part.shape < inside)) inside = part.shape;
    else if (hit === 0 && (onBorder < 0 || part.shape < onBorder)) onBorder = part.shape;
    return false;
  };

  const exact = (x: number, y: number): number => {
    px = x;
    py = y;
    inside = -1;
    onBorder = -1;
    index.search(x, y, x, y, visitCandidate);
    return inside >= 0 ? inside : onBorder >= 0 ? onBorder : OUTSIDE;
  };
  const gridSize = options.grid ?? GRID;
  const grid =
    gridSize > 0 && parts.length > 0
      ? answerGrid(
          {
            minX: index.minX,
            minY: index.minY,
            maxX: index.maxX,
            maxY: index.maxY,
          },
          parts.map((p) => p.polygon.edges),
          exact,
          gridSize,
        )
      : undefined;

  return {
    version,
    codes: shapes.map((s) => s.code),
    locate({ lat, lon }) {
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
      let found = grid ? grid.lookup(lon, lat) : ASK;
      if (found === ASK) found = exact(lon, lat);
      return found === OUTSIDE ? undefined : shapes[found]?.code;
    },
    edgesIn([minX, minY, maxX, maxY], visit) {
      for (const i of index.search(minX, minY, maxX, maxY)) {
        const part = parts[i] as (typeof parts)[number];
        const code = shapes[part.shape]?.code as string;
        part.polygon.edgesIn(minX, minY, maxX, maxY, (x1, y1, x2, y2) => visit(code, x1, y1, x2, y2));
      }
    },
  };
}

interface Feature {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

function readFeatures(geojson: unknown): Feature[] {
  const fc = geojson as { type?: unknown; features?: unknown };
  if (
    fc === null ||
    typeof fc !== 'object' ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  ) {
    throw new BoundarySetError('a boundary set must be a GeoJSON FeatureCollection');
  }
  return fc.features as Feature[];
}

function readPolygons(geometry: Feature['geometry'], code: string): Polygon[] {
  const coordinates = geometry?.coordinates;
  if (geometry?.type === 'Polygon') return [checkPolygon(coordinates, code)];
  if (geometry?.type === 'MultiPolygon' && Array.isArray(coordinates)) {
    return coordinates.map((polygon) => checkPolygon(polygon, code));
  }
  throw new BoundarySetError(`area ${code}: geometry must be a Polygon or MultiPolygon`);
}

/** True for a GeoJSON Polygon's coordinates: rings of at least four finite [x, y] positions. */
export function isPolygon(polygon: unknown): polygon is Polygon {
  return (
    Array.isArray(polygon) &&
    polygon.length > 0 &&
    polygon.every(
      (ring) =>
        Array.isArray(ring) &&
        ring.length >= 4 &&
        ring.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])),
    )
  );
}

function checkPolygon(polygon: unknown, code: string): Polygon {
  if (!isPolygon(polygon))
    throw new BoundarySetError(`area ${code}: a polygon needs rings of at least four [lon, lat] positions`);
  return polygon;
}
