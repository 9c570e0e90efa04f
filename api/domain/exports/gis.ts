/**
 * GIS tools read a GeoJSON property as a column: QGIS and `ogr2ogr -f "ESRI Shapefile"` take a
 * number as a number but an object or array as a JSON string, and a Shapefile cuts a column
 * name to 10 characters. So the files for them carry one flat, numeric property per figure,
 * every name at most 10 characters, and coordinates at 6 decimals (about 0.1 m: more is noise
 * and weight).
 */

/** Coordinates rounded to 6 decimals, through any depth of nesting. */
export function roundCoordinates(geometry: unknown): unknown {
  if (typeof geometry === 'number') return Math.round(geometry * 1e6) / 1e6;
  if (Array.isArray(geometry)) return geometry.map(roundCoordinates);
  if (geometry && typeof geometry === 'object') {
    const g = geometry as Record<string, unknown>;
    return 'coordinates' in g || 'geometries' in g
      ? Object.fromEntries(
          Object.entries(g).map(([k, v]) => [
            k,
            k === 'coordinates' || k === 'geometries' ? roundCoordinates(v) : v,
          ]),
        )
      : g;
  }
  return geometry;
}

/**
 * The column of an insats in the open-data GeoJSON: `c_01`, `c_02`, … in the order of the
 * collection's `insatser`, `c_none` for input without an insats; `f5_01` … is 1 where the count
 * is "fewer than 5" (then `c_01` is 0, as in the totals), else 0.
 */
export function insatsFields(index: number | null): { count: `c_${string}`; fewer: `f5_${string}` } {
  const n = index === null ? 'none' : String(index + 1).padStart(2, '0');
  return { count: `c_${n}`, fewer: `f5_${n}` };
}

/** An indicator's figures for one area as flat columns (`ind_value`, `ind_year`, `t_2030`, …). */
export function indicatorFields(a: {
  latest: { year: number; value: number } | null;
  baseline: { year: number; value: number } | null;
  targets: readonly { year: number; value: number }[];
}): Record<string, number | null> {
  const out: Record<string, number | null> = {
    ind_value: a.latest?.value ?? null,
    ind_year: a.latest?.year ?? null,
    base_value: a.baseline?.value ?? null,
    base_year: a.baseline?.year ?? null,
  };
  for (const t of a.targets) out[`t_${t.year}`] = t.value;
  return out;
}
