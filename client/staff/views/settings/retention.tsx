import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../../../common/wire/moderation.ts';
import { Field, type FieldMessage, serverMessages } from '../../components/field.tsx';
import { type StaffMessageKey, t } from '../../i18n/index.ts';
import type { SaveSettings } from './index.tsx';

type Retention = Settings['retention'];
type NumberKey = 'contactMonths' | 'deviceIdDays' | 'mailDays' | 'submissionMonths' | 'auditMonths';

/** The number fields: label, hint, and whether empty (kept until set) is allowed. */
const FIELDS: readonly {
  key: NumberKey;
  label: StaffMessageKey;
  hint: StaffMessageKey;
  optional: boolean;
}[] = [
  { key: 'contactMonths', label: 'settings.contactMonths', hint: 'settings.contactHint', optional: true },
  { key: 'deviceIdDays', label: 'settings.deviceIdDays', hint: 'settings.deviceIdHint', optional: false },
  { key: 'mailDays', label: 'settings.mailDays', hint: 'settings.mailHint', optional: false },
  { key: 'submissionMonths', label: 'settings.submissionMonths', hint: 'settings.keptHint', optional: true },
  { key: 'auditMonths', label: 'settings.auditMonths', hint: 'settings.keptHint', optional: true },
];

const text = (n: number | null) => (n === null ? '' : String(n));

/** How long each kind of data is kept; deleting public records needs the city's decision. */
export function RetentionSettings({ setting, save }: { setting: Retention; save: SaveSettings }) {
  const [values, setValues] = useState<Record<NumberKey, string>>(() => draftOf(setting));
  const [reference, setReference] = useState(setting.gallringsbeslut ?? '');
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setValues(draftOf(setting));
    setReference(setting.gallringsbeslut ?? '');
  }, [setting]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, FieldMessage> = {};
    const out: Partial<Record<NumberKey, number | null>> = {};
    for (const f of FIELDS) {
      const raw = values[f.key].trim();
      if (raw === '' && f.optional) out[f.key] = null;
      else if (/^\d{1,5}$/.test(raw)) out[f.key] = Number(raw);
      else found[f.key] = f.optional ? t('settings.wholeOrEmpty') : t('settings.whole');
    }
    const needsDecision = out.submissionMonths != null || out.auditMonths != null;
    if (needsDecision && !reference.trim()) found.gallringsbeslut = t('settings.decisionMissing');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`retention-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const server = await save(
      {
        retention: {
          contactMonths: out.contactMonths ?? null,
          deviceIdDays: out.deviceIdDays ?? 0,
          mailDays: out.mailDays ?? 0,
          submissionMonths: out.submissionMonths ?? null,
          auditMonths: out.auditMonths ?? null,
          gallringsbeslut: reference.trim() || null,
        },
      },
      t('settings.retentionSaved'),
    );
    setBusy(false);
    setErrors(serverMessages(server));
  };

  return (
    <form
      class="staff-form settings-part"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="retention-title"
    >
      <h2 id="retention-title">{t('settings.retentionTitle')}</h2>
      <p>{t('settings.retentionIntro')}</p>
      <div class="filter-grid">
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            id={`retention-${f.key}`}
            label={t(f.label)}
            hint={t(f.hint)}
            error={errors[f.key]}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="numeric"
                class="input-short"
                value={values[f.key]}
                onInput={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <Field
        id="retention-gallringsbeslut"
        label={t('settings.retentionReference')}
        hint={t('settings.retentionReferenceHint')}
        error={errors.gallringsbeslut}
      >
        {(p) => (
          <input {...p} type="text" value={reference} onInput={(e) => setReference(e.currentTarget.value)} />
        )}
      </Field>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t('settings.saveRetention')}
      </button>
    </form>
  );
}

function draftOf(r: Retention): Record<NumberKey, string> {
  return {
    contactMonths: text(r.contactMonths),
    deviceIdDays: text(r.deviceIdDays),
    mailDays: text(r.mailDays),
    submissionMonths: text(r.submissionMonths),
    auditMonths: text(r.auditMonths),
  };
}
