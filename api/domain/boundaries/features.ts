/**
 * Reading a boundary file's features: codes, names and the shape of the geometry, with an
 * error per problem that says which feature, polygon, ring and position it is about.
 * Checks here are on the numbers as written (closure and touching are about exact equality);
 * checks that need metres (zero area, distance, overlap) come after conversion.
 */
import { normaliseAreaCode } from '../tagging/index.ts';
import type { ImportIssue } from './issues.ts';

/** Positions are [x, y]; a polygon is rings, outer first; a shape is one or more polygons. */
export type Ring = number[][];
export type Polygon = Ring[];

/** A feature that passed the structural checks. */
export interface ReadFeature {
  /** Position in the file's `features` array. */
  index: number;
  code: string;
  /** Display name, when the file has one for this feature. */
  name?: string;
  properties: Record<string, unknown>;
  polygons: Polygon[];
}

/** Which properties hold the code and the name. */
export interface PropertyNames {
  code: string;
  /** Tried in order; the first present wins. */
  names: readonly string[];
}

/** Reads the features; every problem found is added to `issues` (features with one are left out). */
export function readFeatures(
  fc: { features: unknown[] },
  props: PropertyNames,
  issues: ImportIssue[],
): ReadFeature[] {
  const out: ReadFeature[] = [];
  const firstByCode = new Map<string, number>();
  fc.features.forEach((raw, index) => {
    const f = raw as { type?: unknown; properties?: unknown; geometry?: unknown };
    const properties = (f?.properties ?? {}) as Record<string, unknown>;
    const rawCode = properties[props.code];
    const code = normaliseAreaCode(rawCode);
    const where = `feature ${index}${code === undefined ? '' : ` (code ${code})`}`;
    if (f === null || typeof f !== 'object' || f.type !== 'Feature') {
      issues.push({ kind: 'not-a-feature', feature: index, message: `${where}: is not a GeoJSON Feature` });
      return;
    }
    if (code === undefined) {
      const found = rawCode === undefined ? 'missing' : JSON.stringify(rawCode);
      issues.push({
        kind: 'code-missing',
        feature: index,
        message: `${where}: no area code in property "${props.code}" (${found}; a whole number like 11319 is expected)`,
      });
    } else if (firstByCode.has(code)) {
      issues.push({
        kind: 'code-duplicate',
        feature: index,
        areaCode: code,
        message: `${where}: area code ${code} is already used by feature ${firstByCode.get(code)}`,
      });
    } else {
      firstByCode.set(code, index);
    }
    const before = issues.length;
    const polygons = readGeometry(f.geometry, where, index, code, issues);
    if (code === undefined || issues.length > before || polygons === undefined) return;
    const name = props.names
      .map((p) => properties[p])
      .find((v): v is string => typeof v === 'string' && v.trim() !== '');
    out.push({ index, code, properties, polygons, ...(name === undefined ? {} : { name: name.trim() }) });
  });
  if (fc.features.length === 0) issues.push({ kind: 'empty', message: 'the file has no features' });
  return out;
}

function readGeometry(
  geometry: unknown,
  where: string,
  feature: number,
  areaCode: string | undefined,
  issues: ImportIssue[],
): Polygon[] | undefined {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  const at = { feature, ...(areaCode === undefined ? {} : { areaCode }) };
  if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') {
    const type = g === null || g === undefined ? 'no geometry' : `a ${String(g.type)}`;
    issues.push({
      kind: 'geometry-type',
      ...at,
      message: `${where}: has ${type}; only Polygon and MultiPolygon are allowed`,
    });
    return undefined;
  }
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) {
    issues.push({ kind: 'position-invalid', ...at, message: `${where}: the ${g.type} has no coordinates` });
    return undefined;
  }
  polygons.forEach((polygon: unknown, p) => {
    const label = g.type === 'Polygon' ? where : `${where}, polygon ${p}`;
    if (!Array.isArray(polygon) || polygon.length === 0) {
      issues.push({
        kind: 'position-invalid',
        ...at,
        message: `${label}: a polygon must be a list of rings`,
      });
      return;
    }
    polygon.forEach((ring: unknown, r) => {
      checkRing(ring, `${label}, ring ${r}${r === 0 ? ' (outer)' : ' (hole)'}`, at, issues);
    });
  });
  return polygons as Polygon[];
}

/** Positions, closure, length and touching of one ring. */
function checkRing(
  ring: unknown,
  label: string,
  at: { feature: number; areaCode?: string },
  issues: ImportIssue[],
): void {
  if (!Array.isArray(ring)) {
    issues.push({ kind: 'position-invalid', ...at, message: `${label}: is not a list of positions` });
    return;
  }
  const bad = ring.findIndex(
    (p) => !Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]),
  );
  if (bad >= 0) {
    issues.push({
      kind: 'position-invalid',
      ...at,
      message: `${label}, position ${bad}: ${JSON.stringify(ring[bad])} is not a pair of numbers`,
    });
    return;
  }
  const positions = ring as Ring;
  if (positions.length < 4) {
    issues.push({
      kind: 'ring-degenerate',
      ...at,
      message: `${label}: has ${positions.length} positions; a ring needs at least 4 (a triangle and the closing position)`,
    });
    return;
  }
  const first = positions[0] as number[];
  const last = positions[positions.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    issues.push({
      kind: 'ring-unclosed',
      ...at,
      message: `${label}: is not closed: it starts at [${first.join(', ')}] and ends at [${last.join(', ')}]`,
    });
    return;
  }
  // The same position twice, not next to each other, pinches the ring into two loops: a
  // ring touching itself, which GIS tools call invalid and which makes inside/outside unclear.
  // A position repeated right after itself is only a zero-length edge, and harmless.
  const seen = new Map<string, number>();
  for (let i = 0; i < positions.length - 1; i++) {
    const p = positions[i] as number[];
    const key = `${p[0]},${p[1]}`;
    const earlier = seen.get(key);
    const previous = positions[i - 1];
    if (earlier !== undefined && !(previous && previous[0] === p[0] && previous[1] === p[1])) {
      issues.push({
        kind: 'ring-degenerate',
        ...at,
        message: `${label}: touches itself: position ${i} [${p.join(', ')}] repeats position ${earlier}`,
      });
      return;
    }
    if (earlier === undefined) seen.set(key, i);
  }
}

/** The bounding box of every position of `features`, or undefined when there is none. */
export function boundsOf(
  features: readonly { polygons: Polygon[] }[],
): [number, number, number, number] | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of features)
    for (const polygon of f.polygons)
      for (const ring of polygon)
        for (const p of ring) {
          const x = p[0] as number;
          const y = p[1] as number;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
  return minX === Infinity ? undefined : [minX, minY, maxX, maxY];
}
