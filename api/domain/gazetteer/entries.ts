/**
 * Gazetteer entries as data: the schema staff edits and the seed file must meet.
 */
import * as v from 'valibot';
import type { GazetteerEntry } from './index.ts';

/** One entry, as stored and as written in api/data/malmo/gazetteer.json. */
export const GazetteerEntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z]+:[\p{L}\p{N}-]+$/u, 'an id like "alias:seved"')),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  codes: v.array(v.pipe(v.string(), v.regex(/^\d+$/, 'a delområde code'))),
  ambiguous: v.optional(v.nullable(v.picklist(['word', 'place', 'name', 'elsewhere']))),
  vetoWords: v.optional(v.array(v.pipe(v.string(), v.minLength(1)))),
  note: v.optional(v.nullable(v.string())),
  /** Where the entry comes from (see docs/areas.md); kept in the seed file, not in the table. */
  source: v.optional(v.nullable(v.picklist(['lookup-csv', 'everyday', 'landmark', 'arabic', 'misspelling']))),
});

/** The seed file: a description and the entries. */
const GazetteerFileSchema = v.object({
  description: v.optional(v.string()),
  entries: v.array(GazetteerEntrySchema),
});

/** Reads the seed file's JSON; throws naming the entry and field that is wrong. */
export function parseGazetteerFile(json: unknown): GazetteerEntry[] {
  const parsed = v.safeParse(GazetteerFileSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new Error(`gazetteer file: ${path}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const entry of parsed.output.entries) {
    if (ids.has(entry.id)) throw new Error(`gazetteer file: entry id ${entry.id} appears twice`);
    ids.add(entry.id);
  }
  return parsed.output.entries;
}
