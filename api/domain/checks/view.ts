/**
 * The text the detectors read: what a person SEES, not the code points that were sent.
 *
 * Personal data can be hidden from a pattern without hiding it from a reader: zero-width
 * characters or soft hyphens between the digits of a personnummer, compatibility forms
 * (full-width or mathematical digits, ligatures), or a number typed backwards after a
 * right-to-left override so that it displays the right way round. The view drops every default
 * ignorable and bidirectional control character, folds each code point to NFKC, and lays
 * overridden runs out in display order. Each code unit of the view remembers the span of the
 * original it came from, so flags still index the text exactly as submitted.
 */
import type { Span } from './types.ts';

/** The detectors' reading of a text, with the way back to the original's offsets. */
export interface DetectionView {
  text: string;
  /** The smallest span of the original that holds everything `span` of the view came from. */
  toOriginal(span: Span): Span;
}

/** Invisible: default ignorable code points, which include every bidi control, and the Arabic letter mark. */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\u061c]$/u;
const LRO = 0x202d;
const RLO = 0x202e;
const PDF = 0x202c;
/** Embeddings and isolates end where an override does not: they nest, but no run reverses. */
const EMBED_OR_ISOLATE = new Set([0x202a, 0x202b, 0x2066, 0x2067, 0x2068]);
const POP_ISOLATE = 0x2069;
const PARAGRAPH_END = /^[\n\r\u2029\u0085]$/u;
const ASCII_ONLY = /^\p{ASCII}*$/u;

interface Piece {
  out: string;
  start: number;
  end: number;
}

/**
 * The detection view of `original`. For plain text (ASCII with no invisible characters, by
 * far the common case) the view is the text itself.
 */
export function detectionView(original: string): DetectionView {
  if (!hasInvisible(original) && (ASCII_ONLY.test(original) || original.normalize('NFKC') === original)) {
    return { text: original, toOriginal: (span) => ({ start: span.start, end: span.end }) };
  }
  const pieces: Piece[] = [];
  // The bidi stack: for each open embedding, override or isolate, whether it reverses the run.
  const stack: boolean[] = [];
  let reversedFrom = -1;
  const closeRun = () => {
    if (reversedFrom >= 0) {
      const run = pieces.splice(reversedFrom).reverse();
      pieces.push(...run);
    }
    reversedFrom = -1;
  };
  const reversing = () => stack.at(-1) === true;

  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const end = i + ch.length;
    if (cp === RLO || cp === LRO || EMBED_OR_ISOLATE.has(cp)) {
      closeRun();
      stack.push(cp === RLO);
      if (reversing()) reversedFrom = pieces.length;
    } else if (cp === PDF || cp === POP_ISOLATE) {
      closeRun();
      stack.pop();
      if (reversing()) reversedFrom = pieces.length;
    } else if (PARAGRAPH_END.test(ch)) {
      // A paragraph ends every embedding and override (Unicode bidi algorithm, rule X8).
      closeRun();
      stack.length = 0;
      pieces.push({ out: ch, start: i, end });
    } else if (!INVISIBLE.test(ch)) {
      pieces.push({ out: ch.normalize('NFKC'), start: i, end });
    }
    i = end;
  }
  closeRun();

  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const piece of pieces) {
    text += piece.out;
    for (let k = 0; k < piece.out.length; k++) {
      starts.push(piece.start);
      ends.push(piece.end);
    }
  }
  return {
    text,
    toOriginal(span) {
      let start = Number.POSITIVE_INFINITY;
      let stop = 0;
      for (let k = span.start; k < span.end; k++) {
        start = Math.min(start, starts[k] ?? start);
        stop = Math.max(stop, ends[k] ?? stop);
      }
      return start <= stop ? { start, end: stop } : { start: span.start, end: span.end };
    },
  };
}

function hasInvisible(text: string): boolean {
  return /[\p{Default_Ignorable_Code_Point}\u061c]/u.test(text);
}
