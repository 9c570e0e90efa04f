/**
 * The start screen's way in to the map: a few hundred bytes on the first load. The map itself
 * (component, styles and data) is fetched only when the person switches to it.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadSwedishLater, t } from '../../i18n/index.ts';
import type { MapPickerProps } from './map-picker.tsx';

type Chunk = typeof import('./map-picker.tsx');
let chunk: Promise<Chunk> | undefined;

/** The map picker, once its chunk has loaded. */
export function LazyMapPicker(props: MapPickerProps) {
  const [loaded, setLoaded] = useState<Chunk | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // Runs again on `attempt`: the retry button.
  useEffect(() => {
    let live = true;
    chunk ??= loadSwedishLater().then(() => import('./map-picker.tsx'));
    chunk.then(
      (m) => live && setLoaded(m),
      () => {
        chunk = undefined;
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (loaded) return <loaded.MapPicker {...props} />;
  if (!failed) return <p class="muted">{t('app.loading')}</p>;
  return (
    <div class="notice notice-error">
      <p>{t('app.loadError')}</p>
      <button
        type="button"
        class="btn btn-secondary"
        onClick={() => {
          setFailed(false);
          setAttempt((n) => n + 1);
        }}
      >
        {t('app.retry')}
      </button>
    </div>
  );
}
