/**
 * The area names a stored boundary set carries, for `store.saveAreaNames` when it is
 * activated from the staff screens (the import command has them from the file it read).
 *
 * An imported set is stored as api/domain/boundaries wrote it: `do_kod` normalised, `namn` the
 * display name when the file had display names, the stadsområde under
 * DEFAULT_DISTRICT_PROPERTY. Names that are all upper case are official labels, not display
 * names (the import's own rule), so a set with only those leaves the names people see alone;
 * areas new to the database then take Malmö's names from the lookup table, as on import.
 */
import { DEFAULT_DISTRICT_PROPERTY, malmoLookup } from '../../domain/boundaries/index.ts';
import { normaliseAreaCode } from '../../domain/tagging/index.ts';
import type { AreaNameRecord } from '../../store/index.ts';

/** The names and stadsområden of the areas in a stored set's GeoJSON text. */
export function areaNamesOf(geojson: string): AreaNameRecord[] {
  const parsed = JSON.parse(geojson) as { features?: { properties?: Record<string, unknown> | null }[] };
  const read = (parsed.features ?? []).flatMap(({ properties: p }) => {
    const code = normaliseAreaCode(p?.do_kod);
    if (code === undefined) return [];
    return [{ code, name: text(p?.namn), district: text(p?.[DEFAULT_DISTRICT_PROPERTY]) }];
  });
  const hasNames = read.some((a) => a.name !== undefined && a.name !== a.name.toUpperCase());
  return read.map(({ code, name, district }) => {
    const own = hasNames ? name : undefined;
    const known = malmoLookup().get(code);
    return {
      code,
      ...(own === undefined ? {} : { name: own }),
      ...(district === undefined ? {} : { district }),
      ...(own === undefined && known ? { fallbackName: known.name } : {}),
      ...(district === undefined && known?.district ? { fallbackDistrict: known.district } : {}),
    };
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
