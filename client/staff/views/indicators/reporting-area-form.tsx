/**
 * Adding or changing one reporting area: its code (new ones only), its name, and its
 * delområden as check boxes grouped by stadsområde (PUT /api/staff/reporting-areas/:code).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { Field, type FieldMessage } from '../../components/field.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { t } from '../../i18n/index.ts';
import type { AreaRow, ReportingArea } from './data.ts';

const CODE = /^[A-Za-z0-9_-]{1,20}$/;

export function ReportingAreaForm({
  area,
  areas,
  onSaved,
  onCancel,
}: {
  area: ReportingArea | undefined;
  areas: readonly AreaRow[];
  onSaved: (saved: ReportingArea) => void | Promise<void>;
  onCancel: () => void;
}) {
  const [code, setCode] = useState(area?.code ?? '');
  const [name, setName] = useState(area?.name ?? '');
  const [members, setMembers] = useState<string[]>(area?.areaCodes ?? []);
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  const districts = [...new Set(areas.map((a) => a.district))].sort((a, b) => a.localeCompare(b, 'sv'));

  const save = async (e: Event) => {
    e.preventDefault();
    setOutcome(null);
    const found: Record<string, FieldMessage> = {};
    if (!area && !CODE.test(code.trim())) found.code = t('reporting.errCode');
    if (!name.trim()) found.name = t('indicators.errRequired');
    if (members.length === 0) found.areaCodes = t('reporting.errAreas');
    if (Object.keys(found).length === 0) {
      setBusy(true);
      try {
        const body = { name: name.trim(), areaCodes: members };
        const target = area?.code ?? code.trim();
        await api('PUT', `/api/staff/reporting-areas/${encodeURIComponent(target)}`, body);
        await onSaved({ code: target, ...body });
        return;
      } catch (error) {
        if (error instanceof ApiError)
          for (const fe of error.errors) {
            const key = fe.path.replace(/^\//, '').split(/[./]/)[0] ?? '';
            if (key && !(key in found)) found[key] = { text: fe.message, lang: 'en' };
          }
        if (Object.keys(found).length === 0) setOutcome(problemOutcome(error));
      } finally {
        setBusy(false);
      }
    }
    setErrors(found);
    if (Object.keys(found).length) {
      setOutcome({ ok: false, text: t('form.fixErrors') });
      requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  };

  const membersError = errors.areaCodes;
  return (
    <form ref={ref} class="staff-form reporting-form" noValidate onSubmit={(e) => void save(e)}>
      <h2>{area ? t('reporting.editTitle', { name: area.name }) : t('reporting.new')}</h2>
      <StatusRegion outcome={outcome} testId="reporting-form-status" />
      {!area && (
        <Field id="ra-code" label={t('reporting.colCode')} hint={t('reporting.codeHint')} error={errors.code}>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={20}
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <Field id="ra-name" label={t('reporting.colName')} error={errors.name}>
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={200}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <fieldset
        class="checks"
        aria-describedby={membersError ? 'ra-members-error ra-members-hint' : 'ra-members-hint'}
      >
        <legend>{t('reporting.colAreas')}</legend>
        <p class="hint" id="ra-members-hint">
          {t('reporting.membersHint', { n: members.length })}
        </p>
        {membersError && (
          <p class="field-error" id="ra-members-error">
            {typeof membersError === 'string' ? membersError : membersError.text}
          </p>
        )}
        {districts.map((d, di) => (
          <fieldset key={d} class="checks district-group">
            <legend>{d}</legend>
            {areas
              .filter((a) => a.district === d)
              .map((a) => (
                <div class="check" key={a.code}>
                  <input
                    type="checkbox"
                    id={`ra-area-${a.code}`}
                    aria-invalid={membersError && di === 0 ? 'true' : undefined}
                    checked={members.includes(a.code)}
                    onChange={(e) =>
                      setMembers((m) =>
                        e.currentTarget.checked ? [...m, a.code] : m.filter((c) => c !== a.code),
                      )
                    }
                  />
                  <label for={`ra-area-${a.code}`}>{a.name}</label>
                </div>
              ))}
          </fieldset>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('reporting.save')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel}>
          {t('reporting.cancel')}
        </button>
      </div>
    </form>
  );
}
