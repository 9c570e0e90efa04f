/**
 * Importing a boundary set: a GeoJSON FeatureCollection from staff → checked, converted to
 * WGS84, and compared with the active set. Pure: the file's text (or parsed JSON) and the
 * active set in, a result out; storing and activating are the caller's (scripts/areas-import.ts).
 *
 * Order of the checks: JSON and FeatureCollection; features (codes, geometry types, rings as
 * written); where the coordinates lie against the city's known extent (./extent.ts: axes
 * exchanged, another zone) and the coordinate system; then, in metres, zero-area rings, each
 * feature's distance outside the city's extent, and overlaps. Every problem is reported, not
 * only the first, so one round of fixes is enough. Rings are stored as RFC 7946 wants them
 * (./orientation.ts), and areas the file does not name get Malmö's names (./lookup.ts).
 */
import { CRS_LABELS, type DetectedCrs, declaredCrs, detectCrs, toWgs84 } from './crs.ts';
import {
  type Box,
  type CityExtent,
  EXTENT_LABELS,
  fileExtentIssue,
  MALMO_EXTENT,
  outsideExtentIssues,
  placeInExtent,
} from './extent.ts';
import { boundsOf, type Polygon, type PropertyNames, type ReadFeature, readFeatures } from './features.ts';
import type { ImportIssue } from './issues.ts';
import { type LookupName, malmoLookup } from './lookup.ts';
import { type MetricShape, overlapIssues, toMetric, zeroAreaIssues } from './measure.ts';
import { rewindPolygon } from './orientation.ts';
import { type ImportPreview, previewAgainst } from './preview.ts';

export {
  CRS_LABELS,
  CRS_RANGE_RULE,
  type DetectedCrs,
  detectCrs,
  type SupportedCrs,
  toWgs84,
} from './crs.ts';
export { type CityExtent, MALMO_EXTENT, parseExtent } from './extent.ts';
export type { ImportIssue, ImportIssueKind } from './issues.ts';
export { type LookupName, malmoLookup } from './lookup.ts';
export { isCounterClockwise, rewindGeometry } from './orientation.ts';
export { storedSetIssues } from './stored.ts';
export { OVERLAP_TOLERANCE_M2, ZERO_AREA_M2 } from './measure.ts';
export { type ImportPreview, RESHAPE_TOLERANCE_M2 } from './preview.ts';

/** Property names Malmö's files use. */
export const DEFAULT_CODE_PROPERTY = 'do_kod';
/** Display names: `namn` first; `delomrade` (upper case in the official file) as a fallback. */
export const DEFAULT_NAME_PROPERTIES = ['namn', 'delomrade'] as const;
/** The stadsområde of each area, in Malmö's files; kept with names for areas the set adds. */
export const DEFAULT_DISTRICT_PROPERTY = 'stadsomrade_2013_2016';
/** Decimals kept in the stored WGS84 coordinates: 1e-7° is about 1 cm. */
const DECIMALS = 7;

/** How to read the file. */
export interface ImportOptions {
  codeProperty?: string;
  /** Where display names are; by default `namn`, then `delomrade`. */
  nameProperty?: string;
  /** Where the stadsområde is; by default {@link DEFAULT_DISTRICT_PROPERTY}. */
  districtProperty?: string;
  /** The active set (WGS84 GeoJSON with `do_kod`), to preview against. */
  active?: { version: string; geojson: unknown } | undefined;
  /** Where the city is; by default Malmö's shipped extent. */
  extent?: CityExtent;
  /** Names for areas the file does not name, by code; by default Malmö's lookup table. */
  lookup?: ReadonlyMap<string, LookupName>;
}

/** An area as the new set names it. */
export interface ImportedArea {
  code: string;
  /** Absent when the file has no display names (see {@link ImportResult}). */
  name?: string;
  district?: string;
  /** From the lookup table: the name an area gets when it is new and the file names none. */
  fallbackName?: string;
  /** From the lookup table: the stadsområde of a new area the file gives none. */
  fallbackDistrict?: string;
}

/** A checked, converted boundary set. */
export interface ImportedSet {
  ok: true;
  crs: DetectedCrs;
  /** WGS84 FeatureCollection, RFC 7946 (no `crs`), each feature's `do_kod` the normalised code. */
  geojson: { type: 'FeatureCollection'; features: unknown[] };
  areas: ImportedArea[];
  /**
   * Whether the file has display names. A file whose names are all upper case (the official
   * EPSG:3008 file) has none: it leaves the names people see as they are.
   */
  hasNames: boolean;
  preview: ImportPreview;
}

/** The outcome of an import: the set, or every problem found. */
export type ImportResult = ImportedSet | { ok: false; issues: ImportIssue[] };

/** Checks and converts a boundary file; see the module comment for the order of checks. */
export function importBoundarySet(input: string | unknown, options: ImportOptions = {}): ImportResult {
  const fail = (issues: ImportIssue[]): ImportResult => ({ ok: false, issues });
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (err) {
      return fail([{ kind: 'not-geojson', message: `the file is not JSON: ${(err as Error).message}` }]);
    }
  }
  const fc = json as { type?: unknown; features?: unknown; crs?: unknown };
  if (fc === null || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    return fail([{ kind: 'not-geojson', message: 'the file is not a GeoJSON FeatureCollection' }]);

  const issues: ImportIssue[] = [];
  const props: PropertyNames = {
    code: options.codeProperty ?? DEFAULT_CODE_PROPERTY,
    names: options.nameProperty === undefined ? DEFAULT_NAME_PROPERTIES : [options.nameProperty],
  };
  const features = readFeatures({ features: fc.features }, props, issues);
  const extent = options.extent ?? MALMO_EXTENT;
  const box = boundsOf(features);
  const crs = detectCrs(fc.crs, box);
  // Checked before the crs error: "in another zone" or "axes exchanged" says what to fix, where
  // "the numbers do not fit the crs member" only says that something is wrong.
  const declared = declaredCrs(fc.crs);
  const readAs =
    declared !== undefined
      ? { crs: declared, from: 'crs member' as const }
      : 'error' in crs
        ? undefined
        : { crs: crs.crs, from: crs.from };
  const placed = box === undefined ? undefined : fileExtentIssue(box, readAs, extent);
  if (placed) issues.push(placed);
  else if ('error' in crs) issues.push({ kind: 'crs', message: crs.error + crsHint(box, readAs, extent) });
  if (issues.length > 0 || 'error' in crs) return fail(issues);

  const convert = toWgs84(crs.crs);
  const round = (n: number) => Math.round(n * 10 ** DECIMALS) / 10 ** DECIMALS;
  const exact = features.map((f) => ({
    ...f,
    polygons: f.polygons.map((polygon) => polygon.map((ring) => ring.map((p) => convert(p)))),
  }));
  // Measured before rounding: rounding to 1 cm would give a line drawn as a ring some area.
  const shapes = exact.map((f) => toMetric(f.index, f.code, f.polygons));
  const wgs84 = exact.map((f) => ({
    ...f,
    polygons: f.polygons.map((polygon) =>
      rewindPolygon(polygon.map((ring) => ring.map((p) => p.map(round)))),
    ),
  }));
  for (const shape of shapes) issues.push(...zeroAreaIssues(shape));
  const active = options.active === undefined ? undefined : activeShapes(options.active);
  const hint =
    crs.from === 'coordinate ranges'
      ? ` (the coordinate system was guessed as ${CRS_LABELS[crs.crs]}: add a crs member if that is wrong)`
      : '';
  const rawBoxes = new Map<number, Box>(features.map((f) => [f.index, boundsOf([f]) ?? box ?? [0, 0, 0, 0]]));
  issues.push(...outsideExtentIssues(shapes, rawBoxes, hint, extent));
  if (issues.length > 0) return fail(issues);
  issues.push(...overlapIssues(shapes));
  if (issues.length > 0) return fail(issues);

  // All upper case is an official label, not a display name (unless asked for by name).
  const hasNames = wgs84.some(
    (f) => f.name !== undefined && (options.nameProperty !== undefined || f.name !== f.name.toUpperCase()),
  );
  return {
    ok: true,
    crs,
    geojson: { type: 'FeatureCollection', features: wgs84.map((f) => toFeature(f, hasNames)) },
    areas: wgs84.map((f) => {
      const district = f.properties[options.districtProperty ?? DEFAULT_DISTRICT_PROPERTY];
      const known = (options.lookup ?? malmoLookup()).get(f.code);
      const name = hasNames ? f.name : undefined;
      const ownDistrict =
        typeof district === 'string' && district.trim() !== '' ? district.trim() : undefined;
      return {
        code: f.code,
        ...(name === undefined ? {} : { name }),
        ...(ownDistrict === undefined ? {} : { district: ownDistrict }),
        ...(name === undefined && known ? { fallbackName: known.name } : {}),
        ...(ownDistrict === undefined && known?.district ? { fallbackDistrict: known.district } : {}),
      };
    }),
    hasNames,
    preview: previewAgainst(shapes, active),
  };
}

function toFeature(f: ReadFeature, hasNames: boolean): unknown {
  const { index: _, code, name, polygons, properties } = f;
  const geometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] as Polygon }
      : { type: 'MultiPolygon', coordinates: polygons };
  const named = hasNames && name !== undefined ? { namn: name } : {};
  return { type: 'Feature', properties: { ...properties, do_kod: code, ...named }, geometry };
}

/** The active set's shapes in metres (it was checked when it was imported). */
function activeShapes(active: { version: string; geojson: unknown }): {
  version: string;
  shapes: MetricShape[];
} {
  const issues: ImportIssue[] = [];
  const features = readFeatures(
    { features: (active.geojson as { features?: unknown[] })?.features ?? [] },
    { code: DEFAULT_CODE_PROPERTY, names: [] },
    issues,
  );
  return { version: active.version, shapes: features.map((f) => toMetric(f.index, f.code, f.polygons)) };
}

/** After a refused crs member: the supported system the coordinates do lie in the city in, if any. */
function crsHint(
  box: readonly [number, number, number, number] | undefined,
  readAs: { crs: string } | undefined,
  extent: CityExtent,
): string {
  const place = box === undefined ? undefined : placeInExtent(box, extent);
  if (place === undefined || place.swapped || place.crs === readAs?.crs || !(place.crs in CRS_LABELS))
    return '';
  return ` (the coordinates lie in ${extent.city} in ${EXTENT_LABELS[place.crs]}: if that is the file's system, name it in the crs member)`;
}
