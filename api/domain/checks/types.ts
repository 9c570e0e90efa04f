/**
 * Flag kinds and the span shape shared by every detector.
 *
 * A flag never rejects input: it orders the staff queue and marks what must not reach the public
 * unreviewed. Spans are UTF-16 offsets into the text exactly as submitted, so the staff screen can
 * highlight `text.slice(start, end)` without re-running any detector.
 */

/** Every flag kind, including `near-duplicate`, which has no span (it concerns the whole text). */
export const FLAG_KINDS = [
  'personnummer',
  'samordningsnummer',
  'phone',
  'email',
  'link',
  'offensive',
  'near-duplicate',
] as const;

/** Any flag kind a submission can carry. */
export type FlagKind = (typeof FLAG_KINDS)[number];

/** The kinds `checkText` finds inside a text, each with a span. */
export type TextFlagKind = Exclude<FlagKind, 'near-duplicate'>;

/** One match: `text.slice(start, end)` is the matched text (UTF-16 offsets, `end` exclusive). */
export interface Flag {
  kind: TextFlagKind;
  start: number;
  end: number;
}

/** A half-open span, as produced by the individual detectors before they are tagged with a kind. */
export interface Span {
  start: number;
  end: number;
}

/** True when two half-open spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Sorts spans and merges those that overlap into their union. Detectors that try several readings of
 * the same text (disguised e-mail forms, leetspeak) use it so one place in the text yields one span.
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}
