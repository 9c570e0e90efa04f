/**
 * An SVG map of the delområden, drawn from `GET /api/areas/map` (projected and simplified on the
 * server). No tiles, no map library: it works offline once the data is cached.
 *
 * Two uses, one component:
 * - **Picker** (`onSelect`): tap an area to choose it. On touch (./gestures.ts): pinch to zoom,
 *   drag to pan, and while a finger is down the name of the area under it is shown above it.
 *   Keyboard: the map is ONE tab stop (a
 *   roving tabindex, not 136): Tab lands on the chosen area (or the one in the middle), the arrow
 *   keys move to the neighbouring area in that direction, typing letters jumps to an area by name
 *   (as in a list), Home/End go to the first/last by name, Enter or Space chooses, + and − zoom.
 *   Each area is a button named after the area, `aria-pressed` on the chosen one, as in the list.
 * - **Choropleth** (`values`): areas coloured in classes by a number, with a legend in words and
 *   numbers; each area's name says its value. Without `onSelect` the map is one image (role img)
 *   and the numbers must be in a table beside it (the dashboard has one).
 *
 * Never mirrored (dir="ltr" also in Arabic): west stays left, and the arrow keys follow the map.
 * The chosen area is hatched and outlined, not only coloured; the focused one has a black and
 * white ring that shows on any fill, and its name is written on the map. Other areas' names are
 * written where they fit at the current zoom (./labels.ts), as decoration: every area is already
 * named in the accessibility tree. The areas are in the tree (and the DOM) in name order, as in
 * the list, so a screen reader meets them alphabetically; everything drawn on top of them (the
 * chosen area, the focus ring, the names) is a separate layer.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { AreaMap as AreaMapData } from '../../../common/wire/index.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { useGestures } from './gestures.ts';
import {
  ARROWS,
  type Box,
  centreOf,
  fitBox,
  isWellInside,
  nearest,
  nextInDirection,
  type Point,
  viewAt,
} from './geometry.ts';
import { boundsOf, decodePath, placeLabels } from './labels.ts';
import { NameLayer, type Position, PositionMarker } from './layers.tsx';
import { colourOf, NO_VALUE, scaleClasses } from './scale.ts';
import './style.css';

export interface AreaMapProps {
  data: AreaMapData;
  /** Display name per area code (from `GET /api/areas`); the code is shown when one is missing. */
  names: Readonly<Record<string, string>>;
  /** The map's accessible name. */
  label: string;
  /** Id of the element that says how to use the map. */
  describedBy?: string;
  /** The chosen area: hatched, outlined, `aria-pressed`, and where the keyboard starts. */
  selected?: string | undefined;
  /** Makes areas choosable by tap, click, Enter or Space. Without it the map is a picture. */
  onSelect?: (code: string) => void;
  /** Choropleth: a number per area code; areas without one are drawn as "no value". */
  values?: Readonly<Record<string, number>>;
  /** How values are written in names and the legend (default: the language's number format). */
  formatValue?: (value: number) => string;
  /** The legend's heading (choropleth only). */
  legendTitle?: string;
  /** Moves focus to the map's current area once it is drawn (after "Change area"). */
  autoFocus?: boolean;
  /**
   * The person's position, when they have shared it: in map units (the viewBox's metres), with
   * how far off it may be (metres), drawn as a marker in a circle of that radius.
   */
  position?: Position | undefined;
}

/** Zoom steps; 8× shows about 2 km of the city across a phone. */
const MAX_ZOOM = 8;
/** Typed letters within this many ms make one search ("sö", "södra s"). */
const TYPEAHEAD_MS = 800;
/** The areas' names, in CSS px at the browser's default text size (they follow its text size). */
const LABEL_PX = 12;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The map. See the module comment for the keyboard model. */
export function AreaMap(props: AreaMapProps) {
  const { data, names, label, describedBy, selected, onSelect, values, legendTitle, autoFocus, position } =
    props;
  const formatValue = props.formatValue ?? formatNumber;
  const uid = useId();
  const full = data.viewBox as Box;
  const labels = useMemo(() => new Map(data.areas.map((a) => [a.code, a.label as Point])), [data]);
  const nameOf = (code: string) => names[code] ?? code;
  const byName = useMemo(() => {
    const collator = new Intl.Collator('sv');
    return data.areas.map((a) => a.code).sort((a, b) => collator.compare(names[a] ?? a, names[b] ?? b));
  }, [data, names]);
  const shapes = useMemo(() => new Map(data.areas.map((a) => [a.code, a])), [data]);
  const ordered = useMemo(() => byName.flatMap((code) => shapes.get(code) ?? []), [byName, shapes]);
  const rings = useMemo(() => new Map(data.areas.map((a) => [a.code, decodePath(a.d)])), [data]);

  const startAt = () => (selected && labels.has(selected) ? selected : nearest(labels, centreOf(full)));
  const [active, setActive] = useState<string | undefined>(startAt);
  const [focused, setFocused] = useState<string | undefined>();
  // Opened with an area chosen: that area fills the middle of the map, with its neighbours around.
  const [opening] = useState(() => {
    const shape = selected ? rings.get(selected) : undefined;
    return shape ? fitBox(full, boundsOf(shape), MAX_ZOOM) : { zoom: 1, centre: centreOf(full) };
  });
  const [zoom, setZoom] = useState(opening.zoom);
  const [centre, setCentre] = useState<Point>(opening.centre);
  const [pxWidth, setPxWidth] = useState(360);
  /** Where the zoom buttons sit over the map, in CSS px from its top left: no names under them. */
  const [controls, setControls] = useState<Box | undefined>(undefined);
  const controlsRef = useRef<HTMLDivElement>(null);
  const [labelPx, setLabelPx] = useState(LABEL_PX);
  const svgRef = useRef<SVGSVGElement>(null);
  const typed = useRef({ text: '', at: 0 });

  const view = viewAt(full, zoom, centre);
  /** viewBox units per CSS pixel: keeps text, hatching and halos the same size at every zoom. */
  const unit = view[2] / pxWidth;
  const gestures = useGestures({
    svg: svgRef,
    full,
    view,
    zoom,
    maxZoom: MAX_ZOOM,
    setView: (z, c) => {
      setZoom(z);
      setCentre(c);
    },
  });
  // Placed again when the zoom or the text size changes, not when the map is only moved.
  const placed = useMemo(
    () =>
      placeLabels(
        data.areas.map((a) => ({
          code: a.code,
          rings: rings.get(a.code) ?? [],
          label: a.label as Point,
          name: names[a.code] ?? a.code,
        })),
        labelPx * unit,
      ),
    [data, rings, names, labelPx, unit],
  );
  const interactive = onSelect !== undefined;
  const classes = useMemo(() => (values ? scaleClasses(Object.values(values)) : []), [values]);

  useEffect(() => {
    if (selected && labels.has(selected)) setActive(selected);
  }, [selected, labels]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const measure = () => {
      const box = svg.getBoundingClientRect();
      setPxWidth(box.width || 360);
      const c = controlsRef.current?.getBoundingClientRect();
      setControls(c ? [c.left - box.left, c.top - box.top, c.width, c.height] : undefined);
      const rootPx = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setLabelPx((LABEL_PX * rootPx) / 16);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);

  const focusArea = (code: string | undefined) => {
    if (!code) return;
    svgRef.current?.querySelector<SVGPathElement>(`[data-code="${CSS.escape(code)}"]`)?.focus();
  };

  // Once, when first drawn.
  useEffect(() => {
    if (autoFocus && interactive) focusArea(active);
  }, []);

  const moveTo = (code: string | undefined) => {
    if (!code) return;
    setActive(code);
    const point = labels.get(code);
    if (point && zoom > 1 && !isWellInside(point, view)) setCentre(point);
    focusArea(code);
  };

  const zoomBy = (factor: number, around: string | undefined) => {
    const next = Math.min(MAX_ZOOM, Math.max(1, zoom * factor));
    if (next === zoom) return;
    const point = around ? labels.get(around) : undefined;
    // Zoom in on the current area when it is in sight, else on the middle of what is shown.
    const target = point && isWellInside(point, view, 0) ? point : centreOf(view);
    setZoom(next);
    setCentre(next === 1 ? centreOf(full) : target);
  };

  const typeahead = (key: string, from: string) => {
    const now = Date.now();
    const text = (now - typed.current.at > TYPEAHEAD_MS ? '' : typed.current.text) + fold(key);
    typed.current = { text, at: now };
    // One letter (or the same letter again): the next area with that initial; more: the first
    // area, from here on, whose name starts with what was typed.
    const same = [...text].every((ch) => ch === text[0]);
    const query = same ? text.slice(0, 1) : text;
    const here = byName.indexOf(from);
    const order = same
      ? [...byName.slice(here + 1), ...byName.slice(0, here + 1)]
      : [...byName.slice(here), ...byName.slice(0, here)];
    return order.find((code) => fold(nameOf(code)).startsWith(query));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const code = (e.target as Element | null)?.getAttribute?.('data-code');
    if (!code) return;
    const direction = ARROWS[e.key];
    const typing = Date.now() - typed.current.at <= TYPEAHEAD_MS;
    let handled = true;
    if (direction) moveTo(nextInDirection(labels, code, direction));
    else if (e.key === 'Enter' || (e.key === ' ' && !typing)) onSelect?.(code);
    else if (e.key === 'Home') moveTo(byName[0]);
    else if (e.key === 'End') moveTo(byName[byName.length - 1]);
    else if (e.key === '+' || e.key === '=') zoomBy(2, code);
    else if (e.key === '-') zoomBy(0.5, code);
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) moveTo(typeahead(e.key, code));
    else handled = false;
    if (handled) e.preventDefault();
  };

  const choose = (code: string) => {
    // A drag or pinch that ended on an area is not a tap on it.
    if (gestures.isAfterGesture()) return;
    setActive(code);
    onSelect?.(code);
  };

  const accessibleName = (code: string) => {
    if (!values) return nameOf(code);
    const value = values[code];
    return `${nameOf(code)}: ${value === undefined ? t('map.noValue') : formatValue(value)}`;
  };
  const shape = (code: string | undefined) => (code ? shapes.get(code) : undefined);
  const chosen = shape(selected);
  const ringed = shape(focused);
  const named = ringed ?? chosen;
  const hatch = `${uid}-hatch`;
  const em = labelPx * unit;
  const tip = gestures.tip;

  return (
    <div class="area-map-wrap">
      <div class={`area-map${zoom > 1 ? ' is-zoomed' : ''}${values ? ' is-choropleth' : ''}`} dir="ltr">
        <svg
          ref={svgRef}
          viewBox={view.join(' ')}
          role={interactive ? 'group' : 'img'}
          aria-label={label}
          aria-describedby={describedBy}
          onKeyDown={onKeyDown}
          {...gestures.handlers}
        >
          <defs>
            <pattern
              id={hatch}
              patternUnits="userSpaceOnUse"
              width={7 * unit}
              height={7 * unit}
              patternTransform="rotate(45)"
            >
              {!values && <rect class="hatch-ground" width={7 * unit} height={7 * unit} />}
              <rect class="hatch-line" width={2.5 * unit} height={7 * unit} />
            </pattern>
          </defs>
          {/* Place names are Swedish in every language, as in the list. */}
          <g lang={values ? undefined : 'sv'}>
            {ordered.map((a) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: role="button" when it has onClick
              // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-pressed only with role="button"
              <path
                key={a.code}
                d={a.d}
                data-code={a.code}
                class="area"
                fill={values ? colourOf(classes, values[a.code]) : undefined}
                role={interactive ? 'button' : undefined}
                aria-label={interactive ? accessibleName(a.code) : undefined}
                aria-pressed={interactive ? a.code === selected : undefined}
                tabindex={interactive ? (a.code === active ? 0 : -1) : undefined}
                onClick={interactive ? () => choose(a.code) : undefined}
                onFocus={() => {
                  setFocused(a.code);
                  setActive(a.code);
                }}
                onBlur={() => setFocused((f) => (f === a.code ? undefined : f))}
              />
            ))}
          </g>
          <NameLayer placed={placed} view={view} unit={unit} em={em} controls={controls} skip={named?.code} />
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: drawings over the areas, never focusable */}
          <g aria-hidden="true" class="marks" lang="sv">
            {chosen && (
              <>
                <path d={chosen.d} fill={`url(#${hatch})`} />
                <path d={chosen.d} class="chosen-outline" />
              </>
            )}
            {ringed && (
              <>
                <path d={ringed.d} class="ring-outer" />
                <path d={ringed.d} class="ring-inner" />
              </>
            )}
            {named && (
              <text
                x={named.label[0]}
                y={named.label[1] - 12 * unit}
                font-size={15 * unit}
                stroke-width={4 * unit}
                text-anchor="middle"
              >
                {nameOf(named.code)}
              </text>
            )}
          </g>
          {position && <PositionMarker position={position} unit={unit} />}
        </svg>
        {tip && (
          <div class="map-tip" aria-hidden="true" lang="sv" style={`--x: ${tip.x}px; top: ${tip.y}px`}>
            {nameOf(tip.code)}
          </div>
        )}
        <div class="map-zoom" ref={controlsRef}>
          <button
            type="button"
            class="btn btn-secondary"
            aria-label={t('map.zoomIn')}
            aria-disabled={zoom >= MAX_ZOOM}
            onClick={() => zoomBy(2, active)}
          >
            <span aria-hidden="true">+</span>
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            aria-label={t('map.zoomOut')}
            aria-disabled={zoom <= 1}
            onClick={() => zoomBy(0.5, active)}
          >
            <span aria-hidden="true">−</span>
          </button>
        </div>
      </div>
      {values && (
        <div class="map-legend">
          <p class="map-legend-title" id={`${uid}-legend`}>
            {legendTitle ?? t('map.legend')}
          </p>
          <ul aria-labelledby={`${uid}-legend`}>
            {classes.map((c) => (
              <li key={c.colour}>
                <Swatch colour={c.colour} />
                {c.min === c.max ? formatValue(c.min) : `${formatValue(c.min)}–${formatValue(c.max)}`}
              </li>
            ))}
            <li>
              <Swatch colour={NO_VALUE} />
              {t('map.noValue')}
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}

function Swatch({ colour }: { colour: string }) {
  return (
    <svg class="swatch" viewBox="0 0 20 20" aria-hidden="true">
      <rect width="20" height="20" fill={colour} />
    </svg>
  );
}
