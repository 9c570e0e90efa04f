/**
 * A choropleth of the delområden for staff (the dashboard's counts, an indicator's values): the
 * same map data as the participant map (client/components/area-map: `GET /api/areas/map`, its
 * colour scale and keyboard geometry), drawn read-only.
 *
 * Nothing depends on colour alone: the legend gives each class its numbers, areas without a
 * value are hatched (and the legend says so in words), every area carries its name and value
 * (accessible name and a hover title), and a table below holds the same numbers.
 * Keyboard: the map is one tab stop (a roving tabindex); the arrow keys move to the neighbouring
 * area, Home/End to the first/last by name; the focused area is ringed and its value written
 * under the map.
 */
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { areaMap, loadAreaMap } from '../../../components/area-map/data.ts';
import {
  ARROWS,
  centreOf,
  type Box,
  nearest,
  nextInDirection,
  type Point,
} from '../../../components/area-map/geometry.ts';
import { colourOf, NO_VALUE, scaleClasses } from '../../../components/area-map/scale.ts';
import { t } from '../../i18n/index.ts';
import { formatCount } from '../charts/format.ts';
import { LoadState } from '../load.tsx';
import { loadStaffAreas, staffAreas } from './areas.ts';
import { Legend } from './legend.tsx';
import { ChoroplethTable } from './table.tsx';
import './style.css';

export interface ChoroplethProps {
  /**
   * A value per delområde code; null: no value. Its keys are the table's rows; areas on the
   * map that are not in it are drawn (and named) as having no value.
   */
  values: ReadonlyMap<string, number | null>;
  /** What the numbers are: the map's accessible name and the table's caption. */
  caption: string;
  /** How a value is written (default: the staff language's number format). */
  format?: (n: number) => string;
  /** The legend's heading, e.g. "Inlägg per delområde". */
  legendTitle: string;
  /** The table's value column heading (default: `legendTitle`). */
  valueHeading?: string;
}

/** The map, its legend and its table; loads the map and the area names itself. */
export function Choropleth({
  values,
  caption,
  format = formatCount,
  legendTitle,
  valueHeading,
}: ChoroplethProps) {
  const uid = useId();
  const map = areaMap.value;
  const areas = staffAreas.value;
  useEffect(() => {
    void loadAreaMap();
    void loadStaffAreas();
  }, []);
  const names = useMemo(() => new Map((areas.data ?? []).map((a) => [a.code, a])), [areas.data]);
  const classes = useMemo(
    () => scaleClasses([...values.values()].filter((v): v is number => v !== null)),
    [values],
  );

  if (!map.data || !areas.data) {
    return (
      <LoadState
        failed={Boolean(map.error || areas.error)}
        retry={() => {
          void loadAreaMap(true);
          void loadStaffAreas();
        }}
      />
    );
  }
  const nameOf = (code: string) => names.get(code)?.name ?? code;
  const describe = (code: string) => {
    const value = values.get(code);
    return t('choropleth.areaValue', {
      name: nameOf(code),
      value: value === undefined || value === null ? t('choropleth.noValue') : format(value),
    });
  };
  return (
    <div class="choropleth">
      <MapSvg
        uid={uid}
        data={map.data}
        caption={caption}
        fillOf={(code) => {
          const value = values.get(code);
          return value === undefined || value === null ? `url(#${uid}-hatch)` : colourOf(classes, value);
        }}
        describe={describe}
        nameOf={nameOf}
      />
      <Legend title={legendTitle} classes={classes} format={format} hatchId={`${uid}-legend-hatch`} />
      <ChoroplethTable
        id={`${uid}-table`}
        caption={caption}
        values={values}
        areas={names}
        format={format}
        valueHeading={valueHeading ?? legendTitle}
      />
    </div>
  );
}

interface MapSvgProps {
  uid: string;
  data: NonNullable<typeof areaMap.value.data>;
  caption: string;
  fillOf: (code: string) => string;
  describe: (code: string) => string;
  nameOf: (code: string) => string;
}

function MapSvg({ uid, data, caption, fillOf, describe, nameOf }: MapSvgProps) {
  const full = data.viewBox as Box;
  const labels = useMemo(() => new Map(data.areas.map((a) => [a.code, a.label as Point])), [data]);
  const byName = useMemo(() => {
    const collator = new Intl.Collator('sv');
    return data.areas.map((a) => a.code).sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
  }, [data, nameOf]);
  // In the DOM (and so the accessibility tree) in name order, as in the table: the focus ring is
  // a separate layer on top, so the order of drawing does not matter.
  const ordered = useMemo(() => {
    const byCode = new Map(data.areas.map((a) => [a.code, a]));
    return byName.flatMap((code) => byCode.get(code) ?? []);
  }, [data, byName]);
  const [active, setActive] = useState(() => nearest(labels, centreOf(full)));
  const [focused, setFocused] = useState<string | undefined>();
  const [hovered, setHovered] = useState<string | undefined>();
  const shown = focused ?? hovered;
  const ringed = data.areas.find((a) => a.code === shown);

  const moveTo = (svg: SVGSVGElement, code: string | undefined) => {
    if (!code) return;
    setActive(code);
    svg.querySelector<SVGPathElement>(`[data-code="${CSS.escape(code)}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const code = (e.target as Element | null)?.getAttribute?.('data-code');
    const svg = e.currentTarget as SVGSVGElement;
    if (!code) return;
    const direction = ARROWS[e.key];
    if (direction) moveTo(svg, nextInDirection(labels, code, direction));
    else if (e.key === 'Home') moveTo(svg, byName[0]);
    else if (e.key === 'End') moveTo(svg, byName[byName.length - 1]);
    else return;
    e.preventDefault();
  };

  return (
    <>
      <p id={`${uid}-hint`} class="hint">
        {t('choropleth.hint')}
      </p>
      <div class="choropleth-map" dir="ltr">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the map */}
        <svg
          viewBox={full.join(' ')}
          role="group"
          aria-label={caption}
          aria-describedby={`${uid}-hint`}
          onKeyDown={onKeyDown}
          onMouseLeave={() => setHovered(undefined)}
        >
          <defs>
            <pattern
              id={`${uid}-hatch`}
              patternUnits="userSpaceOnUse"
              width={full[2] / 90}
              height={full[2] / 90}
              patternTransform="rotate(45)"
            >
              <rect width={full[2] / 90} height={full[2] / 90} fill={NO_VALUE} />
              <rect width={full[2] / 300} height={full[2] / 90} fill="#6b675f" />
            </pattern>
          </defs>
          {ordered.map((a) => (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a named picture of one area, focusable to explore the map by arrow keys
            <path
              key={a.code}
              d={a.d}
              data-code={a.code}
              class="area"
              fill={fillOf(a.code)}
              role="img"
              aria-label={describe(a.code)}
              tabIndex={a.code === active ? 0 : -1}
              onFocus={() => {
                setFocused(a.code);
                setActive(a.code);
              }}
              onBlur={() => setFocused((f) => (f === a.code ? undefined : f))}
              onMouseEnter={() => setHovered(a.code)}
            ></path>
          ))}
          {ringed && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: the focus ring drawn over the areas, never focusable
            <g aria-hidden="true" class="marks">
              <path d={ringed.d} class="ring-outer" />
              <path d={ringed.d} class="ring-inner" />
            </g>
          )}
        </svg>
      </div>
      <p class="choropleth-current" aria-hidden="true">
        {shown ? describe(shown) : '\u00a0'}
      </p>
    </>
  );
}
