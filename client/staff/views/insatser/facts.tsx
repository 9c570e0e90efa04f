import { Field, type FieldMessage } from '../../components/field.tsx';
import { t } from '../../i18n/index.ts';
import { type InsatsDraft, KIND_CODES, STATUS_CODES } from './draft.ts';

/** Kind of effort, status, period and the city contact of an insats, with their errors. */
export function InsatsFacts({
  draft,
  errors,
  set,
}: {
  draft: InsatsDraft;
  errors: Record<string, FieldMessage>;
  set: (patch: Partial<InsatsDraft>) => void;
}) {
  const err = (path: string) => errors[path] ?? errors[path.split('.')[0] ?? ''];
  return (
    <>
      <fieldset class="checks" aria-describedby="insats-kind-hint">
        <legend>{t('insats.kind')}</legend>
        <p class="hint" id="insats-kind-hint">
          {t('insats.kindHint')}
        </p>
        {KIND_CODES.map((k) => (
          <div class="check" key={k}>
            <input
              type="radio"
              name="insats-kind"
              id={`insats-kind-${k}`}
              checked={draft.kind === k}
              onChange={() => set({ kind: k })}
            />
            <label for={`insats-kind-${k}`}>{t(`insatsKind.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field id="insats-status-field" label={t('insats.status')}>
        {(p) => (
          <select
            {...p}
            value={draft.status}
            onChange={(e) => set({ status: e.currentTarget.value as InsatsDraft['status'] })}
          >
            {STATUS_CODES.map((s) => (
              <option key={s} value={s}>
                {t(`insatsStatus.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t('insats.period')}</legend>
        <Field id="insats-start" label={t('insats.start')} error={err('period.start')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.start}
              onInput={(e) => set({ start: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="insats-end" label={t('insats.end')} error={errors['period.end']}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.end}
              onInput={(e) => set({ end: e.currentTarget.value })}
            />
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('insats.contact')}</legend>
        <Field id="insats-contact-name" label={t('insats.contactName')} error={err('contact.name')}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={draft.contactName}
              onInput={(e) => set({ contactName: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="insats-contact-email" label={t('insats.contactEmail')} error={errors['contact.email']}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="off"
              value={draft.contactEmail}
              onInput={(e) => set({ contactEmail: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="insats-contact-phone" label={t('insats.contactPhone')} error={errors['contact.phone']}>
          {(p) => (
            <input
              {...p}
              type="tel"
              autoComplete="off"
              value={draft.contactPhone}
              onInput={(e) => set({ contactPhone: e.currentTarget.value })}
            />
          )}
        </Field>
      </fieldset>
    </>
  );
}
