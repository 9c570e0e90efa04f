/**
 * The new tags of one submission under a newly active boundary set. Pure: no I/O.
 *
 * - `point`: recomputed from the coarse cell (rules in ./cell.ts).
 * - `chosen` and `text`: the person's choice and the place names in the text do not depend on
 *   geometry; they carry over, marked uncertain when the area is not in the new set (an area
 *   removed or merged away).
 * - `staff`: a moderator's decision carries over as it is; marked uncertain too if its area is
 *   gone from the new set, so staff can find it.
 *
 * Primary, as at ingest, is the strongest source (staff > chosen > point > text), except that a
 * certain tag wins over an uncertain one: a chosen area that no longer exists should not outrank
 * the area the point falls in.
 */
import type { StoredTag } from '../../store/index.ts';
import { TAG_PRECEDENCE } from '../tagging/index.ts';
import type { CellTagger, PreviousPoint } from './cell.ts';

/** What {@link retagSubmission} needs besides the submission. */
export interface RetagContext {
  /** Cells tagged against the new set. */
  cells: CellTagger;
  /** Area codes of the new set. */
  codes: ReadonlySet<string>;
  /** The set a version's tags were computed against, when it is at hand (for cell rule 2). */
  previousSet(version: string): PreviousPoint['set'] | undefined;
}

/** The submission's new current tags, primary first, one per source and area. */
export function retagSubmission(
  subject: { cell: string | null; tags: readonly StoredTag[] },
  ctx: RetagContext,
): StoredTag[] {
  const version = ctx.cells.set.version;
  const tags: Omit<StoredTag, 'primary'>[] = [];
  const seen = new Set<string>();
  const add = (tag: Omit<StoredTag, 'primary'>) => {
    const key = `${tag.source}\u0000${tag.areaCode}`;
    if (seen.has(key)) return;
    seen.add(key);
    tags.push(tag);
  };
  const carried = (t: StoredTag, keepUncertain: boolean) => ({
    areaCode: t.areaCode,
    source: t.source,
    boundaryVersion: version,
    uncertain: !ctx.codes.has(t.areaCode) || (keepUncertain && t.uncertain === true),
  });

  for (const t of subject.tags) {
    if (t.source === 'staff') add(carried(t, true));
    else if (t.source === 'chosen' || t.source === 'text') add(carried(t, false));
  }

  const oldPoint = subject.tags.find((t) => t.source === 'point');
  if (subject.cell !== null) {
    const point = ctx.cells.tag(subject.cell, previousPoint(subject.tags, oldPoint, ctx));
    if (point)
      add({
        areaCode: point.areaCode,
        source: 'point',
        boundaryVersion: version,
        uncertain: point.uncertain,
      });
  } else if (oldPoint) {
    // A point tag without a cell cannot be recomputed (no stored submission is like this; the
    // cell is kept whenever a point is given). Keep it, honestly marked.
    add({ ...carried(oldPoint, true), uncertain: true });
  }
  return choosePrimary(tags);
}

/**
 * The old point answer, if it came from the exact point (not itself re-tagged uncertain) and its
 * set is at hand. A submission with tags but no point tag had its point outside every area.
 */
function previousPoint(
  tags: readonly StoredTag[],
  oldPoint: StoredTag | undefined,
  ctx: RetagContext,
): PreviousPoint | undefined {
  if (oldPoint?.uncertain) return undefined;
  const version = oldPoint?.boundaryVersion ?? tags[0]?.boundaryVersion;
  const set = version === undefined ? undefined : ctx.previousSet(version);
  return set ? { set, areaCode: oldPoint?.areaCode } : undefined;
}

function choosePrimary(tags: Omit<StoredTag, 'primary'>[]): StoredTag[] {
  const rank = (t: Omit<StoredTag, 'primary'>) =>
    (t.uncertain ? TAG_PRECEDENCE.length : 0) + TAG_PRECEDENCE.indexOf(t.source);
  return [...tags]
    .sort((a, b) => rank(a) - rank(b))
    .map((t, i) => {
      const { uncertain, ...rest } = t;
      return { ...rest, primary: i === 0, ...(uncertain ? { uncertain: true } : {}) };
    });
}
