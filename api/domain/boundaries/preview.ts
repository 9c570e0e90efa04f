/**
 * What activating a new boundary set would change, against the active one: which codes come,
 * which go, which areas change shape, and how many stay as they are.
 */
import { type MetricShape, symmetricDifference } from './measure.ts';

/**
 * An area whose old and new shapes differ by more than this (m², symmetric difference) is
 * reshaped. Converting the same polygons between systems and rounding to 7 decimals moves
 * vertices by millimetres: for Malmö's largest area (20 km of border) that is about 40 m².
 * Anything less than a 10 m × 10 m patch is not a change worth re-tagging for.
 */
export const RESHAPE_TOLERANCE_M2 = 100;

/** The preview of an import. */
export interface ImportPreview {
  /** The active set's version, or null when no set is active yet. */
  against: string | null;
  added: string[];
  removed: string[];
  /** Codes in both whose shape changed, with how much (m², symmetric difference). */
  reshaped: { code: string; changedM2: number }[];
  unchanged: number;
}

/** Compares `next` with `active` (both in metres), by code. */
export function previewAgainst(
  next: readonly MetricShape[],
  active: { version: string; shapes: readonly MetricShape[] } | undefined,
): ImportPreview {
  const sortCodes = (codes: string[]) => codes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (active === undefined)
    return {
      against: null,
      added: sortCodes(next.map((s) => s.code)),
      removed: [],
      reshaped: [],
      unchanged: 0,
    };
  const old = new Map(active.shapes.map((s) => [s.code, s]));
  const nextCodes = new Set(next.map((s) => s.code));
  const preview: ImportPreview = {
    against: active.version,
    added: [],
    removed: sortCodes(active.shapes.map((s) => s.code).filter((c) => !nextCodes.has(c))),
    reshaped: [],
    unchanged: 0,
  };
  for (const shape of next) {
    const before = old.get(shape.code);
    if (before === undefined) {
      preview.added.push(shape.code);
      continue;
    }
    // Same numbers, same shape: skip the (costlier) clipping.
    if (JSON.stringify(before.polygons) === JSON.stringify(shape.polygons)) {
      preview.unchanged += 1;
      continue;
    }
    const changed = symmetricDifference(before, shape);
    if (changed > RESHAPE_TOLERANCE_M2)
      preview.reshaped.push({ code: shape.code, changedM2: Math.round(changed) });
    else preview.unchanged += 1;
  }
  sortCodes(preview.added);
  preview.reshaped.sort((a, b) => (a.code < b.code ? -1 : 1));
  return preview;
}
