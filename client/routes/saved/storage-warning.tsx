import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';

/**
 * On the saved screen while the item waits: says plainly that the phone may delete it when the
 * browser has not promised to keep this site's data (persistent storage not granted).
 */
export function StorageWarning() {
  const [mayBeLost, setMayBeLost] = useState(false);
  useEffect(() => {
    let live = true;
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persisted) return;
    storage.persisted().then(
      (kept) => {
        if (live) setMayBeLost(!kept);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  if (!mayBeLost) return null;
  return (
    <p class="notice notice-warn" data-testid="storage-warning">
      {t('saved.mayBeLost')}
    </p>
  );
}
