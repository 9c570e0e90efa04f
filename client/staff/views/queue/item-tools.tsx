import { useEffect, useState } from 'preact/hooks';
import type {
  AnswerResult,
  QueueItem,
  SubmissionPatch,
  SubmissionPatchResult,
} from '../../../../common/wire/moderation.ts';
import { ApiError, api } from '../../api.ts';
import { Field } from '../../components/field.tsx';
import type { Outcome } from '../../components/outcome.tsx';
import { formatTime, t } from '../../i18n/index.ts';
import { insatsTitle, type Lists } from './lists.ts';

/**
 * Below a queue item: correct its delområde (a `staff` tag) and insats, and the city's public
 * answer (shown with the item once published, and to the participant through their receipt).
 */
export function ItemTools({
  item,
  name,
  lists,
  onChanged,
  onOutcome,
  onError,
  onAnswered,
}: {
  item: QueueItem;
  name: string;
  lists: Lists;
  onChanged: (item: QueueItem) => void;
  onOutcome: (outcome: Outcome) => void;
  onError: (error: unknown) => void;
  onAnswered: (result: AnswerResult) => void;
}) {
  const id = `item-${item.id}`;
  const primary = item.tags.find((tag) => tag.primary) ?? item.tags[0];
  const [area, setArea] = useState(primary?.areaCode ?? '');
  const [insats, setInsats] = useState(item.insatsId ?? '');
  const [answer, setAnswer] = useState(item.answer?.text ?? '');
  const [answerError, setAnswerError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The long lists are drawn only while the corrections are open (a page has many items).
  const [correcting, setCorrecting] = useState(false);
  useEffect(() => setArea(primary?.areaCode ?? ''), [primary?.areaCode]);
  useEffect(() => setInsats(item.insatsId ?? ''), [item.insatsId]);

  const patch = async (body: SubmissionPatch) => {
    setBusy(true);
    try {
      const result = await api<SubmissionPatchResult>(
        'PATCH',
        `/api/staff/submissions/${encodeURIComponent(item.id)}`,
        body,
      );
      let next = item;
      if (result.insatsId !== undefined) next = { ...next, insatsId: result.insatsId };
      if (result.areaCode) {
        const code = result.areaCode;
        next = {
          ...next,
          tags: [
            { areaCode: code, source: 'staff', primary: true },
            ...next.tags.filter((tag) => tag.areaCode !== code).map((tag) => ({ ...tag, primary: false })),
          ],
        };
      }
      onChanged(next);
      onOutcome({ ok: true, text: t('queue.corrected', { name }) });
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const publish = async (e: Event) => {
    e.preventDefault();
    if (!answer.trim()) {
      setAnswerError(t('queue.answerMissing'));
      document.getElementById(`${id}-answer`)?.focus();
      return;
    }
    setAnswerError(undefined);
    setBusy(true);
    try {
      const result = await api<AnswerResult>(
        'PUT',
        `/api/staff/submissions/${encodeURIComponent(item.id)}/answer`,
        { text: answer },
      );
      onChanged({ ...item, answer: result.answer });
      onAnswered(result);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.detail) setAnswerError(error.detail);
      else onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {item.answer && (
        <div class="queue-answer" data-testid="item-answer">
          <p>
            <strong>{t('queue.publishedAnswer')}</strong> ({formatTime(item.answer.answeredAt)})
          </p>
          <p class="queue-answer-text" lang="sv">
            {item.answer.text}
          </p>
        </div>
      )}
      <details class="queue-tools" onToggle={(e) => setCorrecting(e.currentTarget.open)}>
        <summary>
          {t('queue.correct')}
          <span class="visually-hidden"> {name}</span>
        </summary>
        <div class="inline-field">
          <label for={`${id}-area`}>
            {t('queue.area')}
            <span class="visually-hidden"> {t('queue.forItem', { name })}</span>
          </label>
          <select id={`${id}-area`} value={area} onChange={(e) => setArea(e.currentTarget.value)}>
            <option value="">{t('queue.chooseArea')}</option>
            {correcting &&
              lists.areas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
          </select>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={busy || !area || area === primary?.areaCode}
            onClick={() => void patch({ areaCode: area })}
          >
            {t('queue.saveArea')}
            <span class="visually-hidden"> {t('queue.forItem', { name })}</span>
          </button>
        </div>
        <div class="inline-field">
          <label for={`${id}-insats`}>
            {t('queue.insats')}
            <span class="visually-hidden"> {t('queue.forItem', { name })}</span>
          </label>
          <select id={`${id}-insats`} value={insats} onChange={(e) => setInsats(e.currentTarget.value)}>
            <option value="">{t('queue.noInsats')}</option>
            {(correcting ? lists.insatser : lists.insatser.filter((i) => i.id === insats)).map((i) => (
              <option key={i.id} value={i.id}>
                {insatsTitle(lists, i.id)}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={busy || insats === (item.insatsId ?? '')}
            onClick={() => void patch({ insatsId: insats || null })}
          >
            {t('queue.saveInsats')}
            <span class="visually-hidden"> {t('queue.forItem', { name })}</span>
          </button>
        </div>
      </details>
      <details class="queue-tools">
        <summary>
          {item.answer ? t('queue.changeAnswer') : t('queue.writeAnswer')}
          <span class="visually-hidden"> {name}</span>
        </summary>
        <form class="staff-form" onSubmit={(e) => void publish(e)} noValidate>
          <Field
            id={`${id}-answer`}
            label={t('queue.answerLabelFor', { name })}
            hint={t('queue.answerHint')}
            error={answerError}
          >
            {(p) => (
              <textarea {...p} rows={3} value={answer} onInput={(e) => setAnswer(e.currentTarget.value)} />
            )}
          </Field>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('queue.publishAnswer')}
            <span class="visually-hidden"> {t('queue.forItem', { name })}</span>
          </button>
        </form>
      </details>
    </>
  );
}
