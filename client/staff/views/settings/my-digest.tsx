import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DigestOptIn } from '../../../../common/wire/moderation.ts';
import { ApiError, api } from '../../api.ts';
import { LoadState } from '../../components/load.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { t } from '../../i18n/index.ts';

/**
 * The signed-in moderator's or admin's own choice: the daily e-mail digest of flagged items and
 * new proposals, or not. One checkbox showing the current choice (GET /api/staff/me/digest);
 * changing it saves at once and says so in the status region.
 */
export function MyDigest() {
  const [optIn, setOptIn] = useState<boolean | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      setOptIn((await api<DigestOptIn>('GET', '/api/staff/me/digest')).optIn);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const choose = async (wanted: boolean) => {
    setBusy(true);
    try {
      const now = await api<DigestOptIn>('POST', '/api/staff/me/digest', { optIn: wanted });
      setOptIn(now.optIn);
      setOutcome({ ok: true, text: now.optIn ? t('digest.on') : t('digest.off') });
    } catch (error) {
      // Not saved: the box goes back to what the server has.
      setOptIn(!wanted);
      if (!(error instanceof ApiError && error.status === 401)) setOutcome(problemOutcome(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="my-digest-title" class="my-digest">
      <h2 id="my-digest-title">{t('digest.title')}</h2>
      <p id="my-digest-text">{t('digest.text')}</p>
      {optIn === undefined ? (
        <LoadState failed={failed} retry={() => void load()} />
      ) : (
        <div class="check">
          <input
            type="checkbox"
            id="my-digest-opt-in"
            checked={optIn}
            disabled={busy}
            aria-describedby="my-digest-text"
            onChange={(e) => {
              const wanted = e.currentTarget.checked;
              setOptIn(wanted);
              void choose(wanted);
            }}
          />
          <label for="my-digest-opt-in">{t('digest.optIn')}</label>
        </div>
      )}
      <StatusRegion outcome={outcome} testId="digest-status" />
    </section>
  );
}
