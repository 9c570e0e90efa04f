import type { InsatsState } from '../../catalogue/use-insats.ts';
import { t } from '../../i18n/index.ts';
import { useViewHeading } from '../view-heading/index.ts';

/** What a view about one insats shows while it loads, when it is missing, or when loading failed. */
export function InsatsLoadState({ state, retry }: { state: InsatsState; retry: () => void }) {
  const title =
    state.status === 'loading'
      ? t('app.loading')
      : state.status === 'error'
        ? t('app.loadError')
        : t('insats.notFound');
  const heading = useViewHeading(title, state.status);
  if (state.status === 'loading')
    return (
      <p class="muted" role="status">
        {title}
      </p>
    );
  return (
    <>
      <h1 ref={heading} tabIndex={-1} class="h-small">
        {title}
      </h1>
      <div class="actions">
        {state.status === 'error' && (
          <button type="button" class="btn btn-primary" onClick={retry}>
            {t('app.retry')}
          </button>
        )}
        <a href="/" class="btn btn-secondary">
          {t('app.home')}
        </a>
      </div>
    </>
  );
}
