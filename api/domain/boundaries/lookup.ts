/**
 * Malmö's own names for its delområden (api/data/malmo/malmo_delomraden_lookup.csv): the
 * display name and stadsområde per code. An import of a file without display names (the
 * official EPSG:3008 file has only upper-case labels) names new areas from here, not by their
 * codes.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { normaliseAreaCode } from '../tagging/index.ts';

/** A delområde's name and stadsområde from the lookup table. */
export interface LookupName {
  name: string;
  district: string;
}

/** Where the shipped table is. */
export const MALMO_LOOKUP_CSV = new URL('../../data/malmo/malmo_delomraden_lookup.csv', import.meta.url);

/** Reads the table (`do_kod`, `namn`, `stadsomrade_2013_2016`), by normalised code. */
export function parseLookup(text: string): ReadonlyMap<string, LookupName> {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const out = new Map<string, LookupName>();
  for (const row of rows) {
    const code = normaliseAreaCode(row.do_kod);
    const name = row.namn?.trim();
    if (code === undefined || !name) continue;
    out.set(code, { name, district: row.stadsomrade_2013_2016?.trim() ?? '' });
  }
  return out;
}

let malmo: ReadonlyMap<string, LookupName> | undefined;

/** Malmö's table, read once. */
export function malmoLookup(): ReadonlyMap<string, LookupName> {
  malmo ??= parseLookup(readFileSync(MALMO_LOOKUP_CSV, 'utf8'));
  return malmo;
}
