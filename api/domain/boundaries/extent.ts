/**
 * The city's known extent (api/data/malmo/malmo_extent.json): Malmö's bounding box in every
 * system a boundary file may be written in, and in the neighbouring SWEREF 99 local zones, so
 * that an import is checked against the city itself and not only against the active set (a
 * fresh database has none, and a file in the wrong zone would then be accepted and tag nothing).
 *
 * Three refusals, each with its own kind:
 * - `swapped-axes`: the coordinates lie in Malmö only with x and y exchanged (northing written
 *   first, or latitude before longitude);
 * - `wrong-zone`: they lie in Malmö in another system than the one declared or guessed (a file
 *   in SWEREF 99 12 00 read as 13 30 lands about 95 km west of the city);
 * - `outside-city`: a feature reaches more than the margin outside the box (named, with code).
 */
import { readFileSync } from 'node:fs';
import { CRS_LABELS, type DetectedCrs, type SupportedCrs } from './crs.ts';
import type { ImportIssue } from './issues.ts';
import { distanceOutside, type MetricShape } from './measure.ts';

/** [minX, minY, maxX, maxY]; in WGS84 longitude first. */
export type Box = readonly [number, number, number, number];

/** The systems the extent is given in: the supported ones and the local zones beside 13 30. */
export type ExtentCrs = SupportedCrs | 'EPSG:3007' | 'EPSG:3009';

/** A city's extent: its box per system and how far (m) a feature may reach outside it. */
export interface CityExtent {
  city: string;
  marginM: number;
  boxes: Record<ExtentCrs, Box>;
}

/** Names of the systems, for messages. */
export const EXTENT_LABELS: Record<ExtentCrs, string> = {
  ...CRS_LABELS,
  'EPSG:3007': 'SWEREF 99 12 00 (EPSG:3007)',
  'EPSG:3009': 'SWEREF 99 15 00 (EPSG:3009)',
};

/** Where the shipped extent is. */
export const MALMO_EXTENT_JSON = new URL('../../data/malmo/malmo_extent.json', import.meta.url);

/** Reads an extent file, refusing one that lacks a box or whose boxes are not [min, min, max, max]. */
export function parseExtent(text: string): CityExtent {
  const raw = JSON.parse(text) as { city?: unknown; marginM?: unknown; boxes?: Record<string, unknown> };
  const boxes = {} as Record<ExtentCrs, Box>;
  for (const crs of Object.keys(EXTENT_LABELS) as ExtentCrs[]) {
    const box = raw.boxes?.[crs];
    if (
      !Array.isArray(box) ||
      box.length !== 4 ||
      !box.every(Number.isFinite) ||
      box[0] >= box[2] ||
      box[1] >= box[3]
    )
      throw new Error(`the extent has no usable box for ${crs}: ${JSON.stringify(box)}`);
    boxes[crs] = box as unknown as Box;
  }
  if (typeof raw.marginM !== 'number' || !(raw.marginM >= 0)) throw new Error('the extent has no marginM');
  return { city: String(raw.city ?? 'the city'), marginM: raw.marginM, boxes };
}

/** Malmö's extent, as shipped. */
export const MALMO_EXTENT: CityExtent = parseExtent(readFileSync(MALMO_EXTENT_JSON, 'utf8'));

/** Metres per degree of latitude (and of longitude at the equator), near enough for a margin. */
const M_PER_DEGREE = 111_320;

/** `box` widened by the extent's margin, in the units of `crs`. */
function widened(extent: CityExtent, crs: ExtentCrs): Box {
  const [minX, minY, maxX, maxY] = extent.boxes[crs];
  let mx = extent.marginM;
  let my = extent.marginM;
  if (crs === 'EPSG:4326') {
    my = extent.marginM / M_PER_DEGREE;
    mx = extent.marginM / (M_PER_DEGREE * Math.cos((((minY + maxY) / 2) * Math.PI) / 180));
  }
  return [minX - mx, minY - my, maxX + mx, maxY + my];
}

const within = (box: Box, outer: Box) =>
  box[0] >= outer[0] && box[1] >= outer[1] && box[2] <= outer[2] && box[3] <= outer[3];
const swap = ([minX, minY, maxX, maxY]: Box): Box => [minY, minX, maxY, maxX];

/**
 * The system in which `box` (raw coordinates of a file or feature) lies in the city, within
 * the margin: as written, or with x and y exchanged. The boxes with their margins do not
 * overlap (the zones are 95 km apart), so at most one system fits.
 */
export function placeInExtent(
  box: Box,
  extent: CityExtent = MALMO_EXTENT,
): { crs: ExtentCrs; swapped: boolean } | undefined {
  const systems = Object.keys(extent.boxes) as ExtentCrs[];
  for (const swapped of [false, true]) {
    const crs = systems.find((s) => within(swapped ? swap(box) : box, widened(extent, s)));
    if (crs !== undefined) return { crs, swapped };
  }
  return undefined;
}

/** How the system a file is read in was found, for messages. */
const READ_AS = {
  'crs member': 'as the crs member says',
  'coordinate ranges': 'guessed from the coordinate ranges',
  'stored set': 'as every stored set is',
} as const;

const km = (n: number) => `${Math.round(n / 1000)} km`;
const range = (box: Box) => {
  const f = (n: number) => String(Math.round(n * 1000) / 1000);
  return `x ${f(box[0])}–${f(box[2])}, y ${f(box[1])}–${f(box[3])}`;
};

/**
 * The file-level refusal, when the whole file's coordinates lie in the city only with the axes
 * exchanged, or only in another system than `readAs` (the system the `crs` member names, or
 * the one guessed from the ranges). Undefined when the file fits as read, or fits nowhere (then
 * each feature is measured by {@link outsideExtentIssues}).
 */
export function fileExtentIssue(
  box: Box,
  readAs: { crs: string; from: DetectedCrs['from'] | 'stored set' } | undefined,
  extent: CityExtent = MALMO_EXTENT,
): ImportIssue | undefined {
  const place = placeInExtent(box, extent);
  if (place === undefined) return undefined;
  const label = (crs: string) => EXTENT_LABELS[crs as ExtentCrs] ?? crs;
  const how = readAs === undefined ? '' : ` (${READ_AS[readAs.from]}: ${label(readAs.crs)})`;
  if (place.swapped) {
    const axes =
      place.crs === 'EPSG:4326'
        ? 'latitude is written before longitude; RFC 7946 wants [longitude, latitude]'
        : 'the northing is written before the easting; GeoJSON wants [easting, northing]';
    return {
      kind: 'swapped-axes',
      message: `the coordinates (${range(box)}) lie in ${extent.city} only with x and y exchanged, in ${label(place.crs)}: ${axes}. Swap the two numbers of every position (QGIS: "Swap X and Y coordinates") and import again${how === '' ? '' : `; read as written${how} they lie outside ${extent.city}`}`,
    };
  }
  // A crs member naming a system the extent does not know (RT90, UTM 33N) keeps its own
  // refusal, which says what to convert to.
  if (readAs === undefined || readAs.crs === place.crs || !(readAs.crs in extent.boxes)) return undefined;
  // How far off the file lands when read as declared: between two projected systems the box
  // compares directly in metres.
  const readBox = extent.boxes[readAs.crs as ExtentCrs];
  const offBy =
    readBox !== undefined && readAs.crs !== 'EPSG:4326' && place.crs !== 'EPSG:4326'
      ? `, reaching about ${km(distanceOutside({ feature: 0, code: '', polygons: [[boxRing(box)]], box: [...box] }, readBox))} outside ${extent.city}`
      : '';
  return {
    kind: 'wrong-zone',
    message: `the coordinates (${range(box)}) lie in ${extent.city} in ${label(place.crs)}, not in the system the file is read in${how}${offBy}: the file is in another zone or system. Declare its real system in the crs member, or convert it (e.g. ogr2ogr -s_srs ${place.crs} -t_srs EPSG:3006 out.geojson in.geojson)`,
  };
}

function boxRing([minX, minY, maxX, maxY]: Box): number[][] {
  return [
    [minX, minY],
    [maxX, minY],
    [maxX, maxY],
    [minX, maxY],
    [minX, minY],
  ];
}

/**
 * Features reaching more than the margin outside the city's box (in SWEREF 99 TM metres), each
 * named. `rawBoxes[i]` is feature i's box as written: when it would lie in the city with its
 * axes exchanged the message says so. `hint` ends each message (e.g. how the system was found).
 */
export function outsideExtentIssues(
  shapes: readonly MetricShape[],
  rawBoxes: ReadonlyMap<number, Box>,
  hint = '',
  extent: CityExtent = MALMO_EXTENT,
): ImportIssue[] {
  const city = extent.boxes['EPSG:3006'];
  const issues: ImportIssue[] = [];
  for (const shape of shapes) {
    const distance = distanceOutside(shape, city);
    if (distance <= extent.marginM) continue;
    const raw = rawBoxes.get(shape.feature);
    const swapped = raw !== undefined && placeInExtent(raw, extent)?.swapped === true;
    issues.push({
      kind: 'outside-city',
      feature: shape.feature,
      areaCode: shape.code,
      message: `feature ${shape.feature} (code ${shape.code}): reaches ${(distance / 1000).toFixed(1)} km outside ${extent.city} (its known extent, api/data/malmo/malmo_extent.json; limit ${extent.marginM / 1000} km)${swapped ? '; with x and y exchanged it would lie in the city: check the axis order of this feature' : ''}${hint}`,
    });
  }
  return issues;
}
