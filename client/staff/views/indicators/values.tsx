/**
 * An indicator's values per place and year (measurements, the baseline, targets for 2030 and
 * 2035), and for analysts and admins a form to add, change and delete them by hand.
 */
import { useRef, useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { Confirm } from '../../components/confirm.tsx';
import { Field, type FieldMessage } from '../../components/field.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { t } from '../../i18n/index.ts';
import {
  formatNumber,
  formatWithUnit,
  type IndicatorDetail,
  type IndicatorValue,
  indicatorPath,
  type PlaceNames,
  parseDecimal,
  perPlace,
  sortValues,
  TARGETS,
  VALUE_KINDS,
} from './data.ts';

interface Form {
  geoCode: string;
  kind: IndicatorValue['kind'];
  year: string;
  value: string;
  note: string;
}

const EMPTY: Form = { geoCode: '', kind: 'measurement', year: '', value: '', note: '' };

export function ValuesSection({
  indicator,
  names,
  places,
  editor,
  onChanged,
}: {
  indicator: IndicatorDetail;
  names: PlaceNames;
  /** The places values can be for (delområden or reporting areas); empty for city or insats. */
  places: readonly { code: string; name: string }[];
  editor: boolean;
  onChanged: () => Promise<void>;
}) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<IndicatorValue | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const byPlace = perPlace(indicator.geography);
  const rows = sortValues(indicator.values, names);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const save = async (e: Event) => {
    e.preventDefault();
    setOutcome(null);
    const year = Number(form.year);
    const value = parseDecimal(form.value);
    const found: Record<string, FieldMessage> = {};
    if (byPlace && !form.geoCode) found.geoCode = t('indicators.errPlace');
    if (!/^\d{4}$/.test(form.year) || year < 1990 || year > 2100) found.year = t('indicators.errYear');
    if (value === null) found.value = t('indicators.errValue');
    setErrors(found);
    if (Object.keys(found).length || value === null) {
      setOutcome({ ok: false, text: t('form.fixErrors') });
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setBusy(true);
    try {
      const note = form.note.trim();
      await api('PUT', `${indicatorPath(indicator.id)}/values`, {
        geoCode: byPlace ? form.geoCode : '',
        kind: form.kind,
        year,
        value,
        ...(note ? { note } : {}),
      });
      await onChanged();
      setOutcome({
        ok: true,
        text: t('indicators.valueSaved', {
          kind: t(`indicators.kind.${form.kind}`),
          year,
          value: formatWithUnit(value, indicator.unit),
        }),
      });
      set({ value: '', note: '' });
    } catch (error) {
      setOutcome(problemOutcome(error));
    } finally {
      setBusy(false);
    }
  };

  const edit = (v: IndicatorValue) => {
    setErrors({});
    setOutcome(null);
    setForm({
      geoCode: v.geoCode,
      kind: v.kind,
      year: String(v.year),
      value: formatNumber(v.value).replace(/[\s\u00a0\u202f]/g, ''),
      note: v.note ?? '',
    });
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('select, input')?.focus());
  };

  const remove = async (v: IndicatorValue) => {
    setDeleting(null);
    try {
      const q = new URLSearchParams({ geoCode: v.geoCode, kind: v.kind, year: String(v.year) });
      await api('DELETE', `${indicatorPath(indicator.id)}/values?${q}`);
      await onChanged();
      setOutcome({ ok: true, text: t('indicators.valueDeleted') });
    } catch (error) {
      setOutcome(problemOutcome(error));
    }
  };

  const describe = (v: IndicatorValue) => `${names(v.geoCode)}, ${t(`indicators.kind.${v.kind}`)} ${v.year}`;
  return (
    <section aria-labelledby="ind-values-heading">
      <h2 id="ind-values-heading">{t('indicators.valuesTitle')}</h2>
      {editor && <StatusRegion outcome={outcome} testId="indicator-values-status" />}
      {rows.length === 0 ? (
        <p class="muted">{t('indicators.noValues')}</p>
      ) : (
        <TableRegion labelledBy="ind-values-caption">
          <table class="staff-table" data-testid="indicator-values">
            <caption id="ind-values-caption">{t('indicators.valuesCaption', { n: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.colPlace')}</th>
                <th scope="col">{t('indicators.colKind')}</th>
                <th scope="col">{t('indicators.colYear')}</th>
                <th scope="col">{t('indicators.colValue')}</th>
                <th scope="col">{t('indicators.colNote')}</th>
                {editor && <th scope="col">{t('indicators.colActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={`${v.geoCode}|${v.kind}|${v.year}`} data-testid="indicator-value-row">
                  <th scope="row">{names(v.geoCode)}</th>
                  <td>{t(`indicators.kind.${v.kind}`)}</td>
                  <td>{v.year}</td>
                  <td>
                    {formatWithUnit(v.value, indicator.unit)}
                    {v.example && <span class="badge"> {t('indicators.exampleOne')}</span>}
                  </td>
                  <td>{v.note ?? ''}</td>
                  {editor && (
                    <td class="value-actions">
                      <button type="button" class="btn btn-link" onClick={() => edit(v)}>
                        {t('indicators.editValue')}
                        <span class="visually-hidden">: {describe(v)}</span>
                      </button>{' '}
                      <button type="button" class="btn btn-link" onClick={() => setDeleting(v)}>
                        {t('indicators.deleteValue')}
                        <span class="visually-hidden">: {describe(v)}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {deleting && (
        <Confirm
          question={t('indicators.deleteValueQuestion', { what: describe(deleting) })}
          yes={t('indicators.deleteValue')}
          onYes={() => void remove(deleting)}
          onNo={() => setDeleting(null)}
        />
      )}
      {editor && (
        <form ref={formRef} class="staff-form value-form" noValidate onSubmit={(e) => void save(e)}>
          <fieldset>
            <legend>{t('indicators.valueFormTitle')}</legend>
            <p class="hint">{t('indicators.valueFormHint')}</p>
            <div class="filter-grid">
              {byPlace && (
                <Field id="val-geo" label={t('indicators.colPlace')} error={errors.geoCode}>
                  {(p) => (
                    <select
                      {...p}
                      value={form.geoCode}
                      onChange={(e) => set({ geoCode: e.currentTarget.value })}
                    >
                      <option value="">{t('indicators.choosePlace')}</option>
                      {places.map((a) => (
                        <option key={a.code} value={a.code}>
                          {a.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              )}
              <Field id="val-kind" label={t('indicators.colKind')}>
                {(p) => (
                  <select
                    {...p}
                    value={form.kind}
                    onChange={(e) => {
                      const kind = e.currentTarget.value as Form['kind'];
                      set({
                        kind,
                        ...(kind === 'target' && !TARGETS.includes(Number(form.year))
                          ? { year: '2030' }
                          : {}),
                      });
                    }}
                  >
                    {VALUE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`indicators.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="val-year" label={t('indicators.colYear')} error={errors.year}>
                {(p) =>
                  form.kind === 'target' ? (
                    <select {...p} value={form.year} onChange={(e) => set({ year: e.currentTarget.value })}>
                      {TARGETS.map((y) => (
                        <option key={y} value={String(y)}>
                          {y}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      {...p}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={4}
                      value={form.year}
                      onInput={(e) => set({ year: e.currentTarget.value.trim() })}
                    />
                  )
                }
              </Field>
              <Field
                id="val-value"
                label={t('indicators.valueLabel', { unit: indicator.unit })}
                error={errors.value}
              >
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={form.value}
                    onInput={(e) => set({ value: e.currentTarget.value })}
                  />
                )}
              </Field>
            </div>
            <Field id="val-note" label={t('indicators.colNote')}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  maxLength={500}
                  value={form.note}
                  onInput={(e) => set({ note: e.currentTarget.value })}
                />
              )}
            </Field>
            <div class="actions">
              <button type="submit" class="btn btn-primary" disabled={busy}>
                {t('indicators.saveValue')}
              </button>
            </div>
          </fieldset>
        </form>
      )}
    </section>
  );
}
