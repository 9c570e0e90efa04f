import { useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import './style.css';

/** What pressing Share led to: nothing yet, the link copied, or copying failed (the link is shown). */
type Outcome = 'idle' | 'copied' | 'manual';

/**
 * A Share button for `path` (a page of this app): the phone's share sheet where there is one
 * (`navigator.share`), else the link copied to the clipboard with a confirmation, else the link
 * shown in a field to copy by hand. The confirmation is in a status region that is always in the
 * page, so screen readers announce it.
 */
export function ShareButton({ path, title }: { path: string; title: string }) {
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const field = useRef<HTMLInputElement>(null);
  const url = new URL(path, location.origin).href;

  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, text: t('share.text'), url });
        return;
      } catch (error) {
        // Closing the share sheet is a choice, not a failure.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setOutcome('copied');
    } catch {
      setOutcome('manual');
      requestAnimationFrame(() => field.current?.select());
    }
  };

  return (
    <div class="share">
      <button type="button" class="btn btn-secondary btn-wide" onClick={() => void share()}>
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="18" cy="5" r="3" />
          <circle cx="6" cy="12" r="3" />
          <circle cx="18" cy="19" r="3" />
          <path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4" />
        </svg>
        {t('share.button')}
      </button>
      <p role="status" class="share-status">
        {outcome === 'copied' ? t('share.copied') : outcome === 'manual' ? t('share.manual') : ''}
      </p>
      {outcome === 'manual' && (
        <input
          ref={field}
          class="share-link"
          type="text"
          dir="ltr"
          readOnly
          value={url}
          aria-label={t('share.manual')}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
