/**
 * The map's pointer gestures, for fingers, pens and the mouse (pointer events, one code path):
 * - two fingers pinch: zoom around the point between them (and move the map with them);
 * - one finger (or the mouse, zoomed in) drags: pan, without choosing the area where it ends;
 * - a finger or pen down: the name of the area under it is shown above it (`tip`), updated as
 *   it moves, so a person can feel their way to the right area before they tap;
 * - a tap is left to the area's own click (the map chooses it); a click right after a drag or a
 *   pinch is not a tap (`isAfterGesture`).
 * The map has `touch-action: none` (style.css), so the browser leaves these gestures to it; the
 * page still scrolls outside the map.
 */
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { type Box, centreOf, type Point, viewAt, zoomAround } from './geometry.ts';

/** Moves shorter than this (CSS px) are a tap that wobbled, not a drag. */
const DRAG_SLOP = 8;
/**
 * How long after a drag or pinch a click is taken to be its end, not a tap (ms). A new touch
 * ends it sooner; the limit is for clicks that come without one (a screen reader's).
 */
const AFTER_GESTURE_MS = 400;

/** The name tip: the area under the finger, at a position in the map's box (CSS px). */
export interface Tip {
  code: string;
  x: number;
  y: number;
}

export interface GestureOptions {
  svg: RefObject<SVGSVGElement | null>;
  full: Box;
  view: Box;
  zoom: number;
  maxZoom: number;
  /** Shows the map at `zoom` around `centre`. */
  setView: (zoom: number, centre: Point) => void;
}

interface Single {
  x: number;
  y: number;
  centre: Point;
  moved: boolean;
}

interface Pinch {
  distance: number;
  zoom: number;
  /** The map point between the fingers when the pinch began. */
  anchor: Point;
}

/** Pointer handlers for the map's `<svg>`, the name tip, and whether a click ends a gesture. */
export function useGestures(options: GestureOptions) {
  const latest = useRef(options);
  latest.current = options;
  const pointers = useRef(new Map<number, { x: number; y: number; type: string }>());
  const single = useRef<Single | undefined>(undefined);
  const pinch = useRef<Pinch | undefined>(undefined);
  const gestureEnd = useRef(-Infinity);
  const [tip, setTip] = useState<Tip | undefined>(undefined);

  /** A point on the screen in map units, through the SVG's own transform (letterboxing included). */
  const toMap = (x: number, y: number): Point | undefined => {
    const svg = latest.current.svg.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return undefined;
    const p = new DOMPoint(x, y).matrixTransform(ctm.inverse());
    return [p.x, p.y];
  };

  const showTip = (x: number, y: number) => {
    const svg = latest.current.svg.current;
    const hit = document.elementFromPoint(x, y)?.closest?.('[data-code]');
    const code = hit && svg?.contains(hit) ? hit.getAttribute('data-code') : null;
    const box = svg?.parentElement?.getBoundingClientRect();
    setTip(code && box ? { code, x: x - box.left, y: y - box.top } : undefined);
  };

  const startPinch = () => {
    const [a, b] = [...pointers.current.values()];
    if (!a || !b) return;
    const anchor = toMap((a.x + b.x) / 2, (a.y + b.y) / 2);
    if (!anchor) return;
    pinch.current = { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, zoom: latest.current.zoom, anchor };
    single.current = undefined;
    setTip(undefined);
  };

  const onPointerDown = (e: PointerEvent) => {
    const { zoom, view } = latest.current;
    // A new touch: its click is a tap, however soon after the last drag it comes.
    if (e.isPrimary) gestureEnd.current = -Infinity;
    // A mouse only drags a zoomed-in map; its clicks and other buttons stay clicks.
    if (e.pointerType === 'mouse' && (zoom === 1 || e.button !== 0)) return;
    // The first finger or the mouse starts a new gesture, whatever the last one left behind
    // (a mouse released outside the map never sent its pointerup here).
    if (e.isPrimary) {
      pointers.current.clear();
      pinch.current = undefined;
    }
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY, type: e.pointerType });
    if (pointers.current.size === 2) startPinch();
    else if (pointers.current.size === 1) {
      single.current = { x: e.clientX, y: e.clientY, centre: centreOf(view), moved: false };
      if (e.pointerType !== 'mouse') showTip(e.clientX, e.clientY);
    }
  };

  const onPointerMove = (e: PointerEvent) => {
    const pointer = pointers.current.get(e.pointerId);
    if (!pointer) return;
    if (pointer.type === 'mouse' && e.buttons === 0) return onPointerUp(e);
    pointer.x = e.clientX;
    pointer.y = e.clientY;
    const { full, view, zoom, maxZoom, setView, svg } = latest.current;
    const p = pinch.current;
    if (p) {
      const [a, b] = [...pointers.current.values()];
      if (!a || !b) return;
      const next = Math.min(maxZoom, Math.max(1, (p.zoom * Math.hypot(a.x - b.x, a.y - b.y)) / p.distance));
      const mid = toMap((a.x + b.x) / 2, (a.y + b.y) / 2);
      if (!mid) return;
      // Where the midpoint is now, as shares of the view shown.
      const at: Point = [(mid[0] - view[0]) / view[2], (mid[1] - view[1]) / view[3]];
      setView(next, centreOf(viewAt(full, next, zoomAround(full, next, p.anchor, at))));
      return;
    }
    const s = single.current;
    if (!s) return;
    const dx = e.clientX - s.x;
    const dy = e.clientY - s.y;
    if (!s.moved && Math.hypot(dx, dy) >= DRAG_SLOP) {
      s.moved = true;
      svg.current?.setPointerCapture?.(e.pointerId);
    }
    if (s.moved && zoom > 1) {
      const unit = view[2] / (svg.current?.getBoundingClientRect().width || 1);
      setView(zoom, centreOf(viewAt(full, zoom, [s.centre[0] - dx * unit, s.centre[1] - dy * unit])));
    }
    if (pointer.type !== 'mouse') showTip(e.clientX, e.clientY);
  };

  const onPointerUp = (e: PointerEvent) => {
    if (!pointers.current.delete(e.pointerId)) return;
    if (pinch.current || single.current?.moved) gestureEnd.current = performance.now();
    if (pointers.current.size === 1 && pinch.current) {
      // One finger lifted from a pinch: the other one drags on from here.
      const [rest] = [...pointers.current.values()];
      pinch.current = undefined;
      if (rest) single.current = { x: rest.x, y: rest.y, centre: centreOf(latest.current.view), moved: true };
    } else if (pointers.current.size === 0) {
      pinch.current = undefined;
      single.current = undefined;
      setTip(undefined);
    }
  };

  return {
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: onPointerUp,
      // A long press would open the browser's menu over the map.
      onContextMenu: (e: Event) => {
        if (pointers.current.size > 0) e.preventDefault();
      },
    },
    tip,
    /** Whether a click now is the end of a drag or pinch rather than a tap. */
    isAfterGesture: () => performance.now() - gestureEnd.current < AFTER_GESTURE_MS,
  };
}
