/**
 * Reading a text aloud with the device's own voice (`speechSynthesis`; nothing leaves the phone).
 * Loaded only when someone presses Lyssna, so it costs the first load nothing.
 *
 * The text is read sentence by sentence (one utterance each, split with `Intl.Segmenter` where
 * there is one): each sentence is marked while it is read (the CSS Custom Highlight API, where
 * supported), and the whole text carries `is-read-aloud` meanwhile. One utterance per sentence
 * rather than `boundary` events, because many voices (espeak among them) send no boundaries.
 */

/** What can be done with a text being read. */
export interface Reading {
  pause(): void;
  resume(): void;
  stop(): void;
}

const HIGHLIGHT = 'listen-sentence';

/** The text nodes of `el` with where each starts in its whole text. */
function textNodes(el: HTMLElement): { node: Text; start: number }[] {
  const nodes: { node: Text; start: number }[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    nodes.push({ node, start: at });
    at += node.data.length;
  }
  return nodes;
}

/** A Range over [from, to) of the whole text of `nodes`. */
function rangeOf(nodes: { node: Text; start: number }[], from: number, to: number): Range | undefined {
  const at = (offset: number, end: boolean) => {
    const hit = nodes.find((n) =>
      end
        ? offset > n.start && offset <= n.start + n.node.data.length
        : offset < n.start + n.node.data.length,
    );
    return hit ? { node: hit.node, offset: offset - hit.start } : undefined;
  };
  const start = at(from, false);
  const end = at(to, true);
  if (!start || !end) return undefined;
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/** Sentences of `text` as [start, end) offsets, blank ones left out. */
function sentences(text: string, lang: string): [number, number][] {
  const parts: [number, number][] = [];
  if (typeof Intl.Segmenter === 'function') {
    for (const s of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)) {
      if (s.segment.trim()) parts.push([s.index, s.index + s.segment.length]);
    }
  } else if (text.trim()) {
    parts.push([0, text.length]);
  }
  return parts;
}

function mark(range: Range | undefined): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return;
  if (range) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  else CSS.highlights.delete(HIGHLIGHT);
}

/**
 * Reads the text of `el` aloud with `voice`, marking what is read; `onDone` is called once when
 * it ends, is stopped, or fails. Anything read before is stopped first.
 */
export function readAloud(el: HTMLElement, voice: SpeechSynthesisVoice, onDone: () => void): Reading {
  const synth = window.speechSynthesis;
  synth.cancel();
  const nodes = textNodes(el);
  const text = nodes.map((n) => n.node.data).join('');
  const parts = sentences(text, voice.lang);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    el.classList.remove('is-read-aloud');
    mark(undefined);
    onDone();
  };
  el.classList.add('is-read-aloud');
  if (parts.length === 0) finish();
  parts.forEach(([from, to], i) => {
    const utterance = new SpeechSynthesisUtterance(text.slice(from, to));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onstart = () => {
      if (!done) mark(rangeOf(nodes, from, to));
    };
    utterance.onerror = finish;
    if (i === parts.length - 1) utterance.onend = finish;
    synth.speak(utterance);
  });
  return {
    pause: () => synth.pause(),
    resume: () => synth.resume(),
    stop: () => {
      synth.cancel();
      finish();
    },
  };
}
