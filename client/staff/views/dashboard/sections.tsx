/** The dashboard's numbers: the totals, the map, the breakdowns and the weeks (or "nothing"). */
import { useMemo } from 'preact/hooks';
import type { Dashboard } from '../../../../common/wire/insights.ts';
import { BarChart, type BarRow } from '../../components/charts/bar-chart.tsx';
import { formatCount } from '../../components/charts/format.ts';
import { WeekSeries } from '../../components/charts/week-series.tsx';
import { formatDay } from '../../components/charts/weeks.ts';
import { staffAreas } from '../../components/choropleth/areas.ts';
import { Choropleth } from '../../components/choropleth/index.tsx';
import { type StaffMessageKey, t } from '../../i18n/index.ts';

/** Everything below the filters, for one answer of `GET /api/staff/dashboard`. */
export function DashboardSections({
  data,
  insatsName,
}: {
  data: Dashboard;
  insatsName: (id: string) => string;
}) {
  const { filter } = data;
  const period = t('dashboard.applied', { from: formatDay(filter.from), to: formatDay(filter.to) });
  const areas = staffAreas.value.data;
  // The map shows the areas of the place filter; the rest are "outside the selection".
  const values = useMemo(() => {
    const inPlace = (code: string) => {
      if (filter.area) return code === filter.area;
      if (filter.district) return areas?.find((a) => a.code === code)?.district === filter.district;
      return true;
    };
    return new Map<string, number | null>(
      data.byArea.filter((r) => inPlace(r.key)).map((r) => [r.key, r.count]),
    );
  }, [data, areas]);
  const label = (key: string) => t(key as StaffMessageKey);
  const rows = <K extends string | null>(
    list: { key: K; count: number }[],
    name: (k: K) => string,
  ): BarRow[] => list.map((r) => ({ key: r.key ?? '', label: name(r.key), count: r.count }));
  const overlapping = filter.basis === 'any';

  return (
    <>
      <section class="dashboard-section" aria-labelledby="dashboard-summary">
        <h2 id="dashboard-summary">{t('dashboard.summary')}</h2>
        <p data-testid="dashboard-period">{period}</p>
        <dl class="dashboard-totals">
          <div>
            <dt>{t('dashboard.total')}</dt>
            <dd data-testid="dashboard-total">{formatCount(data.total)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.untagged')}</dt>
            <dd data-testid="dashboard-untagged">{formatCount(data.untagged)}</dd>
          </div>
        </dl>
        {overlapping && <p class="hint">{t('dashboard.basis.any')}</p>}
      </section>
      {data.total === 0 ? (
        <p class="notice" data-testid="dashboard-empty">
          {t('dashboard.empty')}
        </p>
      ) : (
        <>
          <section class="dashboard-section" aria-labelledby="dashboard-map">
            <h2 id="dashboard-map">{t('dashboard.mapTitle')}</h2>
            <Choropleth
              values={values}
              caption={t('dashboard.mapCaption', { from: formatDay(filter.from), to: formatDay(filter.to) })}
              legendTitle={t('dashboard.mapLegend')}
              valueHeading={t('chart.count')}
            />
          </section>
          <Breakdown id="by-district" title={t('dashboard.byDistrict')}>
            <BarChart
              id="chart-district"
              caption={t('dashboard.byDistrict')}
              labelHeading={t('choropleth.district')}
              rows={rows(data.byDistrict, (k) => k)}
              total={data.total}
              noShare={overlapping}
            />
          </Breakdown>
          <Breakdown id="by-insats" title={t('dashboard.byInsats')}>
            <BarChart
              id="chart-insats"
              caption={t('dashboard.byInsats')}
              labelHeading={t('dashboard.insats')}
              rows={rows(data.byInsats, (k) => (k === null ? t('dashboard.noInsats') : insatsName(k)))}
              total={data.total}
            />
          </Breakdown>
          <Breakdown id="by-kind" title={t('dashboard.byKind')}>
            <BarChart
              id="chart-kind"
              caption={t('dashboard.byKind')}
              labelHeading={t('chart.category')}
              rows={rows(data.byKind, (k) => label(`kind.${k}`))}
              total={data.total}
            />
          </Breakdown>
          <Breakdown id="by-group" title={t('dashboard.byGroup')}>
            <BarChart
              id="chart-group"
              caption={t('dashboard.byGroup')}
              labelHeading={t('dashboard.group')}
              rows={rows(data.byGroup, (k) => label(`group.${k}`))}
              total={data.total}
            />
          </Breakdown>
          <Breakdown id="by-age" title={t('dashboard.byAgeBand')}>
            <BarChart
              id="chart-age"
              caption={t('dashboard.byAgeBand')}
              labelHeading={t('chart.category')}
              rows={rows(data.byAgeBand, (k) => (k === null ? t('dashboard.noAge') : label(`age.${k}`)))}
              total={data.total}
            />
          </Breakdown>
          {/* Not a named region: the table inside is one already, by the same name. */}
          <section class="dashboard-section">
            <h2 id="dashboard-weeks">{t('dashboard.weeks')}</h2>
            <WeekSeries id="chart-weeks" caption={t('dashboard.weeks')} weeks={data.weeks} />
          </section>
        </>
      )}
    </>
  );
}

function Breakdown({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: preact.ComponentChildren;
}) {
  return (
    // Not a named region: the chart's table inside is one, named by its caption (the same
    // title), and a region inside a region of the same name is heard twice.
    <section class="dashboard-section dashboard-breakdown">
      <h2 id={`dashboard-${id}`}>{title}</h2>
      {children}
    </section>
  );
}
