import { useEffect, useState } from 'preact/hooks';
import type {
  ModerationAction,
  ModerationReason,
  QueueCount,
  QueueFilter,
} from '../../../../common/wire/moderation.ts';
import { api } from '../../api.ts';
import { Confirm } from '../../components/confirm.tsx';
import { Field } from '../../components/field.tsx';
import { formatClock, t } from '../../i18n/index.ts';
import { filterQuery } from './filters.ts';
import type { Lists } from './lists.ts';
import { templateLabel } from './reason.tsx';

type BulkAction = Exclude<ModerationAction, 'pending'>;
const ACTIONS: readonly BulkAction[] = ['approve', 'reject', 'hide'];

/**
 * One action on many items: on the selection, or on everything matching the filter. For the
 * filter, the count comes first ("Apply to N items (as of 10:31)"), then a confirmation; the
 * action then applies to that snapshot only (nothing received after it).
 */
export function BulkBar({
  filter,
  selected,
  lists,
  busy,
  onSelection,
  onFilter,
  onError,
}: {
  filter: QueueFilter;
  selected: number;
  lists: Lists;
  busy: boolean;
  onSelection: (action: BulkAction, reason: ModerationReason | undefined) => void;
  onFilter: (action: BulkAction, reason: ModerationReason | undefined, asOf: string, count: number) => void;
  onError: (error: unknown) => void;
}) {
  const [action, setAction] = useState<BulkAction>('approve');
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [count, setCount] = useState<QueueCount | null>(null);
  const [confirming, setConfirming] = useState(false);
  const key = JSON.stringify(filter);
  // A count belongs to the filter it was made for.
  useEffect(() => setCount(null), [key]);

  const reason = (): ModerationReason | undefined | false => {
    const free = text.trim();
    if (action === 'reject' && !templateId && !free) {
      setReasonError(t('queue.reasonMissing'));
      document.getElementById('bulk-template')?.focus();
      return false;
    }
    setReasonError(undefined);
    if (action === 'approve' || (!templateId && !free)) return undefined;
    return { ...(templateId ? { templateId } : {}), ...(free ? { text: free } : {}) };
  };

  const countMatching = async () => {
    setCount(null);
    try {
      setCount(await api<QueueCount>('GET', `/api/staff/queue/count?${filterQuery(filter)}`));
    } catch (error) {
      onError(error);
    }
  };

  const verb = t(`queue.action.${action}`);
  return (
    <section class="queue-bulk" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t('queue.bulkTitle')}</h2>
      <fieldset class="bulk-actions">
        <legend>{t('queue.bulkAction')}</legend>
        {ACTIONS.map((a) => (
          <div class="check" key={a}>
            <input
              type="radio"
              name="bulk-action"
              id={`bulk-${a}`}
              value={a}
              checked={action === a}
              onChange={() => {
                setAction(a);
              }}
            />
            <label for={`bulk-${a}`}>{t(`queue.action.${a}`)}</label>
          </div>
        ))}
      </fieldset>
      {action !== 'approve' && (
        <div class="bulk-reason">
          <Field
            id="bulk-template"
            label={t('queue.reasonTemplate')}
            hint={action === 'reject' ? t('queue.reasonHint') : t('queue.reasonOptional')}
            error={reasonError}
          >
            {(p) => (
              <select {...p} value={templateId} onChange={(e) => setTemplateId(e.currentTarget.value)}>
                <option value="">{t('queue.noTemplate')}</option>
                {lists.templates
                  .filter((tpl) => tpl.active)
                  .map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {templateLabel(tpl)}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field id="bulk-reason-text" label={t('queue.reasonText')}>
            {(p) => <textarea {...p} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
          </Field>
        </div>
      )}
      <div class="actions">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy || selected === 0}
          onClick={() => {
            const r = reason();
            if (r !== false) onSelection(action, r);
          }}
          data-testid="bulk-selection"
        >
          {t('queue.applySelected', { action: verb, n: selected })}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          disabled={busy}
          onClick={() => void countMatching()}
          data-testid="bulk-count"
        >
          {t('queue.countMatching')}
        </button>
      </div>
      {count && (
        <div class="bulk-count" data-testid="bulk-count-result">
          <p>{t('queue.matching', { n: count.count, time: formatClock(count.asOf) })}</p>
          {count.count > 0 && (
            <button
              type="button"
              class="btn btn-primary"
              disabled={busy}
              onClick={() => {
                if (reason() !== false) setConfirming(true);
              }}
              data-testid="bulk-filter"
            >
              {t('queue.applyFilter', { action: verb, n: count.count, time: formatClock(count.asOf) })}
            </button>
          )}
        </div>
      )}
      {confirming && count && (
        <Confirm
          question={t('queue.confirmFilter', { action: verb, n: count.count, time: formatClock(count.asOf) })}
          yes={t('queue.applyFilter', { action: verb, n: count.count, time: formatClock(count.asOf) })}
          onYes={() => {
            setConfirming(false);
            const r = reason();
            if (r === false) return;
            onFilter(action, r, count.asOf, count.count);
            setCount(null);
          }}
          onNo={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
