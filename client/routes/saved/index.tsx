import { useEffect, useState } from 'preact/hooks';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { t } from '../../i18n/index.ts';
import { listen } from '../../channel/index.ts';
import { type OutboxRecord, outbox } from '../../outbox/index.ts';
import { online, syncPhase } from '../../state/status.ts';
import { StorageWarning } from './storage-warning.tsx';
import { ShareButton } from '../../components/share/index.tsx';
import { identity } from '../../identity/index.ts';

/** The insats a saved item is about; none for a general comment or a new idea. */
function insatsOf(record: OutboxRecord | null | undefined): string | undefined {
  const item = record?.item as { insatsId?: string | null } | undefined;
  return item?.insatsId ?? undefined;
}

/** `/sparat/:id`: "Saved on your phone; it will be sent" — and "Sent" as soon as it is. */
export default function Saved({ id }: { id?: string }) {
  const [record, setRecord] = useState<OutboxRecord | null | undefined>(undefined);
  useEffect(() => {
    if (!id) {
      setRecord(null);
      return;
    }
    let live = true;
    const load = () =>
      void outbox.get(id).then((r) => {
        if (live) setRecord(r ?? null);
      });
    load();
    const stop = listen((m) => {
      if (m.type === 'outbox-changed') load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [id]);

  const state = record?.state;
  const title =
    record === null
      ? t('saved.notFound')
      : state === 'sent'
        ? t('saved.sentTitle')
        : state === 'attention'
          ? t('saved.attentionTitle')
          : t('saved.queuedTitle');
  const text =
    state === 'sent'
      ? t('saved.sentText')
      : state === 'attention'
        ? t('saved.attentionText')
        : record === null
          ? ''
          : // What is true now: without internet it waits for it; online it is on its way, or the
            // last try failed and the app tries again by itself (never "when you have internet").
            !online.value || syncPhase.value === 'offline'
            ? t('saved.queuedText')
            : syncPhase.value === 'idle' || syncPhase.value === 'sending'
              ? t('saved.sendingText')
              : t('saved.retryText');
  // The page title follows what happened to it, like the heading.
  const heading = useViewHeading(record === undefined ? t('saved.queuedTitle') : title);

  return (
    <>
      <div role="status" class={`saved saved-${state ?? 'queued'}`}>
        <h1 ref={heading} tabIndex={-1}>
          {record === undefined ? t('saved.queuedTitle') : title}
        </h1>
        {record !== undefined && <p class="lead">{text}</p>}
      </div>
      {state === 'queued' && <StorageWarning />}
      <div class="actions actions-stack">
        <a href="/mina-svar" class="btn btn-primary btn-wide">
          {t('saved.myInput')}
        </a>
        <a href="/" class="btn btn-secondary btn-wide">
          {t('saved.more')}
        </a>
      </div>
      <SharedInsats insatsId={insatsOf(record)} />
    </>
  );
}

/** For an item about an insats: what others said about it, and sharing it with friends. */
function SharedInsats({ insatsId }: { insatsId: string | undefined }) {
  if (!insatsId) return null;
  const base = `/insats/${encodeURIComponent(insatsId)}`;
  return (
    <>
      <p>
        <a href={`${base}/vad-vi-hort`} class="tap-link">
          {t('heard.link')}
        </a>
      </p>
      <ShareButton path={base} title={identity.value.appName} />
    </>
  );
}
