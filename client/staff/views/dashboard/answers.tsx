/** Answer distributions of one insats's questions, per question version (needs `insats`). */
import type { AnswerDistribution } from '../../../../common/wire/insights.ts';
import { BarChart } from '../../components/charts/bar-chart.tsx';
import { formatCount } from '../../components/charts/format.ts';
import { LoadState } from '../../components/load.tsx';
import { staffLanguage, t } from '../../i18n/index.ts';

type Question = AnswerDistribution['questions'][number];

/** The section: loading, failed, or one chart-table per question version. */
export function Answers({
  state,
  retry,
  title,
}: {
  state: { data?: AnswerDistribution; failed?: boolean; bad?: string };
  retry: () => void;
  title: string;
}) {
  const questions = state.data?.questions ?? [];
  return (
    <section class="dashboard-section" aria-labelledby="dashboard-answers">
      <h2 id="dashboard-answers">{t('dashboard.answers')}</h2>
      <p>
        <strong>{title}</strong>
      </p>
      <p class="hint">{t('dashboard.answersIntro')}</p>
      {!state.data ? (
        <LoadState failed={Boolean(state.failed || state.bad)} retry={retry} />
      ) : questions.length === 0 ? (
        <p class="notice">{t('dashboard.answersNone')}</p>
      ) : (
        questions.map((q) => <QuestionAnswers key={`${q.questionId}-${q.version}`} question={q} />)
      )}
    </section>
  );
}

/** A row's name: a scale step as its number and the version's words ("1 – Inte alls trygg"). */
function optionLabel(kind: string, id: string, words: string): string {
  if (kind !== 'scale' || !/^[1-5]$/.test(id)) return words || id;
  return words ? `${id} – ${words}` : id;
}

function QuestionAnswers({ question: q }: { question: Question }) {
  const lang = staffLanguage.value;
  const text = (l: Record<string, string> | null) => (l ? l[lang] || l.sv || '' : '');
  const id = `answers-${q.questionId}-${q.version}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const heading = text(q.text);
  const meta = [t('dashboard.version', { n: q.version }), q.hidden ? t('dashboard.hiddenQuestion') : '']
    .filter(Boolean)
    .join(', ');
  return (
    <div class="dashboard-question" data-testid={id}>
      <h3>
        {heading} <span class="muted">({meta})</span>
      </h3>
      <p>{t('dashboard.answered', { n: formatCount(q.answered) })}</p>
      {q.options.length === 0 ? (
        <p class="hint">{t('dashboard.textQuestion')}</p>
      ) : (
        <BarChart
          id={id}
          caption={`${heading} (${meta})`}
          labelHeading={q.kind === 'scale' ? t('dashboard.scaleStep', { n: '1–5' }) : t('dashboard.option')}
          rows={q.options.map((o) => ({
            key: o.id,
            label: optionLabel(q.kind, o.id, text(o.label)),
            count: o.count,
          }))}
          total={q.answered}
        />
      )}
    </div>
  );
}
