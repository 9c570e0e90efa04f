import { t } from '../../i18n/index.ts';

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

/**
 * A 1–5 scale shown as five faces. Each face is a radio button whose accessible name is the word
 * shown under it ("Bra", "Jättebra" …); the drawing is decoration.
 */
export function FaceScale({
  name,
  value,
  onChange,
}: {
  name: string;
  value: number | undefined;
  onChange: (value: number) => void;
}) {
  return (
    <div class="faces">
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} class="face">
          <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
          <Face n={n} />
          <span class="face-label">{t(`face.${n as 1 | 2 | 3 | 4 | 5}`)}</span>
        </label>
      ))}
    </div>
  );
}
