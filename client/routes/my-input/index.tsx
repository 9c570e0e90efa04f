import { Listen } from '../../components/listen/index.tsx';
import { useEffect, useRef, useState } from 'preact/hooks';
import { insatser, loadInsatser } from '../../catalogue/index.ts';
import { L } from '../../components/localized/index.tsx';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { forgetLanguage, formatDate, t } from '../../i18n/index.ts';
import { type OutboxRecord, outbox } from '../../outbox/index.ts';
import { useOutboxRecords } from '../../state/use-outbox.ts';
import { refreshReceiptStatuses, refreshSummary, requestSync } from '../../scheduler/index.ts';
import { forgetDevice } from '../../state/device.ts';
import { OLD_AFTER_MS, online, summary, syncPhase, syncRetryAt } from '../../state/status.ts';
import { asGeneralComment, insatsGone, wordsOf } from '../../outbox/closed-insats.ts';
import { clearLedger, forgetItem } from '../../outbox/ledger.ts';
import { syncStatus } from './status.ts';
import { clearRuntimeCaches } from '../../sw-bridge/index.ts';
import { clearMeta } from '../../db/index.ts';
import './style.css';

function attentionText(r: OutboxRecord): string {
  if (insatsGone(r)) return t('attention.insatsClosed');
  const status = r.status ?? 'rejected';
  if (status === 'rejected' || status === 'conflict' || status === 'too_large')
    return t(`attention.${status}`);
  return t('attention.http', { code: status.replace('http_', '') });
}

/** Removes an item the person chose to remove (un-listed first: it is not "lost"). */
function removeItem(id: string) {
  forgetItem(id);
  void outbox.remove(id);
}

/** Sends the words of an item whose insats closed as a general comment instead. */
async function sendAsComment(record: OutboxRecord) {
  const { v7 } = await import('uuid');
  const comment = asGeneralComment(record.item, v7(), Date.now());
  if (!comment) return;
  const next = await outbox.replace(record.id, comment);
  const { expectItem } = await import('../../outbox/ledger.ts');
  expectItem(next.id);
  forgetItem(record.id);
  requestSync();
}

function Item({ record }: { record: OutboxRecord }) {
  const insats = record.item.insatsId
    ? insatser.value.data?.find((i) => i.id === record.item.insatsId)
    : undefined;
  const info = record.receiptInfo;
  const gone = insatsGone(record);
  // Whole, so it can be copied; otherwise an excerpt.
  const words = gone ? wordsOf(record.item) : '';
  const excerpt = gone ? '' : (record.item.text ?? '');
  return (
    <li class={`item item-${record.state}`}>
      <p class="item-kind">
        <strong>{t(`kind.${record.item.kind}`)}</strong>
        {' · '}
        {insats ? <L text={insats.title} /> : record.item.insatsId ? t('my.closedInsats') : t('my.general')}
      </p>
      {record.item.kind === 'proposal' && record.item.title && (
        <p class="item-text" lang={record.item.locale} dir="auto">
          <strong>{record.item.title}</strong>
        </p>
      )}
      {/* What the person wrote, in the language they wrote it in (the page's may have changed since). */}
      {excerpt && (
        <p class="item-text" lang={record.item.locale} dir="auto">
          {excerpt.length > 160 ? `${excerpt.slice(0, 160)}…` : excerpt}
        </p>
      )}
      <p class="item-date">
        {record.state === 'sent' && record.sentAt
          ? t('my.sentAt', { date: formatDate(record.sentAt) })
          : t('my.savedAt', { date: formatDate(record.queuedAt) })}
      </p>
      {record.state === 'sent' && info && (
        <div class="receipt">
          <p>
            <strong>{t(`receipt.${info.status}`)}</strong>
            {info.reason && <> {t('receipt.reason', { reason: info.reason })}</>}
          </p>
          {info.answer && (
            <div class="answer">
              <p>
                <strong>{t('receipt.answer')}</strong> ({formatDate(info.answer.answeredAt, false)})
              </p>
              {/* The city answers in Swedish: read with a Swedish voice. */}
              <p lang="sv" id={`answer-${record.item.id}`}>
                {info.answer.text}
              </p>
              <Listen target={`answer-${record.item.id}`} lang="sv" />
            </div>
          )}
        </div>
      )}
      {record.state === 'sent' && !info && <p>{t('receipt.received')}</p>}
      {record.state === 'attention' && (
        <div class="attention">
          <p>{attentionText(record)}</p>
          {gone && words && (
            <>
              <p>{t('attention.insatsClosedTip')}</p>
              <p class="item-text item-words">
                <strong>{t('my.yourText')}</strong> <span class="copyable">{words}</span>
              </p>
            </>
          )}
          {!gone && record.errors && record.errors.length > 0 && (
            <ErrorDetail
              detail={record.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}
            />
          )}
          <div class="actions">
            {gone && words && (
              <button type="button" class="btn btn-primary" onClick={() => void sendAsComment(record)}>
                {t('my.sendAsComment')}
              </button>
            )}
            {record.status !== 'rejected' && record.status !== 'conflict' && (
              <button
                type="button"
                class="btn btn-secondary"
                onClick={() => void outbox.requeue(record.id).then(() => requestSync())}
              >
                {t('my.tryAgain')}
              </button>
            )}
            <button type="button" class="btn btn-secondary" onClick={() => removeItem(record.id)}>
              {t('my.remove')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function ClearPhone({ waiting }: { waiting: number }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'done'>('idle');
  const questionRef = useRef<HTMLParagraphElement>(null);
  const clear = async () => {
    await outbox.clear();
    clearLedger();
    await clearMeta();
    await clearRuntimeCaches().catch(() => {});
    forgetLanguage();
    forgetDevice();
    await refreshSummary();
    setStep('done');
  };
  return (
    <section class="clear" aria-labelledby="clear-title">
      <h2 id="clear-title">{t('clear.title')}</h2>
      <p>{t('clear.text')}</p>
      {step === 'confirm' ? (
        <div class="notice notice-warn">
          <p ref={questionRef} tabIndex={-1}>
            <strong>{t('clear.question')}</strong>
          </p>
          {waiting > 0 && <p>{t('clear.warnWaiting', { n: waiting })}</p>}
          <div class="actions">
            <button type="button" class="btn btn-danger" onClick={() => void clear()}>
              {t('clear.confirm')}
            </button>
            <button type="button" class="btn btn-secondary" onClick={() => setStep('idle')}>
              {t('clear.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => {
            setStep('confirm');
            requestAnimationFrame(() => questionRef.current?.focus());
          }}
        >
          {t('clear.button')}
        </button>
      )}
      <p role="status">{step === 'done' ? t('clear.done') : ''}</p>
    </section>
  );
}

/** `/mina-svar`: what is waiting on this phone, what needs attention, what was sent and what happened to it. */
export default function MyInput() {
  const title = t('my.title');
  const heading = useViewHeading(title);
  const records = useOutboxRecords();
  const [now, setNow] = useState(() => Date.now());
  const [receiptsStale, setReceiptsStale] = useState(false);

  useEffect(() => {
    void loadInsatser();
    const tick = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(tick);
  }, []);

  // The receipts are asked for again when the connection comes back and when more was sent, so
  // "could not get the status" goes as soon as a look-up succeeds (and comes only after one failed).
  const isOnline = online.value;
  const sentCount = records?.filter((r) => r.state === 'sent').length ?? 0;
  useEffect(() => {
    let live = true;
    void refreshReceiptStatuses().then((ok) => {
      if (live) setReceiptsStale(!ok);
    });
    return () => {
      live = false;
    };
  }, [isOnline, sentCount]);

  const queued = records?.filter((r) => r.state === 'queued') ?? [];
  const attention = records?.filter((r) => r.state === 'attention') ?? [];
  const sent = (records?.filter((r) => r.state === 'sent') ?? []).reverse();
  const old = queued.some((r) => now - r.queuedAt > OLD_AFTER_MS);

  // What the live region says: the state of the outbox, then (when something waits) why.
  const { status, detail } = records
    ? syncStatus({
        queued: queued.length,
        attention: attention.length,
        total: records.length,
        phase: syncPhase.value,
        online: online.value,
        retryAt: syncRetryAt.value,
        now,
      })
    : { status: '', detail: '' };
  const lost = summary.value?.lost ?? 0;

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">{t('my.intro')}</p>
      <div role="status" class="sync-status" id="sync-status">
        {status && <p class="sync-count">{status}</p>}
        {detail && <p>{detail}</p>}
      </div>
      {queued.length > 0 && (
        <button type="button" class="btn btn-primary" onClick={() => requestSync({ resetBackoff: true })}>
          {t('my.sendNow')}
        </button>
      )}
      {lost > 0 && (
        <div class="notice notice-warn" data-testid="lost-notice">
          <h2>{t('my.lostTitle')}</h2>
          <p>{t('my.lostText', { n: lost })}</p>
        </div>
      )}
      {old && (
        <div class="notice notice-warn notice-loud">
          <h2>{t('my.oldTitle')}</h2>
          <p>{t('my.oldText')}</p>
          <p>{t('my.oldTip')}</p>
        </div>
      )}
      {queued.length > 0 && (
        <section aria-labelledby="my-waiting">
          <h2 id="my-waiting">{t('my.waiting')}</h2>
          <ul class="items" data-testid="waiting-list">
            {queued.map((r) => (
              <Item key={r.id} record={r} />
            ))}
          </ul>
        </section>
      )}
      {attention.length > 0 && (
        <section aria-labelledby="my-attention">
          <h2 id="my-attention">{t('my.attention')}</h2>
          <ul class="items" data-testid="attention-list">
            {attention.map((r) => (
              <Item key={r.id} record={r} />
            ))}
          </ul>
        </section>
      )}
      {sent.length > 0 && (
        <section aria-labelledby="my-sent">
          <h2 id="my-sent">{t('my.sent')}</h2>
          {receiptsStale && <p class="hint">{t('my.receiptsOld')}</p>}
          <ul class="items" data-testid="sent-list">
            {sent.map((r) => (
              <Item key={r.id} record={r} />
            ))}
          </ul>
        </section>
      )}
      <ClearPhone waiting={queued.length} />
    </>
  );
}

/**
 * The server's own words about an error, inside the sentence of the participant's language:
 * they are English (the API's), so marked as such for screen readers and right-to-left pages.
 */
function ErrorDetail({ detail }: { detail: string }) {
  const [before = '', after = ''] = t('attention.detail', { detail: '\u0000' }).split('\u0000');
  return (
    <p class="hint">
      {before}
      <span lang="en" dir="ltr">
        {detail}
      </span>
      {after}
    </p>
  );
}
