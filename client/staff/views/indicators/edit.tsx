import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, api } from '../../api.ts';
import { IndicatorChart } from '../../components/charts/indicator-chart.tsx';
import { Confirm } from '../../components/confirm.tsx';
import { Field } from '../../components/field.tsx';
import { LoadState } from '../../components/load.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { ViewHeading } from '../../components/view-heading.tsx';
import { t } from '../../i18n/index.ts';
import { mayEditIndicators, me, SCREENS } from '../../session.ts';
import {
  type AreaRow,
  formatNumber,
  type IndicatorDetail,
  indicatorPath,
  listOf,
  loadAreas,
  loadReportingAreas,
  nameOf,
  perPlace,
  placeNames,
  type ReportingArea,
} from './data.ts';
import { DefinitionForm, DefinitionView } from './definition.tsx';
import { IndicatorMap } from './indicator-map.tsx';
import { ValuesSection } from './values.tsx';
import './indicators.css';

/**
 * `/personal/indikatorer/:id` (every role; `ny`: a new one, for analysts and admins): the
 * definition, the values, a chart against baseline and targets, and the map.
 */
export default function IndicatorEdit({ id }: { id?: string }) {
  const isNew = id === undefined || id === 'ny';
  const { route } = useLocation();
  const editor = mayEditIndicators(me.value?.role ?? null);
  const [indicator, setIndicator] = useState<IndicatorDetail | undefined>(undefined);
  const [areas, setAreas] = useState<AreaRow[]>([]);
  const [reporting, setReporting] = useState<ReportingArea[]>([]);
  const [insatser, setInsatser] = useState<{ id: string; title: string }[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const [missing, setMissing] = useState(false);
  const [chartPlace, setChartPlace] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const reload = async () => {
    if (!id || isNew) return;
    setIndicator(await api<IndicatorDetail>('GET', indicatorPath(id)));
  };
  const load = async () => {
    setFailed(false);
    try {
      const [a, r, i] = await Promise.all([
        loadAreas(),
        loadReportingAreas().catch(() => [] as ReportingArea[]),
        api<unknown>('GET', '/api/staff/insatser').catch(() => []),
      ]);
      setAreas(a);
      setReporting(r);
      setInsatser(
        listOf<{ id: string; title: { sv: string } }>(i).map((x) => ({ id: x.id, title: x.title.sv })),
      );
      await reload();
      setLoaded(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setMissing(true);
      else setFailed(true);
    }
  };
  useEffect(() => {
    setIndicator(undefined);
    setLoaded(false);
    setChartPlace(null);
    void load();
  }, [id]);

  const names = useMemo(
    () => placeNames(indicator?.geography ?? 'city', areas, reporting),
    [indicator?.geography, areas, reporting],
  );
  if (isNew && !editor) return <NoAccess />;
  const title = isNew ? t('indicators.newTitle') : indicator ? nameOf(indicator).text : t('indicators.title');
  const heading = <ViewHeading title={title} viewKey={`indicator-${id}`} />;
  const back = (
    <p>
      <a href={SCREENS.indicators.path}>{t('indicators.back')}</a>
    </p>
  );
  if (missing)
    return (
      <>
        {heading}
        {back}
        <p class="notice notice-error">{t('indicators.notFound')}</p>
      </>
    );
  if (!loaded || (!isNew && !indicator))
    return (
      <>
        {heading}
        <LoadState failed={failed} retry={() => void load()} />
      </>
    );

  if (isNew || !indicator)
    return (
      <>
        {heading}
        {back}
        <DefinitionForm
          indicator={undefined}
          insatser={insatser}
          onSaved={(saved) => route(`${SCREENS.indicators.path}/${encodeURIComponent(saved.id)}`)}
        />
      </>
    );

  const byPlace = perPlace(indicator.geography);
  const places = byPlace
    ? indicator.geography === 'delomrade'
      ? areas.map((a) => ({ code: a.code, name: a.name }))
      : reporting.map((r) => ({ code: r.code, name: r.name }))
    : [];
  const withValues = [...new Set(indicator.values.map((v) => v.geoCode))].sort((a, b) =>
    names(a).localeCompare(names(b), 'sv'),
  );
  const place =
    chartPlace !== null && withValues.includes(chartPlace)
      ? chartPlace
      : withValues.includes('')
        ? ''
        : (withValues[0] ?? '');
  const example = indicator.values.some((v) => v.example);
  const insatsTitle = insatser.find((i) => i.id === indicator.insatsId)?.title ?? indicator.insatsId;

  const remove = async () => {
    setDeleting(false);
    try {
      await api('DELETE', indicatorPath(indicator.id));
      route(SCREENS.indicators.path);
    } catch (error) {
      setOutcome(problemOutcome(error));
    }
  };

  return (
    <>
      {heading}
      {back}
      <p>
        {indicator.preset && <span class="badge">{t('indicators.preset')}</span>}{' '}
        {example && <span class="badge">{t('indicators.example')}</span>}
      </p>
      {example && <p class="notice notice-warn">{t('indicators.exampleNotice')}</p>}
      <StatusRegion outcome={outcome} testId="indicator-status" />
      {editor ? (
        <DefinitionForm
          key={indicator.updatedAt}
          indicator={indicator}
          insatser={insatser}
          onSaved={() => void reload()}
        />
      ) : (
        <DefinitionView indicator={indicator} insatsTitle={insatsTitle} />
      )}
      <ValuesSection indicator={indicator} names={names} places={places} editor={editor} onChanged={reload} />
      <section aria-labelledby="ind-chart-heading">
        <h2 id="ind-chart-heading">{t('indicators.chartHeading')}</h2>
        {withValues.length > 1 && (
          <Field id="ind-chart-place" label={t('indicators.chartPlace')}>
            {(p) => (
              <select {...p} value={place} onChange={(e) => setChartPlace(e.currentTarget.value)}>
                {withValues.map((code) => (
                  <option key={code} value={code}>
                    {names(code)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <IndicatorChart
          name={nameOf(indicator).text}
          place={names(place)}
          unit={indicator.unit}
          direction={indicator.direction}
          values={indicator.values.filter((v) => v.geoCode === place)}
          format={formatNumber}
        />
      </section>
      {byPlace && <IndicatorMap indicator={indicator} reporting={reporting} />}
      {editor && !indicator.preset && (
        <section aria-labelledby="ind-delete-heading">
          <h2 id="ind-delete-heading">{t('indicators.deleteTitle')}</h2>
          <button type="button" class="btn btn-danger" onClick={() => setDeleting(true)}>
            {t('indicators.delete')}
          </button>
        </section>
      )}
      {deleting && (
        <Confirm
          question={t('indicators.deleteQuestion', { name: nameOf(indicator).text })}
          yes={t('indicators.delete')}
          onYes={() => void remove()}
          onNo={() => setDeleting(false)}
        />
      )}
    </>
  );
}
