/**
 * A bar chart that is its own data table: one row per category with its count and share, and
 * an SVG bar drawn to scale under the category's name. Screen readers and keyboard users get a plain table (caption, th
 * scope); the bars are decoration beside the numbers (aria-hidden), so the chart and the table
 * can never disagree and nothing is told by colour or length alone.
 */
import { t } from '../../i18n/index.ts';
import { TableRegion } from '../table-region.tsx';
import { formatCount, formatShare } from './format.ts';
import './style.css';

/** One bar: a stable key (for tests and Preact), the words shown, the number. */
export interface BarRow {
  key: string;
  label: string;
  count: number;
}

export interface BarChartProps {
  /** A unique id prefix (the caption's id derives from it). */
  id: string;
  /** The caption: what is counted, e.g. "Inlägg per stadsområde". */
  caption: string;
  /** The first column's heading, e.g. "Stadsområde". */
  labelHeading: string;
  rows: readonly BarRow[];
  /** The whole the shares are of (default: the sum of the rows). */
  total?: number;
  /** Hide the share column (e.g. when rows overlap and shares would mislead). */
  noShare?: boolean;
  format?: (n: number) => string;
}

/** The chart-table. Empty rows still show the table (with zeros): a zero is an answer too. */
export function BarChart({
  id,
  caption,
  labelHeading,
  rows,
  total,
  noShare,
  format = formatCount,
}: BarChartProps) {
  const max = Math.max(0, ...rows.map((r) => r.count));
  const whole = total ?? rows.reduce((sum, r) => sum + r.count, 0);
  const captionId = `${id}-caption`;
  return (
    <TableRegion labelledBy={captionId}>
      <table class="staff-table chart-table" data-testid={id}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col" class="num">
              {t('chart.count')}
            </th>
            {!noShare && (
              <th scope="col" class="num">
                {t('chart.share')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={noShare ? 2 : 3}>{t('chart.empty')}</td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row" class="bar-label">
                {r.label}
                <Bar fraction={max > 0 ? r.count / max : 0} />
              </th>
              <td class="num">{format(r.count)}</td>
              {!noShare && <td class="num">{whole > 0 ? formatShare(r.count / whole) : '–'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** A horizontal bar, `fraction` (0…1) of the cell's width, with an outline so a 0 still shows. */
export function Bar({ fraction }: { fraction: number }) {
  return (
    <svg
      class="chart-bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect class="chart-bar-track" x="0" y="0" width="100" height="10" />
      <rect class="chart-bar-fill" x="0" y="0" width={Math.max(0, Math.min(1, fraction)) * 100} height="10" />
    </svg>
  );
}
