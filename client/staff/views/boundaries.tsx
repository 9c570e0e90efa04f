import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BoundarySets, RetagProgress } from '../../../common/wire/staff.ts';
import { ApiError, api } from '../api.ts';
import { Confirm } from '../components/confirm.tsx';
import { LoadState } from '../components/load.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../components/outcome.tsx';
import { TableRegion } from '../components/table-region.tsx';
import { ViewHeading } from '../components/view-heading.tsx';
import { formatTime, t } from '../i18n/index.ts';

/** How often re-tagging progress is asked for while a job runs. */
const POLL_MS = 3000;

function retagText(retag: RetagProgress): string {
  const version = retag.boundaryVersion;
  if (retag.status === 'running')
    return t('boundaries.retagRunning', { version, processed: retag.processed, total: retag.total });
  if (retag.status === 'done') return t('boundaries.retagDone', { version });
  return t('boundaries.retagSuperseded', { version });
}

/** `/personal/omraden` (moderators, admins): boundary set versions, choosing the active one, re-tagging. */
export function Boundaries() {
  const [data, setData] = useState<BoundarySets | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [forbidden, setForbidden] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const show = useCallback((next: BoundarySets) => {
    // Announce the end of a job this screen watched run (not every step of it).
    if (running.current && next.retag && next.retag.status !== 'running')
      setStatus({ ok: true, text: retagText(next.retag) });
    running.current = next.retag?.status === 'running';
    setData(next);
  }, []);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      show(await api<BoundarySets>('GET', '/api/staff/boundary-sets'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else setFailed(true);
    }
  }, [show]);

  useEffect(() => {
    void load();
  }, [load]);

  const isRunning = data?.retag?.status === 'running';
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [isRunning, load]);

  if (forbidden) return <NoAccess />;

  const activate = async (version: string) => {
    setConfirming(null);
    setBusy(true);
    try {
      const next = await api<BoundarySets>(
        'POST',
        `/api/staff/boundary-sets/${encodeURIComponent(version)}/activate`,
      );
      running.current = false;
      show(next);
      setStatus({ ok: true, text: t('boundaries.activated', { version }) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else if (!(error instanceof ApiError && error.status === 401)) setStatus(problemOutcome(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ViewHeading title={t('boundaries.title')} viewKey="boundaries" />
      <p>{t('boundaries.intro')}</p>
      <StatusRegion outcome={status} testId="boundaries-status" />
      {data === undefined ? (
        <LoadState failed={failed} retry={() => void load()} />
      ) : (
        <>
          {data.sets.length === 0 ? (
            <p class="notice">{t('boundaries.none')}</p>
          ) : (
            <TableRegion labelledBy="boundaries-caption">
              <table class="staff-table">
                <caption id="boundaries-caption">{t('boundaries.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('boundaries.colVersion')}</th>
                    <th scope="col">{t('boundaries.colState')}</th>
                    <th scope="col">{t('boundaries.colCreated')}</th>
                    <th scope="col">{t('boundaries.colActivated')}</th>
                    <th scope="col">{t('boundaries.colActions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.sets.map((set) => (
                    <tr
                      key={set.version}
                      data-testid="boundary-row"
                      class={set.active ? 'is-active' : undefined}
                    >
                      <th scope="row">{set.version}</th>
                      <td>
                        {set.active ? <strong>{t('boundaries.active')}</strong> : t('boundaries.inactive')}
                      </td>
                      <td>{formatTime(set.createdAt)}</td>
                      <td>
                        {set.activatedAt
                          ? formatTime(set.activatedAt)
                          : // The first set is active from its import, never chosen.
                            set.active
                            ? '–'
                            : t('boundaries.never')}
                      </td>
                      <td>
                        {!set.active && (
                          <button
                            type="button"
                            class="btn btn-secondary"
                            disabled={busy}
                            onClick={() => setConfirming(set.version)}
                          >
                            {t('boundaries.activate')}
                            <span class="visually-hidden"> {set.version}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          <section aria-labelledby="retag-title">
            <h2 id="retag-title">{t('boundaries.retagTitle')}</h2>
            {data.retag ? (
              <>
                <p data-testid="retag-text">{retagText(data.retag)}</p>
                {data.retag.status === 'running' && (
                  <progress
                    class="retag-progress"
                    max={100}
                    value={data.retag.percent}
                    aria-label={t('boundaries.progress')}
                  />
                )}
              </>
            ) : (
              <p>{t('boundaries.retagNone')}</p>
            )}
          </section>
        </>
      )}
      {confirming && (
        <Confirm
          question={t('boundaries.confirm', { version: confirming })}
          yes={t('boundaries.activate')}
          onYes={() => void activate(confirming)}
          onNo={() => setConfirming(null)}
        />
      )}
    </>
  );
}
