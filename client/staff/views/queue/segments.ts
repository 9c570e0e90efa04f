/**
 * A field's text cut into plain and flagged pieces, for highlighting what the automatic checks
 * found. Overlapping flags (a personnummer that is also read as a phone number) become one
 * highlighted piece with every kind named.
 */
import type { FlagKind, QueueFlag } from '../../../../common/wire/moderation.ts';

export interface Segment {
  text: string;
  /** Offset of the piece in the field's text. */
  start: number;
  /** The kinds of flag covering the piece; empty: plain text. */
  kinds: FlagKind[];
}

/** The span flags of `field`, clamped to `text` (empty or inverted spans dropped). */
export function fieldFlags(flags: readonly QueueFlag[], field: string, text: string): QueueFlag[] {
  return flags
    .filter((f) => f.field === field && f.start !== null && f.end !== null)
    .map((f) => ({ ...f, start: Math.max(0, f.start ?? 0), end: Math.min(text.length, f.end ?? 0) }))
    .filter((f) => (f.end ?? 0) > (f.start ?? 0));
}

/** `text` as pieces: overlapping flagged spans merged, kinds in their first-seen order. */
export function segments(text: string, flags: readonly QueueFlag[]): Segment[] {
  const spans = flags
    .filter((f) => f.start !== null && f.end !== null)
    .map((f) => ({ start: f.start as number, end: f.end as number, kind: f.kind }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number; kinds: FlagKind[] }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (!last.kinds.includes(s.kind)) last.kinds.push(s.kind);
    } else merged.push({ start: s.start, end: s.end, kinds: [s.kind] });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), start: at, kinds: [] });
    out.push({ text: text.slice(m.start, m.end), start: m.start, kinds: m.kinds });
    at = m.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), start: at, kinds: [] });
  return out;
}

/**
 * The field's flags after `span` was replaced by a text `delta` characters longer (negative:
 * shorter): flags inside or across it are gone, flags after it move.
 */
export function shiftFlags(
  flags: readonly QueueFlag[],
  field: string,
  span: { start: number; end: number },
  delta: number,
): QueueFlag[] {
  const out: QueueFlag[] = [];
  for (const f of flags) {
    if (f.field !== field || f.start === null || f.end === null) {
      out.push(f);
      continue;
    }
    if (f.end <= span.start) out.push(f);
    else if (f.start >= span.end) out.push({ ...f, start: f.start + delta, end: f.end + delta });
  }
  return out;
}
