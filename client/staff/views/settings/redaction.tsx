import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../../../common/wire/moderation.ts';
import { Field, type FieldMessage, serverMessages } from '../../components/field.tsx';
import { t } from '../../i18n/index.ts';
import type { SaveSettings } from './index.tsx';

type Mode = Settings['redaction']['mode'];

/** What happens to the original when a moderator redacts: kept restricted, or destroyed. */
export function RedactionSettings({ setting, save }: { setting: Settings['redaction']; save: SaveSettings }) {
  const [mode, setMode] = useState<Mode>(setting.mode);
  const [reference, setReference] = useState(setting.mode === 'purge' ? setting.gallringsbeslut : '');
  const [error, setError] = useState<FieldMessage | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setMode(setting.mode);
    setReference(setting.mode === 'purge' ? setting.gallringsbeslut : '');
  }, [setting]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const ref = reference.trim();
    if (mode === 'purge' && !ref) {
      setError(t('settings.referenceMissing'));
      document.getElementById('redaction-reference')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    const errors = await save(
      { redaction: mode === 'purge' ? { mode, gallringsbeslut: ref } : { mode } },
      t('settings.redactionSaved'),
    );
    setBusy(false);
    const message = serverMessages(errors).gallringsbeslut ?? serverMessages(errors).mode;
    if (message) setError(message);
  };

  return (
    <form
      class="staff-form settings-part"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="redaction-title"
    >
      <h2 id="redaction-title">{t('settings.redactionTitle')}</h2>
      <p>{t('settings.redactionIntro')}</p>
      <fieldset>
        <legend>{t('settings.redactionMode')}</legend>
        <div class="check">
          <input
            type="radio"
            name="redaction-mode"
            id="redaction-restricted"
            checked={mode === 'restricted'}
            onChange={() => setMode('restricted')}
            aria-describedby="redaction-restricted-hint"
          />
          <label for="redaction-restricted">{t('settings.restricted')}</label>
        </div>
        <p class="hint" id="redaction-restricted-hint">
          {t('settings.restrictedHint')}
        </p>
        <div class="check">
          <input
            type="radio"
            name="redaction-mode"
            id="redaction-purge"
            checked={mode === 'purge'}
            onChange={() => setMode('purge')}
            aria-describedby="redaction-purge-hint"
          />
          <label for="redaction-purge">{t('settings.purge')}</label>
        </div>
        <p class="hint" id="redaction-purge-hint">
          {t('settings.purgeHint')}
        </p>
      </fieldset>
      <Field
        id="redaction-reference"
        label={t('settings.reference')}
        hint={t('settings.referenceHint')}
        error={error}
      >
        {(p) => (
          <input
            {...p}
            type="text"
            value={reference}
            onInput={(e) => setReference(e.currentTarget.value)}
            required={mode === 'purge'}
          />
        )}
      </Field>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t('settings.saveRedaction')}
      </button>
    </form>
  );
}
