/**
 * What the map draws over its areas for the eye: the areas' names where they fit, and the
 * person's position. Both are layers of their own, on top of the areas, so the areas can be in
 * name order in the DOM (the order a screen reader reads them) whatever is drawn over them.
 */
import { t } from '../../i18n/index.ts';
import type { Box } from './geometry.ts';
import { LINE_EM, type PlacedLabel } from './labels.ts';

export interface NameLayerProps {
  /** The names that fit at this zoom (./labels.ts `placeLabels`). */
  placed: readonly PlacedLabel[];
  view: Box;
  /** viewBox units per CSS px. */
  unit: number;
  /** The text size in viewBox units. */
  em: number;
  /** Where the zoom buttons cover the map, in CSS px from its top left. */
  controls: Box | undefined;
  /** An area whose name is written elsewhere (the focused or chosen one, larger). */
  skip: string | undefined;
}

/**
 * The names, each written only whole: inside the view and clear of the zoom buttons. Hidden from
 * screen readers: each area's button already has its name.
 */
export function NameLayer({ placed, view, unit, em, controls, skip }: NameLayerProps) {
  const [vx, vy, vw, vh] = view;
  const cover = controls && [
    vx + controls[0] * unit,
    vy + controls[1] * unit,
    controls[2] * unit,
    controls[3] * unit,
  ];
  const whole = ({ x, y, width, height }: PlacedLabel) => {
    const [left, top, right, bottom] = [x - width / 2, y - height / 2, x + width / 2, y + height / 2];
    if (left < vx || top < vy || right > vx + vw || bottom > vy + vh) return false;
    if (!cover) return true;
    const [cx, cy, cw, ch] = cover as [number, number, number, number];
    return right < cx || left > cx + cw || bottom < cy || top > cy + ch;
  };
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: names drawn for sighted people, never focusable; each area button has its name
    <g aria-hidden="true" class="labels" lang="sv" font-size={em} stroke-width={3 * unit}>
      {placed
        .filter((p) => p.code !== skip && whole(p))
        .map((p) => (
          <text key={p.code} x={p.x} y={p.y} text-anchor="middle" dominant-baseline="central">
            {p.lines.map((line, i) => (
              <tspan key={line} x={p.x} y={p.y + (i - (p.lines.length - 1) / 2) * LINE_EM * em}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
    </g>
  );
}

/** The person's position in map units, and how far off it may be (metres). */
export interface Position {
  x: number;
  y: number;
  accuracy?: number;
}

/** A blue dot with a white ring, in a pale circle as wide as the position's accuracy; named. */
export function PositionMarker({ position, unit }: { position: Position; unit: number }) {
  const { x, y, accuracy } = position;
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group is not interactive; the marker is a named picture
    <g class="position" role="img" aria-label={t('map.position')}>
      {accuracy !== undefined && accuracy > 0 && (
        <circle class="position-accuracy" cx={x} cy={y} r={accuracy} />
      )}
      <circle class="position-dot" cx={x} cy={y} r={8 * unit} stroke-width={3 * unit} />
    </g>
  );
}
