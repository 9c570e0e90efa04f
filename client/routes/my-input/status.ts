/**
 * What "My input" says about the outbox: only what is true now. The count comes from the outbox
 * itself; the reason from the runner's announcements (the service worker's too) and the browser's
 * own knowledge of being offline, which wins over any "sending".
 */
import type { SyncPhase } from '../../channel/index.ts';
import { formatDate, t } from '../../i18n/index.ts';

export interface StatusInput {
  queued: number;
  attention: number;
  total: number;
  phase: SyncPhase;
  online: boolean;
  /** For `waiting` and `retrying`: when the next try is due (ms since epoch). */
  retryAt?: number | undefined;
  now: number;
}

export function syncStatus(s: StatusInput): { status: string; detail: string } {
  if (s.queued === 0)
    return {
      status: s.attention > 0 ? t('my.needsAttention') : s.total === 0 ? t('my.nothing') : t('my.allSent'),
      detail: '',
    };
  const status = t('my.waitingCount', { n: s.queued });
  let detail = '';
  if (!s.online || s.phase === 'offline') detail = t('my.offline');
  else if (s.phase === 'waiting' && s.retryAt !== undefined && s.retryAt > s.now)
    detail = t('my.serverBusy', { time: formatDate(s.retryAt) });
  else if (s.phase === 'sending') detail = t('my.sending');
  else if (s.phase === 'retrying') detail = t('my.retrying');
  return { status, detail };
}
