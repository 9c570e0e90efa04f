/**
 * A boundary set: one version of the delområden geometry, indexed for point lookups.
 *
 * Flatbush narrows a point to the few areas whose bounding box holds it; an exact
 * point-in-polygon test (robust predicates, holes and multipolygons) decides.
 */
import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';

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
}

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
 */
export function buildBoundarySet(version: string, geojson: unknown, codeProperty = 'do_kod'): BoundarySet {
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
  const boxes: { shape: number; polygon: Polygon }[] = [];
  const index = new Flatbush(shapes.reduce((n, s) => n + s.polygons.length, 0));
  shapes.forEach((shape, s) => {
    for (const polygon of shape.polygons) {
      const [minX, minY, maxX, maxY] = bbox(polygon);
      index.add(minX, minY, maxX, maxY);
      boxes.push({ shape: s, polygon });
    }
  });
  index.finish();

  return {
    version,
    codes: shapes.map((s) => s.code),
    locate({ lat, lon }) {
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
      let onBorder: number | undefined;
      let inside: number | undefined;
      for (const i of index.search(lon, lat, lon, lat)) {
        const box = boxes[i];
        if (box === undefined) continue;
        // true inside, 0 on an edge (a border shared with a neighbour), false outside.
        const hit = pointInPolygon([lon, lat], box.polygon);
        if (hit === true && (inside === undefined || box.shape < inside)) inside = box.shape;
        if (hit === 0 && (onBorder === undefined || box.shape < onBorder)) onBorder = box.shape;
      }
      const found = inside ?? onBorder;
      return found === undefined ? undefined : shapes[found]?.code;
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

function checkPolygon(polygon: unknown, code: string): Polygon {
  const ok =
    Array.isArray(polygon) &&
    polygon.length > 0 &&
    polygon.every(
      (ring) =>
        Array.isArray(ring) &&
        ring.length >= 4 &&
        ring.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])),
    );
  if (!ok)
    throw new BoundarySetError(`area ${code}: a polygon needs rings of at least four [lon, lat] positions`);
  return polygon as Polygon;
}

function bbox(polygon: Polygon): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  // The outer ring bounds the polygon; holes lie inside it.
  for (const [x = 0, y = 0] of polygon[0] ?? []) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}
