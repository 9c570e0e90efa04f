/**
 * Start-up seeding, safe to run on every start: Malmö's 136 delområden and their boundary
 * set, the gazetteer of place names, and (with EXAMPLE_CONTENT=on) the example insatser.
 */
import { readFileSync } from 'node:fs';
import { parseGazetteerFile } from '../domain/gazetteer/index.ts';
import { PRESET_INDICATORS } from '../domain/indicators/presets.ts';
import { normaliseAreaCode } from '../domain/tagging/index.ts';
import type { AreaRecord, Store } from '../store/index.ts';
import { EXAMPLE_INSATSER } from './examples.ts';
import { INDICATOR_EXAMPLES } from './indicator-examples.ts';

/** Malmö's delområden, WGS84 (see api/data/malmo/SOURCES.txt for provenance). */
export const MALMO_GEOJSON = new URL('../data/malmo/malmo_delomraden_wgs84.geojson', import.meta.url);
/** Place names for text tagging (api/domain/gazetteer), seeded into the database for staff to edit. */
export const GAZETTEER_JSON = new URL('../data/malmo/gazetteer.json', import.meta.url);
/** The version name of the boundary set shipped with this release. */
export const MALMO_BOUNDARY_VERSION = 'malmo-delomraden-v1';

/**
 * Place names people use that are not delområden themselves, by area code: they let the area
 * list find "Seved". Text tagging uses the fuller gazetteer (GAZETTEER_JSON), not these.
 */
const ALIASES: Record<string, string[]> = {
  '11316': ['Möllan'],
  '11319': ['Seved'],
};

/** The areas in a delområden GeoJSON file (`do_kod`, `namn`, `stadsomrade_2013_2016`). */
export function areasFromGeojson(geojson: string): AreaRecord[] {
  const { features } = JSON.parse(geojson) as { features: { properties: Record<string, unknown> }[] };
  return features.map(({ properties: p }) => {
    const code = normaliseAreaCode(p.do_kod);
    if (code === undefined) throw new Error(`area without a usable do_kod: ${JSON.stringify(p)}`);
    return {
      code,
      name: String(p.namn),
      district: String(p.stadsomrade_2013_2016),
      aliases: ALIASES[code] ?? [],
    };
  });
}

/** Seeds what is missing; never overwrites areas or boundary sets staff may have changed. */
export async function seed(store: Store, options: { exampleContent: boolean }): Promise<void> {
  const geojson = readFileSync(MALMO_GEOJSON, 'utf8');
  await store.seedAreas(areasFromGeojson(geojson));
  await store.addBoundarySet({ version: MALMO_BOUNDARY_VERSION, geojson });
  await store.seedGazetteer(parseGazetteerFile(JSON.parse(readFileSync(GAZETTEER_JSON, 'utf8'))));
  if (options.exampleContent) {
    for (const insats of EXAMPLE_INSATSER) await store.saveInsats(insats, { published: true });
  } else {
    // Turning examples off on a database that had them withdraws them from the public.
    await store.setExamplesPublished(false);
  }
  // The preset indicators (UVAS and the index parts), with no values; examples only as such.
  await store.seedIndicators(PRESET_INDICATORS);
  await store.seedIndicatorExamples(options.exampleContent ? INDICATOR_EXAMPLES : null);
}
