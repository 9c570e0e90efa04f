import { ApiError } from '../api.ts';
import { t } from '../i18n/index.ts';

/** What an action came to, for a status region. `lang`: the server's (English) words. */
export interface Outcome {
  ok: boolean;
  text: string;
  lang?: string;
}

/** A refusal in words: the server's explanation when it gave one, else "could not load". */
export function problemOutcome(error: unknown): Outcome {
  if (error instanceof ApiError && error.status !== 0 && error.detail)
    return { ok: false, text: error.detail, lang: 'en' };
  return { ok: false, text: t('app.loadError') };
}

/** A polite live region that says how an action went (present, empty, before anything happens). */
export function StatusRegion({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  return (
    <div role="status" data-testid={testId}>
      {outcome && (
        <p class={`notice ${outcome.ok ? 'notice-ok' : 'notice-error'}`} lang={outcome.lang}>
          {outcome.text}
        </p>
      )}
    </div>
  );
}
