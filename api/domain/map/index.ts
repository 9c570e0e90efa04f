/**
 * The map of a boundary set: every delområde as SVG path data, projected and simplified once
 * on the server (then stored per version, see api/routes/area-map). Pure: no I/O, no clock.
 *
 * Projection: SWEREF 99 13 30 (EPSG:3008), the local grid Malmö's own maps and its second
 * boundary file use. It is conformal (shapes and angles as on the city's maps), its unit is the
 * metre (so the simplification tolerance is a distance on the ground), and Malmö lies 0.5° from
 * its central meridian, where the scale error is under 0.01 %. An equirectangular projection at
 * 55.6° N would be within 0.1 % here too; the city's own grid costs nothing more with proj4,
 * and the map's coordinates are then the EPSG:3008 file's, shifted and rounded to the metre.
 *
 * Output: integer coordinates in a viewBox of [0, 0, width, height] with y down (north up),
 * one unit = {@link MAP_UNIT_METRES} metre; paths use relative moves. Malmö's 136 areas come to
 * ~32 KB of JSON, ~14 KB gzip. A label point per area: its pole of inaccessibility (always
 * inside the area, unlike a centroid).
 */
import proj4 from 'proj4';
import { isPolygon } from '../tagging/boundary-set.ts';
import { normaliseAreaCode } from '../tagging/index.ts';
import { type InputRing, type Planar, simplifyShared } from './arcs.ts';
import { poleOfInaccessibility } from './label.ts';

/**
 * The format of the stored map: bump it when the algorithm or its settings change, so every
 * boundary version's map is computed again instead of the old one being served.
 */
export const MAP_FORMAT = 'svg-3008-v2';
/**
 * Metres per viewBox unit: whole metres. Finer is invisible (the city's 17 km across a 390 px
 * phone screen is ~45 m a pixel, ~11 m zoomed in 4×) and costs bytes.
 */
export const MAP_UNIT_METRES = 1;
/** Douglas–Peucker tolerance in metres: well under a pixel even zoomed in 4×. */
export const MAP_TOLERANCE_METRES = 2;
/** Margin around the city, in metres, so a thick outline on an outer border is not cut off. */
const MARGIN_METRES = 200;

/** SWEREF 99 13 30 (EPSG:3008). */
export const SWEREF99_1330 =
  '+proj=tmerc +lat_0=0 +lon_0=13.5 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toGrid = proj4('EPSG:4326', SWEREF99_1330);

/** One area of the map. */
export interface AreaShape {
  code: string;
  /** SVG path data in viewBox units. */
  d: string;
  /** A point inside the area for its label or focus marker, in viewBox units. */
  label: [number, number];
}

/** What `GET /api/areas/map` sends (with the boundary version). */
export interface AreaMapData {
  /** [minX, minY, width, height] for the SVG viewBox attribute. */
  viewBox: [number, number, number, number];
  /** Sorted by code. */
  areas: AreaShape[];
  /** The projection and the viewBox's origin on the grid (see `grid` of the AreaMap wire type). */
  grid: AreaMapGrid;
}

/** How latitude and longitude map to viewBox units: SWEREF 99 13 30, then shifted and scaled. */
export interface AreaMapGrid {
  crs: 'EPSG:3008';
  lon0: number;
  k0: number;
  falseEasting: number;
  falseNorthing: number;
  /** Grid easting and northing (metres) of the viewBox's x 0, y 0. */
  originE: number;
  originN: number;
  unitMetres: number;
}

/** A boundary set the map cannot be drawn from. */
export class AreaMapError extends Error {
  override name = 'AreaMapError';
}

type LonLatPolygon = InputRing[];

/** Settings of {@link buildAreaMap}; the defaults are what {@link MAP_FORMAT} names. */
export interface AreaMapOptions {
  /** The feature property with the area code (`do_kod` in Malmö's files; `code` is tried next). */
  codeProperty?: string;
  unitMetres?: number;
  toleranceMetres?: number;
}

/**
 * Projects and simplifies a boundary set (GeoJSON FeatureCollection in WGS84) into SVG path
 * data. Deterministic: the same input gives the same output, byte for byte.
 */
export function buildAreaMap(geojson: unknown, options: AreaMapOptions = {}): AreaMapData {
  const {
    codeProperty = 'do_kod',
    unitMetres = MAP_UNIT_METRES,
    toleranceMetres = MAP_TOLERANCE_METRES,
  } = options;
  const features = (geojson as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) throw new AreaMapError('the boundary set is not a FeatureCollection');
  const areas: { code: string; polygons: LonLatPolygon[] }[] = [];
  for (const [i, feature] of features.entries()) {
    const f = feature as {
      properties?: Record<string, unknown>;
      geometry?: { type?: string; coordinates?: unknown };
    };
    const code = normaliseAreaCode(f.properties?.[codeProperty] ?? f.properties?.code);
    if (code === undefined) throw new AreaMapError(`feature ${i} has no area code`);
    const { type, coordinates } = f.geometry ?? {};
    const polygons =
      type === 'Polygon'
        ? [coordinates]
        : type === 'MultiPolygon' && Array.isArray(coordinates)
          ? coordinates
          : [];
    if (polygons.length === 0 || !polygons.every(isPolygon))
      throw new AreaMapError(`area ${code}: geometry must be a Polygon or MultiPolygon of [lon, lat] rings`);
    areas.push({ code, polygons: polygons as LonLatPolygon[] });
  }
  areas.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const rings = areas.flatMap((a) => a.polygons.flat());
  const simplified = simplifyShared(
    rings,
    ([lon = 0, lat = 0]) => toGrid.forward([lon, lat]) as Planar,
    toleranceMetres,
  );

  // The frame: the extent of every vertex, north up.
  let minE = Infinity;
  let maxE = -Infinity;
  let minN = Infinity;
  let maxN = -Infinity;
  for (const ring of simplified) {
    for (const [e, n] of ring) {
      minE = Math.min(minE, e);
      maxE = Math.max(maxE, e);
      minN = Math.min(minN, n);
      maxN = Math.max(maxN, n);
    }
  }
  // Rounded once per vertex: a vertex two neighbours share lands on the same integer point.
  const margin = Math.round(MARGIN_METRES / unitMetres);
  const toView = ([e, n]: Planar): Planar => [
    Math.round((e - minE) / unitMetres) + margin,
    Math.round((maxN - n) / unitMetres) + margin,
  ];

  let next = 0;
  const shapes = areas.map(({ code, polygons }): AreaShape => {
    const projected = polygons.map((polygon) => polygon.map(() => simplified[next++] as Planar[]));
    const d = pathData(projected.map((polygon) => polygon.map((ring) => ring.map(toView))));
    // The label goes in the largest part, at its point farthest from every edge (to 10 m).
    const largest = projected.reduce((a, b) => (ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a));
    const label = toView(poleOfInaccessibility(largest, 10));
    return { code, d, label };
  });
  const width = Math.round((maxE - minE) / unitMetres) + 2 * margin;
  const height = Math.round((maxN - minN) / unitMetres) + 2 * margin;
  // x = round((e − minE) / unit) + margin, so the origin is minE − margin × unit (likewise y,
  // downwards from maxN). Millimetres are plenty: the coordinates themselves are whole metres.
  const mm = (v: number) => Math.round(v * 1000) / 1000;
  const grid: AreaMapGrid = {
    crs: 'EPSG:3008',
    lon0: 13.5,
    k0: 1,
    falseEasting: 150_000,
    falseNorthing: 0,
    originE: mm(minE - margin * unitMetres),
    originN: mm(maxN + margin * unitMetres),
    unitMetres,
  };
  return { viewBox: [0, 0, width, height], areas: shapes, grid };
}

/**
 * SVG path data for polygons of integer points: a relative move to each ring, relative line
 * coordinates after it (implicit `l`), `z` to close. Repeated points are left out.
 */
export function pathData(polygons: readonly (readonly (readonly Planar[])[])[]): string {
  let out = '';
  // After `z` the current point is the start of the ring just closed.
  let cx = 0;
  let cy = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const [first, ...rest] = ring;
      if (!first) continue;
      out += `m${num(first[0] - cx)}${sep(first[1] - cy)}`;
      let [px, py] = first;
      for (const [x, y] of rest) {
        if (x === px && y === py) continue;
        out += sep(x - px) + sep(y - py);
        px = x;
        py = y;
      }
      out += 'z';
      [cx, cy] = first;
    }
  }
  return out;
}

const num = (n: number) => String(n);
/** A negative number needs no separator: its minus sign is one. */
const sep = (n: number) => (n < 0 ? String(n) : ` ${n}`);

function ringArea(ring: readonly Planar[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[i] as Planar;
    const [bx, by] = ring[j] as Planar;
    sum += (bx - ax) * (by + ay);
  }
  return Math.abs(sum / 2);
}
