/**
 * The week-by-week series: an SVG column chart (one column per ISO week, zeros included) and a
 * table of the same numbers. The chart is a picture with a summary in words (first and last
 * week, the highest week); the table below has every week.
 */
import { t } from '../../i18n/index.ts';
import { TableRegion } from '../table-region.tsx';
import { formatCount } from './format.ts';
import { formatDay, weekLabel } from './weeks.ts';
import './style.css';

export interface WeekPoint {
  /** ISO week, e.g. "2026-W12". */
  week: string;
  /** Its Monday, YYYY-MM-DD. */
  start: string;
  count: number;
}

/** Chart and table of `weeks` (in order). */
export function WeekSeries({
  id,
  caption,
  weeks,
}: {
  id: string;
  caption: string;
  weeks: readonly WeekPoint[];
}) {
  const captionId = `${id}-caption`;
  if (weeks.length === 0) return <p class="muted">{t('chart.empty')}</p>;
  const max = Math.max(0, ...weeks.map((w) => w.count));
  const top = weeks.reduce((best, w) => (w.count > best.count ? w : best), weeks[0] as WeekPoint);
  const first = weeks[0] as WeekPoint;
  const last = weeks[weeks.length - 1] as WeekPoint;
  const summary = t('chart.weekSummary', {
    first: weekLabel(first.week, first.start),
    last: weekLabel(last.week, last.start),
    max: formatCount(max),
    top: weekLabel(top.week, top.start),
  });
  const width = weeks.length * 10;
  const height = 100;
  return (
    <div class="week-series">
      <figure class="week-chart">
        <div class="week-chart-max" aria-hidden="true">
          {formatCount(max)}
        </div>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`${caption}. ${summary}`}
        >
          <line class="week-grid" x1="0" x2={width} y1="0" y2="0" />
          <line class="week-axis" x1="0" x2={width} y1={height} y2={height} />
          {weeks.map((w, i) => {
            const h = max > 0 ? (w.count / max) * (height - 2) : 0;
            return (
              <rect key={w.week} class="week-bar" x={i * 10 + 1.5} y={height - h} width="7" height={h} />
            );
          })}
        </svg>
        <figcaption class="week-chart-ends">
          <span>{weekLabel(first.week, first.start)}</span>
          <span>{weekLabel(last.week, last.start)}</span>
        </figcaption>
      </figure>
      <p class="hint">{summary}</p>
      <TableRegion labelledBy={captionId}>
        <table class="staff-table chart-table week-table" data-testid={id}>
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.week')}</th>
              <th scope="col">{t('chart.weekStart')}</th>
              <th scope="col" class="num">
                {t('chart.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week} data-key={w.week}>
                <th scope="row">{weekLabel(w.week, w.start)}</th>
                <td>{formatDay(w.start)}</td>
                <td class="num">{formatCount(w.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
