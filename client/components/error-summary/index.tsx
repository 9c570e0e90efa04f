import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import './style.css';

/** One thing to fix before sending: the message and the id of the field it is about. */
export interface FormProblem {
  /** The id of the field (of a radio group: its first radio), which the summary's link focuses. */
  field: string;
  message: string;
}

/**
 * "Fix this first": at the top of a participant form after a failed send, a list of links, one
 * per problem, each moving focus to its field (the GOV.UK error summary). A screen reader reads
 * the whole list when it gets focus; the field's own error stays beside the field.
 */
export function ErrorSummary({
  problems,
  summaryRef,
}: {
  problems: readonly FormProblem[];
  summaryRef: RefObject<HTMLElement | null>;
}) {
  if (problems.length === 0) return null;
  return (
    <section class="error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('form.errorsTitle')}</h2>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>
            <a
              href={`#${p.field}`}
              onClick={(e) => {
                // The field, not the top of the page the hash would scroll to under a sticky header.
                const field = document.getElementById(p.field);
                if (!field) return;
                e.preventDefault();
                field.focus();
                field.scrollIntoView({ block: 'center' });
              }}
            >
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The summary's ref and `show()`, for the send handler: focus moves to the summary once the
 * render with the new problems is on the page.
 */
export function useErrorSummary() {
  const ref = useRef<HTMLElement>(null);
  const show = () => {
    let tries = 0;
    const focus = () => {
      if (ref.current?.isConnected) ref.current.focus();
      else if (tries++ < 10) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  };
  return { ref, show };
}
