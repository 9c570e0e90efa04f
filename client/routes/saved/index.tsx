import { useEffect, useState } from 'preact/hooks';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { t } from '../../i18n/index.ts';
import { listen } from '../../channel/index.ts';
import { type OutboxRecord, outbox } from '../../outbox/index.ts';
import { StorageWarning } from './storage-warning.tsx';

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
          : t('saved.queuedText');
  const heading = useViewHeading(t('saved.queuedTitle'));

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
    </>
  );
}
