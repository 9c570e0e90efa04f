/**
 * GeoJSON of the delområden (RFC 7946, WGS84): the active boundary set's geometry with
 * properties per area. The parsed set is kept per version (it is a few megabytes of text).
 * Rings are turned as RFC 7946 wants (outer counter-clockwise) here too: imports do so, but a
 * set stored before they did may still have the official file's clockwise rings.
 */
import { rewindGeometry } from '../boundaries/orientation.ts';
import { normaliseAreaCode } from '../tagging/index.ts';
import type { IndicatorMapValue } from '../../store/types.ts';

/** A delområde's geometry by code. */
export interface AreaGeometry {
  code: string;
  geometry: unknown;
}

let cached: { version: string; areas: AreaGeometry[] } | undefined;

/** The features of a boundary set's GeoJSON, by normalised code (`do_kod`, else `code`). */
export function areaGeometries(set: { version: string; geojson: string }): AreaGeometry[] {
  if (cached?.version === set.version) return cached.areas;
  const fc = JSON.parse(set.geojson) as {
    features?: { properties?: Record<string, unknown>; geometry?: unknown }[];
  };
  const areas = (fc.features ?? []).flatMap((f): AreaGeometry[] => {
    const code = normaliseAreaCode(f.properties?.do_kod ?? f.properties?.code);
    return code === undefined ? [] : [{ code, geometry: rewindGeometry(f.geometry ?? null) }];
  });
  cached = { version: set.version, areas };
  return areas;
}

/** A FeatureCollection of `areas` with `properties` per code; `extra` goes on the collection. */
export function featureCollection(
  areas: readonly AreaGeometry[],
  properties: (code: string) => Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    type: 'FeatureCollection' as const,
    ...extra,
    features: areas.map((a) => ({
      type: 'Feature' as const,
      id: a.code,
      properties: properties(a.code),
      geometry: a.geometry,
    })),
  };
}

/** An indicator's figures for one delområde: the latest measurement, the baseline, the targets. */
export interface AreaIndicator {
  latest: { year: number; value: number } | null;
  baseline: { year: number; value: number } | null;
  targets: { year: number; value: number }[];
}

/**
 * Per delområde code, the indicator's latest measurement, its baseline (the latest one stored)
 * and targets by year. A reporting-area value stands for each of its delområden.
 */
export function indicatorByArea(values: readonly IndicatorMapValue[]): Map<string, AreaIndicator> {
  const out = new Map<string, AreaIndicator>();
  const sorted = [...values].sort((a, b) => a.year - b.year);
  for (const v of sorted)
    for (const code of v.areaCodes) {
      const a = out.get(code) ?? { latest: null, baseline: null, targets: [] };
      const point = { year: v.year, value: v.value };
      if (v.kind === 'measurement') a.latest = point;
      else if (v.kind === 'baseline') a.baseline = point;
      else if (v.kind === 'target') a.targets = [...a.targets.filter((t) => t.year !== v.year), point];
      out.set(code, a);
    }
  return out;
}
