import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';

/**
 * A modal question (native <dialog>: focus moves into it, Escape cancels, focus returns to what
 * opened it). Rendered only while open.
 */
export function Confirm({
  question,
  yes,
  onYes,
  onNo,
}: {
  question: string;
  yes: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="staff-confirm"
      aria-labelledby="confirm-question"
      onCancel={(e) => {
        e.preventDefault();
        onNo();
      }}
    >
      <p id="confirm-question">{question}</p>
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={onYes}>
          {yes}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onNo}>
          {t('confirm.no')}
        </button>
      </div>
    </dialog>
  );
}
