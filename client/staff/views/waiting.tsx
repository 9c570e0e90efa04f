import { useState } from 'preact/hooks';
import { ViewHeading } from '../components/view-heading.tsx';
import { t } from '../i18n/index.ts';
import { loadMe, me, signOut } from '../session.ts';

/** Signed in, but no admin has granted a role yet (a first OIDC sign-in, or an account made without one). */
export function Waiting() {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setStatus('');
    const now = await loadMe();
    setBusy(false);
    // With a role, this view is replaced by the one the address asks for; otherwise say so.
    if (now && !now.role) setStatus(t('waiting.still'));
  };
  return (
    <>
      <ViewHeading title={t('waiting.title')} viewKey="waiting" />
      <p>{t('waiting.text', { email: me.value?.email ?? '' })}</p>
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={() => void check()} disabled={busy}>
          {t('waiting.check')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      </div>
      <p role="status" data-testid="waiting-status">
        {status}
      </p>
    </>
  );
}
