import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings, SettingsPatch } from '../../../../common/wire/moderation.ts';
import { ApiError, api, fieldErrors } from '../../api.ts';
import { LoadState } from '../../components/load.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { ViewHeading } from '../../components/view-heading.tsx';
import { t } from '../../i18n/index.ts';
import { DigestSettings } from './digest.tsx';
import { ReasonTemplates } from './reasons.tsx';
import { RedactionSettings } from './redaction.tsx';
import { RetentionSettings } from './retention.tsx';
import '../queue/style.css';

/** Saves one part of the settings; resolves with the field errors of a 400 (empty when saved). */
export type SaveSettings = (patch: SettingsPatch, done: string) => Promise<Record<string, string>>;

/**
 * `/personal/installningar` (admins): what redaction does with originals, how long each kind of
 * data is kept, the staff e-mail digest, and the reason templates. Each part is saved on its own.
 */
export function SettingsView() {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [forbidden, setForbidden] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      setSettings(await api<Settings>('GET', '/api/staff/settings'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const save: SaveSettings = async (patch, done) => {
    try {
      setSettings(await api<Settings>('PATCH', '/api/staff/settings', patch));
      setOutcome({ ok: true, text: done });
      return {};
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) {
        setOutcome({ ok: false, text: t('form.fixErrors') });
        return fieldErrorsDeep(error);
      } else if (!(error instanceof ApiError && error.status === 401)) setOutcome(problemOutcome(error));
      return {};
    }
  };

  if (forbidden) return <NoAccess />;
  return (
    <>
      <ViewHeading title={t('settings.title')} viewKey="settings" />
      <p>{t('settings.intro')}</p>
      <StatusRegion outcome={outcome} testId="settings-status" />
      {settings === undefined ? (
        <LoadState failed={failed} retry={() => void load()} />
      ) : (
        <>
          <RedactionSettings setting={settings.redaction} save={save} />
          <RetentionSettings setting={settings.retention} save={save} />
          <DigestSettings setting={settings.digest} save={save} />
        </>
      )}
      <ReasonTemplates onForbidden={() => setForbidden(true)} />
    </>
  );
}

/** Field errors by their last path segment (`redaction.gallringsbeslut` → `gallringsbeslut`). */
function fieldErrorsDeep(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const name = e.path.replace(/^\//, '').split(/[./]/).filter(Boolean).pop() ?? '';
    if (name && !(name in out)) out[name] = e.message;
  }
  return Object.keys(out).length > 0 ? out : fieldErrors(error);
}
