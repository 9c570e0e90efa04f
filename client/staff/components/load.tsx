import { t } from '../i18n/index.ts';

/** Loading, or a failed load with a retry button (inside a view that already has its h1). */
export function LoadState({ failed, retry }: { failed: boolean; retry: () => void }) {
  if (!failed)
    return (
      <p class="muted" role="status">
        {t('app.loading')}
      </p>
    );
  return (
    <div class="notice notice-error" role="alert">
      <p>{t('app.loadError')}</p>
      <button type="button" class="btn btn-secondary" onClick={retry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
