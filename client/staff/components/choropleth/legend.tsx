import type { ScaleClass } from '../../../components/area-map/scale.ts';
import { NO_VALUE } from '../../../components/area-map/scale.ts';
import { t } from '../../i18n/index.ts';

/** The classes of the scale in numbers (each with its colour), and the hatching for "no value". */
export function Legend({
  title,
  classes,
  format,
  hatchId,
}: {
  title: string;
  classes: readonly ScaleClass[];
  format: (n: number) => string;
  hatchId: string;
}) {
  const titleId = `${hatchId}-title`;
  return (
    <div class="choropleth-legend">
      <p class="choropleth-legend-title" id={titleId}>
        {title}
      </p>
      <ul aria-labelledby={titleId}>
        {classes.map((c) => (
          <li key={c.colour}>
            <svg class="swatch" viewBox="0 0 20 20" aria-hidden="true">
              <rect width="20" height="20" fill={c.colour} />
            </svg>
            {c.min === c.max
              ? format(c.min)
              : t('choropleth.range', { min: format(c.min), max: format(c.max) })}
          </li>
        ))}
        <li>
          <svg class="swatch" viewBox="0 0 20 20" aria-hidden="true">
            <defs>
              <pattern
                id={hatchId}
                patternUnits="userSpaceOnUse"
                width="6"
                height="6"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill={NO_VALUE} />
                <rect width="2" height="6" fill="#6b675f" />
              </pattern>
            </defs>
            <rect width="20" height="20" fill={`url(#${hatchId})`} />
          </svg>
          {t('choropleth.noValueHatched')}
        </li>
      </ul>
    </div>
  );
}
