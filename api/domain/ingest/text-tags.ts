/**
 * Text tags at ingest: the place names in a submission's free text (title, comment or
 * proposal text, short-text answers), found by the gazetteer, as `text` tags beside the
 * location tags. Text is the weakest source: a text tag is primary only when the submission
 * has no chosen area and no point inside the city (then the first area the text names).
 */
import type { CatalogueQuestion, GazetteerRecord, Store } from '../../store/index.ts';
import { buildGazetteer, type Gazetteer } from '../gazetteer/index.ts';
import { type AreaTag, type BoundarySet, withPrimary } from '../tagging/index.ts';

// The store hands back the same entries array until an entry changes (see listGazetteer), so
// a matcher is built once per change, not once per batch.
const built = new WeakMap<readonly GazetteerRecord[], Gazetteer>();

/** The gazetteer matcher over the store's current entries. */
export async function gazetteerOf(store: Pick<Store, 'listGazetteer'>): Promise<Gazetteer> {
  const entries = await store.listGazetteer();
  let gazetteer = built.get(entries);
  if (gazetteer === undefined) {
    gazetteer = buildGazetteer(entries);
    built.set(entries, gazetteer);
  }
  return gazetteer;
}

/** The free texts of an item that may name places: title, text, and answers to text questions. */
export function freeTexts(
  item: {
    title?: string | undefined;
    text?: string | undefined;
    answers?: readonly { questionId: string; questionVersion: number; value: unknown }[] | undefined;
  },
  questions: ReadonlyMap<string, CatalogueQuestion> | undefined,
): string[] {
  const texts = [item.title, item.text];
  for (const a of item.answers ?? []) {
    const kind = questions?.get(`${a.questionId}@${a.questionVersion}`)?.kind;
    if (kind === 'text' && typeof a.value === 'string') texts.push(a.value);
  }
  return texts.filter((t): t is string => t !== undefined && t.trim() !== '');
}

/**
 * `tags` (from the location) plus a `text` tag for each area the texts name that is in
 * `boundaries`, in order of first mention; primary re-chosen by precedence.
 */
export function withTextTags(
  tags: AreaTag[],
  texts: readonly string[],
  gazetteer: Gazetteer | undefined,
  boundaries: BoundarySet,
): AreaTag[] {
  if (gazetteer === undefined || texts.length === 0) return tags;
  // Separate texts are separate sentences: a title never runs on into the text.
  const codes = gazetteer.codes(texts.join('\n'));
  const known = new Set(boundaries.codes);
  const textTags = codes
    .filter((code) => known.has(code))
    .map((areaCode) => ({ areaCode, source: 'text' as const, boundaryVersion: boundaries.version }));
  if (textTags.length === 0) return tags;
  return withPrimary([...tags.map(({ primary: _, ...tag }) => tag), ...textTags]);
}
