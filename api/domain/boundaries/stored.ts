/**
 * Checking a boundary set that is already stored (WGS84, as imports store it) before it is
 * activated: a set stored before imports were checked against the city's extent may have its
 * axes exchanged or lie elsewhere, and would then tag nothing.
 */
import { type CityExtent, fileExtentIssue, MALMO_EXTENT, outsideExtentIssues } from './extent.ts';
import { boundsOf, readFeatures } from './features.ts';
import type { ImportIssue } from './issues.ts';
import { toMetric } from './measure.ts';

/** The extent's refusals for a stored set's GeoJSON (codes under `do_kod`); empty when it is fine. */
export function storedSetIssues(geojson: unknown, extent: CityExtent = MALMO_EXTENT): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const raw = (geojson as { features?: unknown } | null)?.features;
  const features = readFeatures(
    { features: Array.isArray(raw) ? raw : [] },
    { code: 'do_kod', names: [] },
    issues,
  );
  if (issues.length > 0) return issues;
  const box = boundsOf(features);
  if (box === undefined) return [{ kind: 'empty', message: 'the set has no coordinates' }];
  const placed = fileExtentIssue(box, { crs: 'EPSG:4326', from: 'stored set' }, extent);
  if (placed) return [placed];
  const shapes = features.map((f) => toMetric(f.index, f.code, f.polygons));
  const rawBoxes = new Map(features.map((f) => [f.index, boundsOf([f]) ?? box] as const));
  return outsideExtentIssues(shapes, rawBoxes, '', extent);
}
