import { DONT_KNOW, type ScaleLabels, scaleStepLabel } from '../../../common/wire/index.ts';
import { t } from '../../i18n/index.ts';
import { L } from '../localized/index.tsx';

/** Mouth shapes from very sad (1) to very happy (5), drawn in SVG so every phone shows the same faces. */
const MOUTHS = [
  'M15 35 Q24 25 33 35',
  'M16 33 Q24 29 32 33',
  'M16 32 L32 32',
  'M16 30 Q24 35 32 30',
  'M14 28 Q24 41 34 28 Z',
] as const;

function Face({ n }: { n: number }) {
  return (
    <svg class="face-svg" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle class="face-head" cx="24" cy="24" r="21" />
      <circle class="face-eye" cx="17" cy="19" r="2.5" />
      <circle class="face-eye" cx="31" cy="19" r="2.5" />
      <path class={n === 5 ? 'face-mouth face-mouth-open' : 'face-mouth'} d={MOUTHS[n - 1]} />
    </svg>
  );
}

/** The words under face `n`: the question version's, else (a catalogue cached before) the generic ones. */
function StepWords({ scale, n }: { scale: ScaleLabels | undefined; n: number }) {
  if (!scale) return <span class="face-label">{t(`face.${n as 1 | 2 | 3 | 4 | 5}`)}</span>;
  const words = scaleStepLabel(scale, n);
  // A middle step without words is the face alone on screen, with its place as its name.
  if (!words) return <span class="visually-hidden">{t('scale.step', { n, total: 5 })}</span>;
  return (
    <span class="face-label">
      <L text={words} />
    </span>
  );
}

/**
 * A 1–5 scale shown as five faces. Each face is a radio button whose accessible name is the word
 * shown with it: the question version's own words ("Inte alls trygg" … "Mycket trygg"), or "3 of 5"
 * for a middle step without words; the drawing is decoration. Where the version offers it, "don't
 * know" is a radio of its own after the faces (value {@link DONT_KNOW}).
 */
export function FaceScale({
  name,
  value,
  scale,
  onChange,
}: {
  name: string;
  value: number | typeof DONT_KNOW | undefined;
  scale?: ScaleLabels | undefined;
  onChange: (value: number | typeof DONT_KNOW) => void;
}) {
  return (
    <>
      <div class="faces">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class="face">
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <Face n={n} />
            <StepWords scale={scale} n={n} />
          </label>
        ))}
      </div>
      {scale?.dontKnow && (
        <label class="face face-dont-know">
          <input
            type="radio"
            name={name}
            value={DONT_KNOW}
            checked={value === DONT_KNOW}
            onChange={() => onChange(DONT_KNOW)}
          />
          <span class="face-label">{t('scale.dontKnow')}</span>
        </label>
      )}
    </>
  );
}
