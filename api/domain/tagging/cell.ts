/**
 * The coarse cell kept instead of an exact point.
 *
 * The exact GPS point is used once, for tagging, and then dropped. What is kept is the
 * south-west corner of a 0.005° × 0.005° grid cell: about 556 m north–south and, at
 * Malmö's latitude (55.6° N), about 315 m east–west. That is enough to re-tag input
 * when boundaries change (a cell that crosses a new border is marked uncertain) and
 * too coarse to point at a home.
 */
import type { LatLon } from './boundary-set.ts';

/** Size of a cell side, in degrees of latitude and longitude. */
export const CELL_DEGREES = 0.005;
const CELLS_PER_DEGREE = 1 / CELL_DEGREES;

/** The cell holding a point, as `"lat,lon"` of its south-west corner, e.g. `"55.590,13.005"`. */
export function coarseCell(point: LatLon): string {
  // Integer arithmetic first, so 55.59 does not become 55.589999… and land in the wrong cell.
  const lat = Math.floor(Math.round(point.lat * CELLS_PER_DEGREE * 1e6) / 1e6) / CELLS_PER_DEGREE;
  const lon = Math.floor(Math.round(point.lon * CELLS_PER_DEGREE * 1e6) / 1e6) / CELLS_PER_DEGREE;
  return `${lat.toFixed(3)},${lon.toFixed(3)}`;
}
