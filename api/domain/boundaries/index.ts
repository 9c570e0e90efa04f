/**
 * Importing a boundary set: a GeoJSON FeatureCollection from staff → checked, converted to
 * WGS84, and compared with the active set. Pure: the file's text (or parsed JSON) and the
 * active set in, a result out; storing and activating are the caller's (scripts/areas-import.ts).
 *
 * Order of the checks: JSON and FeatureCollection; features (codes, geometry types, rings as
 * written); coordinate system; then, in metres, zero-area rings, distance outside the city and
 * overlaps. Every problem is reported, not only the first, so one round of fixes is enough.
 */
import { CRS_LABELS, type DetectedCrs, detectCrs, toWgs84 } from './crs.ts';
import { boundsOf, type Polygon, type PropertyNames, type ReadFeature, readFeatures } from './features.ts';
import type { ImportIssue } from './issues.ts';
import {
  distanceOutside,
  type MetricShape,
  OUTSIDE_CITY_LIMIT_M,
  overlapIssues,
  toMetric,
  zeroAreaIssues,
} from './measure.ts';
import { type ImportPreview, previewAgainst } from './preview.ts';

export {
  CRS_LABELS,
  CRS_RANGE_RULE,
  type DetectedCrs,
  detectCrs,
  type SupportedCrs,
  toWgs84,
} from './crs.ts';
export type { ImportIssue, ImportIssueKind } from './issues.ts';
export { OUTSIDE_CITY_LIMIT_M, OVERLAP_TOLERANCE_M2, ZERO_AREA_M2 } from './measure.ts';
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
  /** The active set (WGS84 GeoJSON with `do_kod`), to find the city and to preview against. */
  active?: { version: string; geojson: unknown } | undefined;
}

/** An area as the new set names it. */
export interface ImportedArea {
  code: string;
  /** Absent when the file has no display names (see {@link ImportResult}). */
  name?: string;
  district?: string;
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
  const crs = detectCrs(fc.crs, boundsOf(features));
  if ('error' in crs) issues.push({ kind: 'crs', message: crs.error });
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
    polygons: f.polygons.map((polygon) => polygon.map((ring) => ring.map((p) => p.map(round)))),
  }));
  for (const shape of shapes) issues.push(...zeroAreaIssues(shape));
  const active = options.active === undefined ? undefined : activeShapes(options.active);
  issues.push(...outsideCityIssues(shapes, active?.shapes, crs));
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
      return {
        code: f.code,
        ...(hasNames && f.name !== undefined ? { name: f.name } : {}),
        ...(typeof district === 'string' && district.trim() !== '' ? { district: district.trim() } : {}),
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

/**
 * Features reaching more than {@link OUTSIDE_CITY_LIMIT_M} outside the city. The city is the
 * active set's bounding box; without one, each feature is measured against the box of all the
 * others (its own box would always contain it).
 */
function outsideCityIssues(
  shapes: readonly MetricShape[],
  active: readonly MetricShape[] | undefined,
  crs: DetectedCrs,
): ImportIssue[] {
  const boxOf = (list: readonly MetricShape[]) =>
    list.reduce<[number, number, number, number]>(
      (b, s) => [
        Math.min(b[0], s.box[0]),
        Math.min(b[1], s.box[1]),
        Math.max(b[2], s.box[2]),
        Math.max(b[3], s.box[3]),
      ],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
  const cityBox = active && active.length > 0 ? boxOf(active) : undefined;
  if (cityBox === undefined && shapes.length < 2) return [];
  const city = cityBox === undefined ? 'the other features' : 'the active set';
  const issues: ImportIssue[] = [];
  for (const shape of shapes) {
    const box = cityBox ?? boxOf(shapes.filter((s) => s !== shape));
    const km = distanceOutside(shape, box) / 1000;
    if (km * 1000 <= OUTSIDE_CITY_LIMIT_M) continue;
    const hint =
      crs.from === 'coordinate ranges'
        ? ` (the coordinate system was guessed as ${CRS_LABELS[crs.crs]}: add a crs member if that is wrong)`
        : '';
    issues.push({
      kind: 'outside-city',
      feature: shape.feature,
      areaCode: shape.code,
      message: `feature ${shape.feature} (code ${shape.code}): reaches ${km.toFixed(1)} km outside the city (the bounding box of ${city}; limit ${OUTSIDE_CITY_LIMIT_M / 1000} km)${hint}`,
    });
  }
  return issues;
}
