import { useEffect, useState } from 'preact/hooks';
import { listen } from '../channel/index.ts';
import { type OutboxRecord, outbox } from '../outbox/index.ts';

/** Every outbox record, oldest first, kept up to date across tabs and the service worker. */
export function useOutboxRecords(): OutboxRecord[] | undefined {
  const [records, setRecords] = useState<OutboxRecord[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let queued = false;
    const load = () => {
      if (queued) return;
      queued = true;
      setTimeout(() => {
        queued = false;
        void outbox.all().then((all) => {
          if (live) setRecords(all);
        });
      }, 30);
    };
    void outbox.all().then((all) => {
      if (live) setRecords(all);
    });
    const stop = listen((m) => {
      if (m.type === 'outbox-changed') load();
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return records;
}
