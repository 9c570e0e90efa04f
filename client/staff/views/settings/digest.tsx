import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../../../common/wire/moderation.ts';
import { Field, type FieldMessage, serverMessages } from '../../components/field.tsx';
import { t } from '../../i18n/index.ts';
import type { SaveSettings } from './index.tsx';

/** The daily e-mail digest for staff (who opted in): on or off, and when it is sent. */
export function DigestSettings({ setting, save }: { setting: Settings['digest']; save: SaveSettings }) {
  const [enabled, setEnabled] = useState(setting.enabled);
  const [time, setTime] = useState(setting.time);
  const [error, setError] = useState<FieldMessage | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setEnabled(setting.enabled);
    setTime(setting.time);
  }, [setting]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
      setError(t('settings.timeBad'));
      document.getElementById('digest-time')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    const errors = await save({ digest: { enabled, time } }, t('settings.digestSaved'));
    setBusy(false);
    const message = serverMessages(errors).time;
    if (message) setError(message);
  };

  return (
    <form
      class="staff-form settings-part"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="digest-title"
    >
      <h2 id="digest-title">{t('settings.digestTitle')}</h2>
      <p>{t('settings.digestIntro')}</p>
      <div class="check">
        <input
          type="checkbox"
          id="digest-enabled"
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        <label for="digest-enabled">{t('settings.digestEnabled')}</label>
      </div>
      <Field
        id="digest-time"
        label={t('settings.digestTime')}
        hint={t('settings.digestTimeHint')}
        error={error}
      >
        {(p) => <input {...p} type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />}
      </Field>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t('settings.saveDigest')}
      </button>
    </form>
  );
}
