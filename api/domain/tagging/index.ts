/**
 * Tagging: which delområden a submission is about. Pure: no I/O, no clock.
 *
 * Sources, strongest first: `staff` (a moderator), `chosen` (the person picked the area),
 * `point` (the phone's position, with consent), `text` (a place name in the text: the
 * gazetteer, api/domain/gazetteer, applied at ingest).
 * The person's own choice beats where the phone happened to be.
 */
import type { TagSource } from '../../../common/wire/index.ts';
import type { BoundarySet, LatLon } from './boundary-set.ts';

export type { BoundarySet, Box, LatLon } from './boundary-set.ts';
export { BoundarySetError, buildBoundarySet, normaliseAreaCode } from './boundary-set.ts';
export { CELL_DEGREES, coarseCell } from './cell.ts';
export { type PointPlace, placePoint } from './point.ts';

/** Strongest first: the primary tag is the first source present in this list. */
export const TAG_PRECEDENCE: readonly TagSource[] = ['staff', 'chosen', 'point', 'text'];

/** One link from a submission to a delområde. */
export interface AreaTag {
  areaCode: string;
  source: TagSource;
  /** The boundary set the tag was computed against. */
  boundaryVersion: string;
  primary: boolean;
}

/** What a submission says about where it is: a chosen area and/or a point. */
export interface LocationInput {
  areaCode?: string | undefined;
  point?: LatLon | undefined;
}

/**
 * Tags a submission's location against a boundary set.
 * A point outside every area gives no point tag (it is outside the city).
 * The result is ordered primary first, then by precedence.
 */
export function tagSubmission(location: LocationInput, boundaries: BoundarySet): AreaTag[] {
  const tags: Omit<AreaTag, 'primary'>[] = [];
  if (location.areaCode !== undefined) {
    tags.push({ areaCode: location.areaCode, source: 'chosen', boundaryVersion: boundaries.version });
  }
  if (location.point !== undefined) {
    const code = boundaries.locate(location.point);
    if (code !== undefined)
      tags.push({ areaCode: code, source: 'point', boundaryVersion: boundaries.version });
  }
  return withPrimary(tags);
}

/** Marks the strongest tag primary and orders the tags strongest first (stable within a source). */
export function withPrimary(tags: readonly Omit<AreaTag, 'primary'>[]): AreaTag[] {
  // Ingest calls this for every item: no tags or one tag (a chosen area or a point) is the
  // usual case and needs no sorting. Object.assign, not spread: several times faster here
  // (bench/tagging.ts, the tagSubmission row).
  if (tags.length === 0) return [];
  if (tags.length === 1) return [Object.assign({}, tags[0] as Omit<AreaTag, 'primary'>, { primary: true })];
  const rank = (t: { source: TagSource }) => TAG_PRECEDENCE.indexOf(t.source);
  return [...tags]
    .sort((a, b) => rank(a) - rank(b))
    .map((tag, i) => Object.assign({}, tag, { primary: i === 0 }));
}
