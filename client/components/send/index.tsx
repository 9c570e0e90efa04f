import type { RefObject } from 'preact';
import { t } from '../../i18n/index.ts';
import { PRIVACY_VERSION, privacyAccepted } from '../../state/device.ts';
import { PrivacyText } from '../privacy-text/index.tsx';

/**
 * The end of every saving path: the privacy notice (until the person has acknowledged it once),
 * any error, and the send button. Acknowledging = pressing "I understand – send".
 */
export function SendBlock({
  kind,
  busy,
  error,
  errorRef,
}: {
  kind: 'answers' | 'comment' | 'proposal';
  busy: boolean;
  error?: string | undefined;
  errorRef?: RefObject<HTMLParagraphElement | null>;
}) {
  const accepted = privacyAccepted.value === PRIVACY_VERSION;
  const labels = {
    answers: ['send.answers', 'send.acceptAnswers'],
    comment: ['send.comment', 'send.acceptComment'],
    proposal: ['send.proposal', 'send.acceptProposal'],
  } as const;
  const label = t(labels[kind][accepted ? 0 : 1]);
  return (
    <div class="send">
      {!accepted && (
        <section class="gate" aria-labelledby="gate-title">
          <h2 id="gate-title">{t('gate.title')}</h2>
          <p>{t('gate.text')}</p>
          <details>
            <summary>{t('gate.more')}</summary>
            <PrivacyText level={3} />
          </details>
        </section>
      )}
      {error && (
        <p class="notice notice-error" role="alert" ref={errorRef} tabIndex={-1}>
          {error}
        </p>
      )}
      <button type="submit" class="btn btn-primary btn-wide" disabled={busy} aria-disabled={busy}>
        {busy ? t('send.saving') : label}
      </button>
    </div>
  );
}
