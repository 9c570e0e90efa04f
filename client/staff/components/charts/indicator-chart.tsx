/**
 * One indicator at one place over time: the measurements as a line, the baseline as a dashed
 * line, the targets for 2030 and 2035 as diamonds, each also named in words beside it. The
 * picture is one image (role img) with a summary in its name; a table below holds the same
 * numbers, so nothing depends on seeing the chart or telling its colours apart (the three series
 * also differ in shape and line style). Example values are marked "Exempelvärden" in words.
 */
import { useId } from 'preact/hooks';
import type { IndicatorValue } from '../../../../common/wire/insights.ts';
import { t } from '../../i18n/index.ts';
import { TableRegion } from '../table-region.tsx';

export interface IndicatorChartProps {
  /** The indicator's name (Swedish: the definitions are written in Swedish). */
  name: string;
  /** The place the values are for ("Hela staden", a delområde's name). */
  place: string;
  unit: string;
  direction: 'higher' | 'lower';
  /** The values of this place only. */
  values: readonly IndicatorValue[];
  /** How a number is written (the staff language's decimal separator). */
  format: (n: number) => string;
}

const W = 640;
const H = 300;
const PAD = { top: 24, right: 24, bottom: 40, left: 64 };
// Colours with at least 3:1 against white (WCAG 1.4.11); shapes and dashes tell them apart too.
const C_MEASURE = '#1d4f91';
const C_BASE = '#595959';
const C_TARGET = '#0b6e3b';

/** Round steps for the value axis (1, 2 or 5 times a power of ten). */
function niceStep(span: number, count: number): number {
  const raw = span / count || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * The value axis: from 0 (or the lowest value, when below 0) to the highest value, rounded out to
 * whole steps, with a tick at each step.
 */
export function valueAxis(nums: readonly number[]): { lo: number; hi: number; ticks: number[] } {
  let lo = Math.min(0, ...nums);
  let hi = Math.max(0, ...nums);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo, 5);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { lo, hi, ticks };
}

const kindOrder = { baseline: 0, measurement: 1, target: 2 } as const;

export function IndicatorChart({ name, place, unit, direction, values, format }: IndicatorChartProps) {
  const uid = useId();
  const measures = values.filter((v) => v.kind === 'measurement').sort((a, b) => a.year - b.year);
  const baseline = values
    .filter((v) => v.kind === 'baseline')
    .sort((a, b) => a.year - b.year)
    .at(-1);
  const targets = values.filter((v) => v.kind === 'target').sort((a, b) => a.year - b.year);
  const example = values.some((v) => v.example);
  const withUnit = (n: number) => `${format(n)}\u00a0${unit}`;
  const goodWay =
    direction === 'lower' ? t('indicators.chartLowerBetter') : t('indicators.chartHigherBetter');
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  const captionId = `${uid}-caption`;

  if (values.length === 0)
    return (
      <p class="muted" data-testid="indicator-chart-empty">
        {t('indicators.chartEmpty', { place })}
      </p>
    );

  const years = values.map((v) => v.year);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const { lo, hi, ticks } = valueAxis(values.map((v) => v.value));
  const yearSpan = Math.max(1, maxYear - minYear);
  const x = (year: number) => PAD.left + ((year - minYear) / yearSpan) * (W - PAD.left - PAD.right);
  const y = (value: number) => H - PAD.bottom - ((value - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const yearStep = Math.max(1, Math.ceil(yearSpan / 10));
  const yearTicks: number[] = [];
  for (let yr = minYear; yr <= maxYear; yr += yearStep) yearTicks.push(yr);
  if (yearTicks.at(-1) !== maxYear) yearTicks.push(maxYear);

  const last = measures.at(-1);
  const summary = [
    goodWay,
    last ? t('indicators.chartLatest', { value: withUnit(last.value), year: last.year }) : '',
    baseline ? t('indicators.chartBaseline', { value: withUnit(baseline.value), year: baseline.year }) : '',
    ...targets.map((g) => t('indicators.chartTarget', { value: withUnit(g.value), year: g.year })),
    example ? t('indicators.example') : '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = t('indicators.chartTitle', { name, place });
  const rows = [...values].sort((a, b) => a.year - b.year || kindOrder[a.kind] - kindOrder[b.kind]);

  return (
    <figure class="indicator-chart" data-testid="indicator-chart">
      <figcaption>
        <strong>{title}</strong>
        {example && <span class="badge"> {t('indicators.example')}</span>}
        <br />
        <span data-testid="indicator-direction">{goodWay}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        style={{ inlineSize: '100%', blockSize: 'auto', maxInlineSize: `${W}px` }}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {ticks.map((v) => (
          <g key={`y${v}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d0d0d0" />
            <text x={PAD.left - 8} y={y(v) + 4} text-anchor="end" font-size="12" fill="#222">
              {format(v)}
            </text>
          </g>
        ))}
        {yearTicks.map((yr) => (
          <text
            key={`x${yr}`}
            x={x(yr)}
            y={H - PAD.bottom + 18}
            text-anchor="middle"
            font-size="12"
            fill="#222"
          >
            {yr}
          </text>
        ))}
        <text x={12} y={PAD.top - 8} font-size="12" fill="#222">
          {unit}
        </text>
        {baseline && (
          <g>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(baseline.value)}
              y2={y(baseline.value)}
              stroke={C_BASE}
              stroke-width="2"
              stroke-dasharray="6 4"
            />
            <rect x={x(baseline.year) - 5} y={y(baseline.value) - 5} width="10" height="10" fill={C_BASE} />
          </g>
        )}
        {measures.length > 1 && (
          <polyline
            points={measures.map((m) => `${x(m.year)},${y(m.value)}`).join(' ')}
            fill="none"
            stroke={C_MEASURE}
            stroke-width="2.5"
          />
        )}
        {measures.map((m) => (
          <circle key={`m${m.year}`} cx={x(m.year)} cy={y(m.value)} r="5" fill={C_MEASURE} />
        ))}
        {targets.map((g) => (
          <g key={`t${g.year}`}>
            <path
              d={`M ${x(g.year)} ${y(g.value) - 8} l 8 8 l -8 8 l -8 -8 z`}
              fill="#fff"
              stroke={C_TARGET}
              stroke-width="2.5"
            />
            <text x={x(g.year) - 10} y={y(g.value) - 12} text-anchor="end" font-size="12" fill="#222">
              {t('indicators.chartTargetShort', { year: g.year })}
            </text>
          </g>
        ))}
      </svg>
      <ul class="chart-legend" aria-label={t('indicators.chartLegend')}>
        {measures.length > 0 && (
          <li>
            <svg width="28" height="14" aria-hidden="true">
              <line x1="0" x2="28" y1="7" y2="7" stroke={C_MEASURE} stroke-width="2.5" />
              <circle cx="14" cy="7" r="5" fill={C_MEASURE} />
            </svg>{' '}
            {t('indicators.kind.measurement')}
          </li>
        )}
        {baseline && (
          <li>
            <svg width="28" height="14" aria-hidden="true">
              <line x1="0" x2="28" y1="7" y2="7" stroke={C_BASE} stroke-width="2" stroke-dasharray="6 4" />
              <rect x="9" y="2" width="10" height="10" fill={C_BASE} />
            </svg>{' '}
            {t('indicators.kind.baseline')}
          </li>
        )}
        {targets.length > 0 && (
          <li>
            <svg width="28" height="18" aria-hidden="true">
              <path d="M 14 1 l 8 8 l -8 8 l -8 -8 z" fill="#fff" stroke={C_TARGET} stroke-width="2.5" />
            </svg>{' '}
            {t('indicators.kind.target')}
          </li>
        )}
      </ul>
      <TableRegion labelledBy={captionId}>
        <table class="staff-table" data-testid="indicator-chart-table">
          <caption id={captionId}>
            {t('indicators.chartTableCaption', { name, place })}
            {example && ` (${t('indicators.example')})`}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.colYear')}</th>
              <th scope="col">{t('indicators.colKind')}</th>
              <th scope="col">{t('indicators.colValue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={`${v.kind}-${v.year}`}>
                <th scope="row">{v.year}</th>
                <td>{t(`indicators.kind.${v.kind}`)}</td>
                <td>
                  {withUnit(v.value)}
                  {v.example && ` (${t('indicators.exampleOne')})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </figure>
  );
}
