/**
 * The words of scale questions on the server: the generic words of the faces (what every scale
 * said before questions had their own), and a stable form for storing and comparing.
 */
import {
  DONT_KNOW,
  type LocalizedText,
  SCALE_STEPS,
  type ScaleLabels,
  scaleStepLabel,
} from '../../../common/wire/index.ts';
import { DONT_KNOW_WORDS } from '../../../common/wire/scale-words.ts';

export { DONT_KNOW_WORDS, GENERIC_SCALE } from '../../../common/wire/scale-words.ts';

/**
 * The options of a scale question version as summaries count them: the steps 1–5 with the
 * version's words (null for a middle step without words), then "don't know" where offered.
 */
export function scaleOptions(scale: ScaleLabels | undefined): { id: string; label: LocalizedText | null }[] {
  const steps = SCALE_STEPS.map((id) => ({ id, label: scaleStepLabel(scale, Number(id)) }));
  return scale?.dontKnow ? [...steps, { id: DONT_KNOW, label: DONT_KNOW_WORDS }] : steps;
}

/**
 * `scale` in a stable form: texts trimmed and in language order, empty translations and blank
 * middle steps dropped, no `middle` when none has words, `dontKnow` only when offered. Equal
 * words compare (and store) equal, so only a real change makes a new question version.
 */
export function normalisedScale(
  scale: ScaleLabels,
  ordered: (t: LocalizedText) => LocalizedText,
): ScaleLabels {
  const clean = (t: LocalizedText): LocalizedText =>
    ordered(
      Object.fromEntries(
        Object.entries(t)
          .map(([language, text]) => [language, text.trim()] as const)
          .filter(([language, text]) => language === 'sv' || text !== ''),
      ) as LocalizedText,
    );
  const step = (t: LocalizedText | null | undefined) => (t && t.sv.trim() !== '' ? clean(t) : null);
  const middle = [step(scale.middle?.[0]), step(scale.middle?.[1]), step(scale.middle?.[2])] as const;
  return {
    min: clean(scale.min),
    max: clean(scale.max),
    ...(middle.some((m) => m !== null) ? { middle: [...middle] as ScaleLabels['middle'] } : {}),
    ...(scale.dontKnow ? { dontKnow: true } : {}),
  };
}

/** Why `scale` cannot be stored for a question of `kind`, or undefined when it can. */
export function scaleProblem(kind: string, scale: ScaleLabels | undefined): string | undefined {
  if (kind !== 'scale') return scale ? `scale: a ${kind} question has no scale words` : undefined;
  if (!scale) return undefined;
  if (scale.min.sv.trim() === '') return 'scale.min needs Swedish (sv)';
  if (scale.max.sv.trim() === '') return 'scale.max needs Swedish (sv)';
  return undefined;
}
