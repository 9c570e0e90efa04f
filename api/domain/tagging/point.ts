/**
 * Where a point falls, said outright: in one area, or outside the city. A point outside every
 * area of the set gets no point tag; callers that want to tell the person ("you seem to be
 * outside Malmö") or count such input use this instead of reading an empty tag list.
 */
import type { BoundarySet, LatLon } from './boundary-set.ts';

/** The area holding a point, or that it lies outside every area (outside the city). */
export type PointPlace =
  | { areaCode: string; outsideCity: false }
  | { areaCode: undefined; outsideCity: true };

/** Places `point` in `boundaries`: a border point goes to the lowest code (see BoundarySet.locate). */
export function placePoint(point: LatLon, boundaries: BoundarySet): PointPlace {
  const areaCode = boundaries.locate(point);
  return areaCode === undefined
    ? { areaCode: undefined, outsideCity: true }
    : { areaCode, outsideCity: false };
}
