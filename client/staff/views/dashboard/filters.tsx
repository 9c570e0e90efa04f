/**
 * The dashboard's filter form. Changes stay in the form until "Show": then they go into the
 * address (one history entry per view), and the view loads what the address says.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Area } from '../../../../common/wire/index.ts';
import { districtsOf } from '../../components/choropleth/areas.ts';
import { type StaffMessageKey, t } from '../../i18n/index.ts';
import {
  type DashboardFilters,
  GROUPS,
  isDay,
  type Preset,
  PRESETS,
  placeFilters,
  placeOf,
  presetOf,
  presetRange,
  stockholmToday,
} from './query.ts';

/** An insats as the filter offers it: its id and its title in the staff language. */
export interface InsatsChoice {
  id: string;
  title: string;
}

interface Draft {
  insats: string;
  place: string;
  group: string;
  preset: Preset | 'custom';
  from: string;
  to: string;
  basis: string;
}

function draftOf(filters: DashboardFilters, today: string): Draft {
  return {
    insats: filters.insats ?? '',
    place: placeOf(filters),
    group: filters.group ?? '',
    preset: presetOf(filters.from, filters.to, today),
    from: filters.from ?? '',
    to: filters.to ?? '',
    basis: filters.basis ?? 'primary',
  };
}

/** The form; `onApply` gets the new filters (the caller puts them in the address). */
export function DashboardFilterForm({
  filters,
  insatser,
  areas,
  onApply,
}: {
  filters: DashboardFilters;
  insatser: readonly InsatsChoice[];
  areas: readonly Area[];
  onApply: (filters: DashboardFilters) => void;
}) {
  const today = stockholmToday();
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters, today));
  const key = JSON.stringify(filters);
  useEffect(() => setDraft(draftOf(filters, today)), [key]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const collator = new Intl.Collator('sv');

  const submit = (e: Event) => {
    e.preventDefault();
    const range =
      draft.preset === 'custom'
        ? { from: isDay(draft.from) ? draft.from : undefined, to: isDay(draft.to) ? draft.to : undefined }
        : presetRange(draft.preset, today);
    const next: DashboardFilters = {
      ...(draft.insats ? { insats: draft.insats } : {}),
      ...placeFilters(draft.place),
      ...(draft.group ? { group: draft.group } : {}),
      ...(range.from ? { from: range.from } : {}),
      ...(range.to ? { to: range.to } : {}),
      ...(draft.basis === 'any' ? { basis: 'any' } : {}),
    };
    onApply(next);
  };
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const unknownInsats =
    draft.insats && draft.insats !== 'none' && !insatser.some((i) => i.id === draft.insats);

  return (
    <form class="staff-form dashboard-filters" onSubmit={submit} aria-labelledby="dashboard-filters-title">
      <h2 id="dashboard-filters-title">{t('dashboard.filters')}</h2>
      <div class="filter-grid">
        <div class="field">
          <label class="field-label" for="dashboard-insats">
            {t('dashboard.insats')}
          </label>
          <select
            id="dashboard-insats"
            name="insats"
            value={draft.insats}
            onChange={(e) => set({ insats: value(e) })}
          >
            <option value="">{t('dashboard.allInsatser')}</option>
            <option value="none">{t('dashboard.noInsats')}</option>
            {insatser.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
            {unknownInsats && <option value={draft.insats}>{draft.insats}</option>}
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="dashboard-place">
            {t('dashboard.place')}
          </label>
          <p class="hint" id="dashboard-place-hint">
            {t('dashboard.placeHint')}
          </p>
          <select
            id="dashboard-place"
            name="place"
            aria-describedby="dashboard-place-hint"
            value={draft.place}
            onChange={(e) => set({ place: value(e) })}
          >
            <option value="">{t('dashboard.wholeCity')}</option>
            {districtsOf(areas).map((district) => (
              <optgroup key={district} label={district}>
                <option value={`d:${district}`}>{t('dashboard.wholeDistrict', { district })}</option>
                {areas
                  .filter((a) => a.district === district)
                  .sort((a, b) => collator.compare(a.name, b.name))
                  .map((a) => (
                    <option key={a.code} value={`a:${a.code}`}>
                      {a.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="dashboard-group">
            {t('dashboard.group')}
          </label>
          <select
            id="dashboard-group"
            name="group"
            value={draft.group}
            onChange={(e) => set({ group: value(e) })}
          >
            <option value="">{t('dashboard.allGroups')}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`group.${g}` as StaffMessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="dashboard-preset">
            {t('dashboard.period')}
          </label>
          <select
            id="dashboard-preset"
            name="period"
            value={draft.preset}
            onChange={(e) => {
              const preset = value(e) as Preset | 'custom';
              const range =
                preset === 'custom' ? { from: draft.from, to: draft.to } : presetRange(preset, today);
              set({ preset, from: range.from ?? '', to: range.to ?? '' });
            }}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`dashboard.preset.${p}` as StaffMessageKey)}
              </option>
            ))}
            <option value="custom">{t('dashboard.preset.custom')}</option>
          </select>
        </div>
        {draft.preset === 'custom' && (
          <>
            <DateField
              id="dashboard-from"
              name="from"
              label={t('dashboard.from')}
              value={draft.from}
              onInput={(v) => set({ from: v })}
            />
            <DateField
              id="dashboard-to"
              name="to"
              label={t('dashboard.to')}
              value={draft.to}
              onInput={(v) => set({ to: v })}
            />
          </>
        )}
      </div>
      <fieldset class="dashboard-basis">
        <legend>{t('dashboard.basis')}</legend>
        {(['primary', 'any'] as const).map((b) => (
          <label key={b} class="check">
            <input
              type="radio"
              name="basis"
              value={b}
              checked={draft.basis === b}
              onChange={() => set({ basis: b })}
            />
            {t(`dashboard.basis.${b}`)}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="btn btn-primary">
          {t('dashboard.apply')}
        </button>
        {Object.keys(filters).length > 0 && (
          <button type="button" class="btn btn-secondary" onClick={() => onApply({})}>
            {t('dashboard.clear')}
          </button>
        )}
      </div>
    </form>
  );
}

function DateField(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
}) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <p class="hint" id={`${props.id}-hint`}>
        {t('dashboard.dateHint')}
      </p>
      <input
        type="date"
        id={props.id}
        name={props.name}
        aria-describedby={`${props.id}-hint`}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
