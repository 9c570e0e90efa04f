import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { LoadState } from '../../components/load.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { ViewHeading } from '../../components/view-heading.tsx';
import { t } from '../../i18n/index.ts';
import { mayEditIndicators, me, SCREENS } from '../../session.ts';
import { CsvImport, type SampleColumn } from './csv-import.tsx';
import {
  formatNumber,
  type Indicator,
  type IndicatorDetail,
  indicatorPath,
  latestSummary,
  listOf,
  nameOf,
} from './data.ts';
import './indicators.css';

/** The preview table's columns: the CSV's own column names, as the file has them. */
const IMPORT_COLUMNS: readonly SampleColumn[] = [
  { key: 'indicator', label: 'indicator' },
  { key: 'geoCode', label: 'geo_code' },
  { key: 'kind', label: 'kind' },
  { key: 'year', label: 'year' },
  {
    key: 'value',
    label: 'value',
    format: (v) => (typeof v === 'number' ? formatNumber(v) : String(v ?? '')),
  },
  { key: 'note', label: 'note' },
];

/**
 * `/personal/indikatorer` (every role): the indicators with their latest value; analysts and
 * admins also create them and import values from CSV here.
 */
export default function IndicatorList() {
  const [list, setList] = useState<Indicator[] | undefined>(undefined);
  const [latest, setLatest] = useState<Record<string, string>>({});
  const [insatser, setInsatser] = useState<Map<string, string>>(new Map());
  const [failed, setFailed] = useState(false);
  const [forbidden, setForbidden] = useState(false);
  const load = useCallback(async () => {
    setFailed(false);
    try {
      const all = listOf<Indicator>(await api<unknown>('GET', '/api/staff/indicators'));
      setList(all);
      // Insats titles for the list (the ids alone mean little); without them the id is shown.
      if (all.some((i) => i.insatsId))
        api<unknown>('GET', '/api/staff/insatser').then(
          (r) =>
            setInsatser(
              new Map(listOf<{ id: string; title: { sv: string } }>(r).map((x) => [x.id, x.title.sv])),
            ),
          () => {},
        );
      // The list has no values: each indicator's latest comes from its detail, filled in as they come.
      for (const ind of all)
        api<IndicatorDetail>('GET', indicatorPath(ind.id)).then(
          (d) => setLatest((m) => ({ ...m, [ind.id]: latestSummary(ind, d.values) })),
          () => {},
        );
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  if (forbidden) return <NoAccess />;
  const editor = mayEditIndicators(me.value?.role ?? null);
  return (
    <>
      <ViewHeading title={t('indicators.title')} viewKey="indicators" />
      <p>{t('indicators.intro')}</p>
      <ul class="indicator-links">
        {editor && (
          <li>
            <a class="btn btn-primary" href={`${SCREENS.indicators.path}/ny`}>
              {t('indicators.new')}
            </a>
          </li>
        )}
        {editor && (
          <li>
            <a class="btn btn-secondary" href="#indicator-import-heading">
              {t('indicators.importLink')}
            </a>
          </li>
        )}
        <li>
          <a href={SCREENS.reportingAreas.path}>{t('reporting.title')}</a>
        </li>
      </ul>
      {!editor && <p class="notice">{t('indicators.readOnly')}</p>}
      {list === undefined ? (
        <LoadState failed={failed} retry={() => void load()} />
      ) : (
        <TableRegion labelledBy="indicators-caption">
          <table class="staff-table" data-testid="indicator-list">
            <caption id="indicators-caption">{t('indicators.caption', { n: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.colName')}</th>
                <th scope="col">{t('indicators.colGeography')}</th>
                <th scope="col">{t('indicators.colUnit')}</th>
                <th scope="col">{t('indicators.colInsats')}</th>
                <th scope="col">{t('indicators.colLatest')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id} data-testid="indicator-row" data-id={i.id}>
                  <th scope="row">
                    <a href={`${SCREENS.indicators.path}/${encodeURIComponent(i.id)}`} lang={nameOf(i).lang}>
                      {nameOf(i).text}
                    </a>
                    {i.preset && (
                      <>
                        {' '}
                        <span class="badge">{t('indicators.preset')}</span>
                      </>
                    )}
                  </th>
                  <td>{t(`indicators.geo.${i.geography}`)}</td>
                  <td>{i.unit}</td>
                  <td lang={i.insatsId ? 'sv' : undefined}>
                    {i.insatsId ? (insatser.get(i.insatsId) ?? i.insatsId) : t('indicators.noInsats')}
                  </td>
                  <td>{latest[i.id] ?? '…'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {editor && (
        <CsvImport
          idPrefix="indicator-import"
          endpoint="/api/staff/indicators/import"
          legend={t('indicators.importTitle')}
          hint={t('indicators.importHint')}
          columns={IMPORT_COLUMNS}
          onImported={() => void load()}
        />
      )}
    </>
  );
}
