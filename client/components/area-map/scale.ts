/**
 * The colour scale of the choropleth (the dashboard's map of counts or indicator values).
 * Classes, not a continuous ramp: five steps people can tell apart and read off the legend.
 */

/**
 * Five steps of the app's green, light to dark. Neighbouring steps differ in lightness, not only
 * in hue, so the order survives grey-scale printing and common colour blindness; the text
 * (legend, labels, the dashboard's table) carries the numbers.
 */
export const PALETTE = ['#e3f1ec', '#a9d6c5', '#63ad93', '#2b7f66', '#0b4f3f'] as const;
/** Areas without a value: light grey, and the legend says so in words. */
export const NO_VALUE = '#d9d6cf';

/** One class of the scale: values from `min` to `max` (both included) get `colour`. */
export interface ScaleClass {
  min: number;
  max: number;
  colour: string;
}

/**
 * Equal-interval classes from the smallest to the largest value, at most `PALETTE.length`
 * (fewer when there are fewer distinct values). Whole-number data (counts) gets whole-number
 * bounds, so the legend reads "1–4, 5–9…" and never "4.2–8.4"; and zero of a count is a class of
 * its own ("0"), so an area where nothing came in never shares a colour with one where one did.
 */
export function scaleClasses(values: readonly number[]): ScaleClass[] {
  let finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const integers = finite.every(Number.isInteger);
  const bounds: { min: number; max: number }[] = [];
  if (integers && Math.min(...finite) === 0 && Math.max(...finite) > 0) {
    bounds.push({ min: 0, max: 0 });
    finite = finite.filter((v) => v !== 0);
  }
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const n = Math.min(PALETTE.length - bounds.length, new Set(finite).size);
  const step = (max - min) / n;
  for (let i = 0; i < n; i++) {
    let lo = i === 0 ? min : min + step * i;
    let hi = i === n - 1 ? max : min + step * (i + 1);
    if (integers) {
      lo = i === 0 ? min : Math.floor((bounds[bounds.length - 1]?.max ?? min) + 1);
      hi = i === n - 1 ? max : Math.max(lo, Math.floor(hi));
      if (i > 0 && lo > max) break;
    }
    bounds.push({ min: lo, max: hi });
  }
  const all = bounds.length;
  return bounds.map((b, i) => ({
    ...b,
    colour: PALETTE[
      all === 1 ? PALETTE.length - 1 : Math.round((i * (PALETTE.length - 1)) / (all - 1))
    ] as string,
  }));
}

/** The colour of `value` on `classes`; {@link NO_VALUE} when it has none. */
export function colourOf(classes: readonly ScaleClass[], value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return NO_VALUE;
  for (const c of classes) if (value <= c.max) return c.colour;
  return classes[classes.length - 1]?.colour ?? NO_VALUE;
}
