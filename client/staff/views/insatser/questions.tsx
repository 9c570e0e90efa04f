import { useState } from 'preact/hooks';
import type { SensitiveWarning, StaffInsats } from './draft.ts';
import { api } from '../../api.ts';
import { Confirm } from '../../components/confirm.tsx';
import type { FieldMessage } from '../../components/field.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { t } from '../../i18n/index.ts';
import { me } from '../../session.ts';
import { perLang } from './draft.ts';
import type { ScaleLabels } from '../../../../common/wire/index.ts';
import { GENERIC_SCALE } from '../../../../common/wire/scale-words.ts';
import { QuestionForm, type QuestionDraft, questionBody, type ScaleDraft } from './question-form.tsx';

type StaffQuestion = StaffInsats['questions'][number];

/** The sensitive-topic warnings, prominent (an alert) but not blocking. */
export function Warnings({ warnings }: { warnings: readonly SensitiveWarning[] }) {
  return (
    <div role="alert" data-testid="question-warnings">
      {warnings.length > 0 && (
        <div class="notice notice-warn">
          <p>{t('questions.warning')}</p>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.path}-${w.match}`}>
                {t('questions.warningItem', { topic: t(`topic.${w.topic}`), match: w.match, path: w.path })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A scale's words as the form edits them; a new scale question (or another kind) starts with the generic ones. */
function scaleDraft(scale: ScaleLabels): ScaleDraft {
  return {
    min: perLang(scale.min),
    max: perLang(scale.max),
    middle: [0, 1, 2].map((i) => perLang(scale.middle?.[i] ?? undefined)) as ScaleDraft['middle'],
    dontKnow: scale.dontKnow ?? false,
  };
}

function draftOfQuestion(q: StaffQuestion | undefined): QuestionDraft {
  return {
    kind: q?.kind ?? 'single',
    text: perLang(q?.text),
    options: q?.options?.map((o) => ({ id: o.id, label: perLang(o.label) })) ?? [
      { label: perLang(undefined) },
      { label: perLang(undefined) },
    ],
    audience: q?.audience ?? 'everyone',
    scale: scaleDraft(q?.scale ?? GENERIC_SCALE),
    typoFix: false,
  };
}

/** The questions of a saved insats: in order, moved up and down, added, changed, removed. */
export function QuestionsEditor({
  insats,
  onChanged,
}: {
  insats: StaffInsats;
  onChanged: (insats: StaffInsats) => void;
}) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [warnings, setWarnings] = useState<SensitiveWarning[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [removing, setRemoving] = useState<StaffQuestion | null>(null);
  const base = `/api/staff/insatser/${encodeURIComponent(insats.id)}`;
  const questions = insats.questions.filter((q) => !q.hidden).sort((a, b) => a.position - b.position);
  const admin = me.value?.role === 'admin';
  const reload = async () => onChanged(await api<StaffInsats>('GET', base));

  const move = async (index: number, by: -1 | 1) => {
    const ids = questions.map((q) => q.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    try {
      onChanged(await api<StaffInsats>('POST', `${base}/questions/order`, { ids }));
      setOutcome({ ok: true, text: t('questions.moved') });
    } catch (error) {
      setOutcome(problemOutcome(error));
    }
  };
  const remove = async (q: StaffQuestion) => {
    setRemoving(null);
    try {
      await api<void>('DELETE', `${base}/questions/${encodeURIComponent(q.id)}`);
      await reload();
      setOutcome({ ok: true, text: t('questions.removed') });
    } catch (error) {
      setOutcome(problemOutcome(error));
    }
  };
  const save = async (
    draft: QuestionDraft,
    q: StaffQuestion | undefined,
  ): Promise<Record<string, FieldMessage>> => {
    try {
      const body = questionBody(draft);
      const result = q
        ? await api<{ warnings: SensitiveWarning[] }>(
            'PATCH',
            `${base}/questions/${encodeURIComponent(q.id)}`,
            {
              ...body,
              ...(admin && draft.typoFix ? { typoFix: true } : {}),
            },
          )
        : await api<{ warnings: SensitiveWarning[] }>('POST', `${base}/questions`, body);
      setWarnings(result.warnings);
      await reload();
      setEditing(null);
      setOutcome({ ok: true, text: t('questions.saved') });
      return {};
    } catch (error) {
      setOutcome(problemOutcome(error));
      return { text: problemOutcome(error).text };
    }
  };

  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">{t('questions.title')}</h2>
      <StatusRegion outcome={outcome} testId="questions-status" />
      <Warnings warnings={warnings} />
      {questions.length === 0 ? (
        <p>{t('questions.none')}</p>
      ) : (
        <ol class="question-list">
          {questions.map((q, i) => (
            <li key={q.id} class="card">
              <p lang="sv">{q.text.sv}</p>
              <p class="muted">
                {t('questions.meta', {
                  kind: t(`qkind.${q.kind}`),
                  audience: t(`audience.${q.audience}`),
                  version: q.version,
                  answers: q.answers,
                })}
              </p>
              {editing === q.id ? (
                <QuestionForm
                  id={`q-${q.id}`}
                  initial={draftOfQuestion(q)}
                  admin={admin}
                  existing
                  insatsId={insats.id}
                  onWarnings={setWarnings}
                  onSave={(d) => save(d, q)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div class="actions">
                  <button
                    type="button"
                    class="btn btn-secondary"
                    disabled={i === 0}
                    onClick={() => void move(i, -1)}
                    aria-label={t('questions.upLabel', { n: i + 1 })}
                  >
                    {t('questions.up')}
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    disabled={i === questions.length - 1}
                    onClick={() => void move(i, 1)}
                    aria-label={t('questions.downLabel', { n: i + 1 })}
                  >
                    {t('questions.down')}
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => setEditing(q.id)}
                    aria-label={t('questions.editLabel', { n: i + 1 })}
                  >
                    {t('questions.edit')}
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => setRemoving(q)}
                    aria-label={t('questions.removeLabel', { n: i + 1 })}
                  >
                    {t('questions.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {editing === 'new' ? (
        <QuestionForm
          id="q-new"
          initial={draftOfQuestion(undefined)}
          admin={admin}
          existing={false}
          insatsId={insats.id}
          onWarnings={setWarnings}
          onSave={(d) => save(d, undefined)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" class="btn btn-primary" onClick={() => setEditing('new')}>
          {t('questions.add')}
        </button>
      )}
      {removing && (
        <Confirm
          question={t('questions.confirmRemove', { text: removing.text.sv })}
          yes={t('questions.remove')}
          onYes={() => void remove(removing)}
          onNo={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
