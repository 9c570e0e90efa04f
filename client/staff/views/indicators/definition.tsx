/**
 * An indicator's definition: a form for analysts and admins (create with POST, change with PUT),
 * a description list for everyone else.
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { Field, type FieldMessage } from '../../components/field.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { t } from '../../i18n/index.ts';
import { GEOGRAPHIES, INDICATOR_ID, type Indicator, indicatorPath } from './data.ts';

interface Draft {
  id: string;
  nameSv: string;
  nameEn: string;
  descSv: string;
  descEn: string;
  unit: string;
  direction: 'higher' | 'lower';
  source: string;
  geography: Indicator['geography'];
  insatsId: string;
}

function draftOf(i: Indicator | undefined): Draft {
  return {
    id: i?.id ?? '',
    nameSv: i?.name.sv ?? '',
    nameEn: i?.name.en ?? '',
    descSv: i?.description?.sv ?? '',
    descEn: i?.description?.en ?? '',
    unit: i?.unit ?? '',
    direction: i?.direction ?? 'lower',
    source: i?.source ?? '',
    geography: i?.geography ?? 'delomrade',
    insatsId: i?.insatsId ?? '',
  };
}

function bodyOf(d: Draft, withId: boolean) {
  const text = (sv: string, en: string) => ({ sv: sv.trim(), ...(en.trim() ? { en: en.trim() } : {}) });
  return {
    ...(withId ? { id: d.id.trim() } : {}),
    name: text(d.nameSv, d.nameEn),
    ...(d.descSv.trim() ? { description: text(d.descSv, d.descEn) } : {}),
    unit: d.unit.trim(),
    direction: d.direction,
    source: d.source.trim(),
    geography: d.geography,
    insatsId: d.insatsId || null,
  };
}

function check(d: Draft, isNew: boolean): Record<string, FieldMessage> {
  const out: Record<string, FieldMessage> = {};
  if (isNew && !INDICATOR_ID.test(d.id.trim())) out.id = t('indicators.errId');
  if (!d.nameSv.trim()) out['name.sv'] = t('indicators.errRequired');
  if (!d.unit.trim()) out.unit = t('indicators.errRequired');
  if (!d.source.trim()) out.source = t('indicators.errRequired');
  if (d.geography === 'insats' && !d.insatsId) out.insatsId = t('indicators.errInsats');
  return out;
}

function serverErrors(error: unknown): Record<string, FieldMessage> {
  const out: Record<string, FieldMessage> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.errors) {
    const path = e.path.replace(/^\//, '').replace(/\//g, '.');
    const key = path.startsWith('name') ? 'name.sv' : (path.split('.')[0] ?? '');
    if (key && !(key in out)) out[key] = { text: e.message, lang: 'en' };
  }
  return out;
}

/** The definition form (editors). `onSaved` gets the saved indicator. */
export function DefinitionForm({
  indicator,
  insatser,
  onSaved,
}: {
  indicator: Indicator | undefined;
  insatser: readonly { id: string; title: string }[];
  onSaved: (saved: Indicator) => void;
}) {
  const isNew = indicator === undefined;
  // Of a preset only the name, description and source may change (the server refuses the rest).
  const fixed = indicator?.preset === true;
  const [d, setD] = useState<Draft>(() => draftOf(indicator));
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('.indicator-form [aria-invalid="true"]')?.focus(),
    );

  const save = async (e: Event) => {
    e.preventDefault();
    setOutcome(null);
    const mine = check(d, isNew);
    setErrors(mine);
    if (Object.keys(mine).length) {
      setOutcome({ ok: false, text: t('form.fixErrors') });
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const saved = isNew
        ? await api<Indicator>('POST', '/api/staff/indicators', bodyOf(d, true))
        : await api<Indicator>('PUT', indicatorPath(indicator.id), bodyOf(d, false));
      setOutcome({ ok: true, text: t('indicators.saved') });
      onSaved(saved ?? { ...(indicator as Indicator), ...bodyOf(d, isNew) });
    } catch (error) {
      const found = serverErrors(error);
      setErrors(found);
      setOutcome(
        Object.keys(found).length ? { ok: false, text: t('form.fixErrors') } : problemOutcome(error),
      );
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  const text = (
    id: string,
    key: keyof Draft,
    label: string,
    opts: { lang?: string; max: number; hint?: string; disabled?: boolean },
  ) => (
    <Field id={`ind-${id.replace('.', '-')}`} label={label} hint={opts.hint} error={errors[id]}>
      {(p) => (
        <input
          {...p}
          type="text"
          lang={opts.lang}
          maxLength={opts.max}
          disabled={opts.disabled}
          value={d[key]}
          onInput={(e) => set({ [key]: e.currentTarget.value } as Partial<Draft>)}
        />
      )}
    </Field>
  );
  const area = (id: string, key: 'descSv' | 'descEn', label: string, lang: string) => (
    <Field id={`ind-${id.replace('.', '-')}`} label={label}>
      {(p) => (
        <textarea
          {...p}
          lang={lang}
          rows={3}
          maxLength={2000}
          value={d[key]}
          onInput={(e) => set({ [key]: e.currentTarget.value })}
        />
      )}
    </Field>
  );
  return (
    <form class="staff-form indicator-form" noValidate onSubmit={(e) => void save(e)}>
      <h2>{t('indicators.definition')}</h2>
      {fixed && <p class="hint">{t('indicators.presetFixed')}</p>}
      <StatusRegion outcome={outcome} testId="indicator-definition-status" />
      {isNew && text('id', 'id', t('indicators.fId'), { max: 64, hint: t('indicators.fIdHint') })}
      {text('name.sv', 'nameSv', t('indicators.fNameSv'), { lang: 'sv', max: 200 })}
      {text('name.en', 'nameEn', t('indicators.fNameEn'), { lang: 'en', max: 200 })}
      {area('description.sv', 'descSv', t('indicators.fDescSv'), 'sv')}
      {area('description.en', 'descEn', t('indicators.fDescEn'), 'en')}
      {text('unit', 'unit', t('indicators.fUnit'), {
        max: 40,
        hint: t('indicators.fUnitHint'),
        disabled: fixed,
      })}
      <fieldset class="checks">
        <legend>{t('indicators.fDirection')}</legend>
        {(['lower', 'higher'] as const).map((dir) => (
          <div class="check" key={dir}>
            <input
              type="radio"
              name="ind-direction"
              id={`ind-direction-${dir}`}
              checked={d.direction === dir}
              disabled={fixed}
              onChange={() => set({ direction: dir })}
            />
            <label for={`ind-direction-${dir}`}>{t(`indicators.direction.${dir}`)}</label>
          </div>
        ))}
      </fieldset>
      {text('source', 'source', t('indicators.fSource'), { max: 300, hint: t('indicators.fSourceHint') })}
      <Field id="ind-geography" label={t('indicators.fGeography')} error={errors.geography}>
        {(p) => (
          <select
            {...p}
            disabled={fixed}
            value={d.geography}
            onChange={(e) => set({ geography: e.currentTarget.value as Draft['geography'] })}
          >
            {GEOGRAPHIES.map((g) => (
              <option key={g} value={g}>
                {t(`indicators.geo.${g}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="ind-insatsId"
        label={t('indicators.fInsats')}
        hint={t('indicators.fInsatsHint')}
        error={errors.insatsId}
      >
        {(p) => (
          <select
            {...p}
            disabled={fixed}
            value={d.insatsId}
            onChange={(e) => set({ insatsId: e.currentTarget.value })}
          >
            <option value="">{t('indicators.noInsats')}</option>
            {insatser.map((i) => (
              <option key={i.id} value={i.id} lang="sv">
                {i.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {isNew ? t('indicators.create') : t('indicators.save')}
        </button>
      </div>
    </form>
  );
}

/** The definition as text, for those who may not change it. */
export function DefinitionView({
  indicator,
  insatsTitle,
}: {
  indicator: Indicator;
  insatsTitle: string | null;
}) {
  return (
    <section aria-labelledby="ind-def-heading">
      <h2 id="ind-def-heading">{t('indicators.definition')}</h2>
      <dl class="indicator-facts" data-testid="indicator-definition">
        {indicator.description && (
          <>
            <dt>{t('indicators.fDescSv')}</dt>
            <dd lang="sv">{indicator.description.sv}</dd>
          </>
        )}
        <dt>{t('indicators.fUnit')}</dt>
        <dd>{indicator.unit}</dd>
        <dt>{t('indicators.fDirection')}</dt>
        <dd>{t(`indicators.direction.${indicator.direction}`)}</dd>
        <dt>{t('indicators.fSource')}</dt>
        <dd>{indicator.source}</dd>
        <dt>{t('indicators.fGeography')}</dt>
        <dd>{t(`indicators.geo.${indicator.geography}`)}</dd>
        <dt>{t('indicators.fInsats')}</dt>
        <dd lang={insatsTitle ? 'sv' : undefined}>{insatsTitle ?? t('indicators.noInsats')}</dd>
      </dl>
    </section>
  );
}
