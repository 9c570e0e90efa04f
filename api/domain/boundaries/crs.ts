/**
 * Which coordinate reference system a boundary file is in, and conversion to WGS84.
 *
 * Read from the `crs` member when the file has one (GeoJSON 2008 style: `EPSG:3008`,
 * `urn:ogc:def:crs:EPSG::3008`, `urn:ogc:def:crs:OGC:1.3:CRS84`, `…/def/crs/EPSG/0/3006`, or
 * `{ "type": "EPSG", "properties": { "code": 3008 } }`); otherwise from the coordinate ranges,
 * by {@link CRS_RANGE_RULE}. Either way the numbers must fit the system, or the file is refused:
 * a file that says WGS84 but holds metres is a mistake, not something to guess around.
 */
import proj4 from 'proj4';

/** The systems a boundary file may be in. */
export type SupportedCrs = 'EPSG:4326' | 'EPSG:3006' | 'EPSG:3008';

/** Human names, for messages and the preview. */
export const CRS_LABELS: Record<SupportedCrs, string> = {
  'EPSG:4326': 'WGS84 (EPSG:4326, longitude/latitude)',
  'EPSG:3006': 'SWEREF 99 TM (EPSG:3006)',
  'EPSG:3008': 'SWEREF 99 13 30 (EPSG:3008)',
};

// Lantmäteriet's definitions. SWEREF 99 is tied to ETRS89; for mapping it equals WGS84, so
// no datum shift (towgs84 zero).
proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
proj4.defs(
  'EPSG:3008',
  '+proj=tmerc +lat_0=0 +lon_0=13.5 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
);

/**
 * The rule for files without a `crs` member, on the bounding box of every position:
 * - x within ±180 and y within ±90: WGS84 longitude/latitude;
 * - y (northing) 6 000 000–7 800 000 m, Sweden's northings in all Swedish grids, and
 *   - x 1 200 000–1 900 000: RT90 (false easting 1 500 000) → refused;
 *   - x 250 000–1 000 000: SWEREF 99 TM (false easting 500 000 at 15° E; Sweden spans
 *     about 265 000–920 000, Malmö about 365 000–385 000);
 *   - x 0–250 000: a SWEREF 99 local zone (false easting 150 000), read as 13 30, the zone for
 *     Skåne and Malmö (Malmö about 110 000–130 000). A file in another local zone must say so
 *     in `crs` (and is then refused as unsupported); the extent check (./extent.ts) names a
 *     wrong guess;
 * - anything else, or positions spread over two bands: unknown → refused.
 */
export const CRS_RANGE_RULE =
  'x within ±180 and y within ±90 → WGS84; y 6 000 000–7 800 000 with x 250 000–1 000 000 → ' +
  'SWEREF 99 TM, x below 250 000 → SWEREF 99 13 30, x 1 200 000–1 900 000 → RT90 (refused)';

type Band = SupportedCrs | 'RT90';

/** Where a detected system came from. */
export interface DetectedCrs {
  crs: SupportedCrs;
  from: 'crs member' | 'coordinate ranges';
}

/** EPSG codes of RT90 and its SWEREF 99 emulations: named, so the refusal can say what to do. */
const RT90_CODES = new Set([
  2400, 3019, 3020, 3021, 3022, 3023, 3024, 3845, 3846, 3847, 3848, 3849, 3850, 4124,
]);
const RT90_ADVICE =
  'RT90 is not supported: convert the file to SWEREF 99 TM (EPSG:3006) or WGS84 first, ' +
  "e.g. ogr2ogr -t_srs EPSG:3006 out.geojson in.geojson (RT90 needs a datum shift we don't guess)";
const SUPPORTED_ADVICE = 'use WGS84 (EPSG:4326), SWEREF 99 TM (EPSG:3006) or SWEREF 99 13 30 (EPSG:3008)';

/** The system of a file, or the reason it is refused. */
export function detectCrs(
  crsMember: unknown,
  box: readonly [number, number, number, number] | undefined,
): DetectedCrs | { error: string } {
  const band = box === undefined ? undefined : rangeBand(box);
  if (crsMember !== undefined && crsMember !== null) {
    const declared = readCrsMember(crsMember);
    if ('error' in declared) return declared;
    if (band !== undefined && band !== declared.crs) {
      const seen =
        typeof band === 'string' && band !== 'RT90' ? CRS_LABELS[band] : (band ?? 'no known system');
      return {
        error: `the crs member says ${CRS_LABELS[declared.crs]}, but the coordinates (x ${fmt(box?.[0])}–${fmt(box?.[2])}, y ${fmt(box?.[1])}–${fmt(box?.[3])}) look like ${seen}`,
      };
    }
    return { crs: declared.crs, from: 'crs member' };
  }
  if (box === undefined) return { error: 'the file has no coordinates to tell its coordinate system from' };
  if (band === 'RT90')
    return { error: `the coordinates look like RT90 (eastings around 1 300 000). ${RT90_ADVICE}` };
  if (band === undefined)
    return {
      error: `no crs member, and the coordinates (x ${fmt(box[0])}–${fmt(box[2])}, y ${fmt(box[1])}–${fmt(box[3])}) fit no supported system (${CRS_RANGE_RULE}); add a crs member or ${SUPPORTED_ADVICE}`,
    };
  return { crs: band, from: 'coordinate ranges' };
}

function fmt(n: number | undefined): string {
  return n === undefined ? '?' : String(Math.round(n * 1000) / 1000);
}

function rangeBand([minX, minY, maxX, maxY]: readonly [number, number, number, number]): Band | undefined {
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return 'EPSG:4326';
  if (minY < 6_000_000 || maxY > 7_800_000) return undefined;
  if (minX >= 1_200_000 && maxX <= 1_900_000) return 'RT90';
  if (minX >= 250_000 && maxX <= 1_000_000) return 'EPSG:3006';
  if (minX >= 0 && maxX < 250_000) return 'EPSG:3008';
  return undefined;
}

/** The EPSG code a `crs` member names (CRS84 as 4326), and how to show the member. */
function memberCode(member: unknown): { code: number | undefined; shown: string } {
  const m = member as { type?: unknown; properties?: { name?: unknown; code?: unknown } };
  if (m?.type === 'name' && typeof m.properties?.name === 'string') {
    const name = m.properties.name.trim();
    const shown = `"${name}"`;
    if (/(^|:)CRS:?84$/i.test(name)) return { code: 4326, shown };
    // EPSG:3008, urn:ogc:def:crs:EPSG::3008, urn:ogc:def:crs:EPSG:6.3:3008, …/crs/EPSG/0/3008
    const match = /EPSG(?::[\d.]*:|:|\/\d+\/)(\d+)$/i.exec(name);
    return { code: match ? Number(match[1]) : undefined, shown };
  }
  if (m?.type === 'EPSG' && Number.isInteger(Number(m.properties?.code)))
    return { code: Number(m.properties?.code), shown: JSON.stringify(member) };
  return { code: undefined, shown: JSON.stringify(member) };
}

/**
 * The system a `crs` member names, supported or not (`EPSG:3007`), or undefined when the file
 * has none or it names no EPSG code: what the extent check compares the coordinates with.
 */
export function declaredCrs(member: unknown): string | undefined {
  if (member === undefined || member === null) return undefined;
  const { code } = memberCode(member);
  return code === undefined ? undefined : `EPSG:${code}`;
}

/** The EPSG code (or CRS84) a `crs` member names, mapped to a supported system. */
function readCrsMember(member: unknown): { crs: SupportedCrs } | { error: string } {
  const { code, shown } = memberCode(member);
  if (code === undefined)
    return { error: `the crs member ${shown} names no EPSG code or CRS84; ${SUPPORTED_ADVICE}` };
  if (code === 4326) return { crs: 'EPSG:4326' };
  if (code === 3006) return { crs: 'EPSG:3006' };
  if (code === 3008) return { crs: 'EPSG:3008' };
  if (RT90_CODES.has(code)) return { error: `the file is in EPSG:${code}, an RT90 system. ${RT90_ADVICE}` };
  if (code >= 3007 && code <= 3018)
    return {
      error: `EPSG:${code} is a SWEREF 99 local zone other than 13 30: not supported; ${SUPPORTED_ADVICE}`,
    };
  return { error: `EPSG:${code} is not a supported coordinate system; ${SUPPORTED_ADVICE}` };
}

/** A function converting [x, y] in `crs` to [lon, lat] in WGS84. */
export function toWgs84(crs: SupportedCrs): (xy: readonly number[]) => [number, number] {
  if (crs === 'EPSG:4326') return (xy) => [xy[0] as number, xy[1] as number];
  const converter = proj4(crs, 'EPSG:4326');
  return (xy) => converter.forward([xy[0] as number, xy[1] as number]) as [number, number];
}

/** A function converting [lon, lat] in WGS84 to SWEREF 99 TM metres, where areas are measured. */
export function toSweref99Tm(): (lonLat: readonly number[]) => [number, number] {
  const converter = proj4('EPSG:4326', 'EPSG:3006');
  return (p) => converter.forward([p[0] as number, p[1] as number]) as [number, number];
}
