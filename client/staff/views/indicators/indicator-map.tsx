/**
 * An indicator as a choropleth of the delområden for one year (the latest measurement by
 * default). A reporting-area indicator paints every member delområde with its reporting area's
 * value, and says so.
 */
import { useState } from 'preact/hooks';
import { Choropleth } from '../../components/choropleth/index.tsx';
import { Field } from '../../components/field.tsx';
import { t } from '../../i18n/index.ts';
import {
  formatWithUnit,
  type IndicatorDetail,
  measurementYears,
  nameOf,
  type ReportingArea,
} from './data.ts';

/** The value per delområde code for `year`; reporting areas spread over their members. */
export function mapValues(
  indicator: IndicatorDetail,
  year: number,
  reporting: readonly ReportingArea[],
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const measured = indicator.values.filter((v) => v.kind === 'measurement' && v.year === year);
  if (indicator.geography === 'delomrade') for (const v of measured) out.set(v.geoCode, v.value);
  if (indicator.geography === 'reporting_area') {
    const byCode = new Map(measured.map((v) => [v.geoCode, v.value]));
    for (const r of reporting) {
      const value = byCode.get(r.code);
      if (value === undefined) continue;
      for (const code of r.areaCodes) out.set(code, value);
    }
  }
  return out;
}

export function IndicatorMap({
  indicator,
  reporting,
}: {
  indicator: IndicatorDetail;
  reporting: readonly ReportingArea[];
}) {
  const years = measurementYears(indicator.values);
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen !== null && years.includes(chosen) ? chosen : (years[0] ?? null);
  const example = indicator.values.some((v) => v.kind === 'measurement' && v.year === year && v.example);
  return (
    <section aria-labelledby="ind-map-heading" data-testid="indicator-map">
      <h2 id="ind-map-heading">{t('indicators.mapTitle')}</h2>
      {year === null ? (
        <p class="muted">{t('indicators.mapEmpty')}</p>
      ) : (
        <>
          <Field id="ind-map-year" label={t('indicators.mapYear')}>
            {(p) => (
              <select {...p} value={String(year)} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {indicator.geography === 'reporting_area' && <p class="hint">{t('indicators.mapReporting')}</p>}
          {example && (
            <p>
              <span class="badge">{t('indicators.example')}</span>
            </p>
          )}
          <Choropleth
            values={mapValues(indicator, year, reporting)}
            caption={t('indicators.mapCaption', {
              name: nameOf(indicator).text,
              year,
              example: example ? ` (${t('indicators.example')})` : '',
            })}
            format={(n) => formatWithUnit(n, indicator.unit)}
            legendTitle={t('indicators.mapLegend', { unit: indicator.unit })}
            valueHeading={t('indicators.colValue')}
          />
        </>
      )}
    </section>
  );
}
