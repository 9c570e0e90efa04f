/**
 * The point lookup as it was before issue 4 (flatbush, then point-in-polygon-hao on the nested
 * GeoJSON arrays, a fresh result array per search), kept only so the benchmark can show the
 * before and after in one run. The naive baseline (every polygon, no index) is here too.
 */
import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';

type Polygon = number[][][];

/** Areas as in Malmö's GeoJSON: code and polygons, sorted by code. */
export interface Areas {
  code: string;
  polygons: Polygon[];
}

/** The pre-issue-4 lookup: flatbush candidates, then hao on each; lowest code wins. */
export function legacyLocate(areas: readonly Areas[]): (lon: number, lat: number) => string | undefined {
  const boxes: { shape: number; polygon: Polygon }[] = [];
  const index = new Flatbush(areas.reduce((n, a) => n + a.polygons.length, 0));
  areas.forEach((area, shape) => {
    for (const polygon of area.polygons) {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x = 0, y = 0] of polygon[0] ?? []) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
      index.add(minX, minY, maxX, maxY);
      boxes.push({ shape, polygon });
    }
  });
  index.finish();
  return (lon, lat) => {
    let onBorder: number | undefined;
    let inside: number | undefined;
    for (const i of index.search(lon, lat, lon, lat)) {
      const box = boxes[i];
      if (box === undefined) continue;
      const hit = pointInPolygon([lon, lat], box.polygon);
      if (hit === true && (inside === undefined || box.shape < inside)) inside = box.shape;
      if (hit === 0 && (onBorder === undefined || box.shape < onBorder)) onBorder = box.shape;
    }
    const found = inside ?? onBorder;
    return found === undefined ? undefined : areas[found]?.code;
  };
}

/** No index: hao against every polygon of every area, in code order; inside beats a border. */
export function naiveLocate(areas: readonly Areas[]): (lon: number, lat: number) => string | undefined {
  return (lon, lat) => {
    let border: string | undefined;
    for (const { code, polygons } of areas) {
      for (const polygon of polygons) {
        const hit = pointInPolygon([lon, lat], polygon);
        if (hit === true) return code;
        if (hit === 0) border ??= code;
      }
    }
    return border;
  };
}

const PRECEDENCE = ['staff', 'chosen', 'point', 'text'];

/** The issue-2 tagSubmission for a point (spread and sort in withPrimary), over the issue-2 lookup. */
export function legacyTagPoint(
  locate: (lon: number, lat: number) => string | undefined,
  version: string,
): (lon: number, lat: number) => { areaCode: string; primary: boolean } | undefined {
  return (lon, lat) => {
    const tags: { areaCode: string; source: string; boundaryVersion: string }[] = [];
    const code = locate(lon, lat);
    if (code !== undefined) tags.push({ areaCode: code, source: 'point', boundaryVersion: version });
    const rank = (t: { source: string }) => PRECEDENCE.indexOf(t.source);
    return [...tags].sort((a, b) => rank(a) - rank(b)).map((tag, i) => ({ ...tag, primary: i === 0 }))[0];
  };
}
