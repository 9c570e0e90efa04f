import { useEffect, useState } from 'preact/hooks';
import { DONT_KNOW } from '../../../common/wire/index.ts';
import type { PublicAnswerSummary } from '../../../common/wire/open-data.ts';
import { L } from '../../components/localized/index.tsx';
import { t } from '../../i18n/index.ts';
import '../open-data/counts.css';
import { protectedCount } from '../open-data/format.ts';

type State =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'error' }
  | { status: 'ok'; summary: PublicAnswerSummary };

type Question = PublicAnswerSummary['questions'][number];
type Option = Question['options'][number];

/**
 * An option's label: its text; for a face scale the words of the version answered ("Mycket
 * trygg", "Vet inte"), or the step's place ("3 av 5") where that step has no words.
 */
function OptionLabel({ option, kind }: { option: Option; kind: string }) {
  if (option.label) return <L text={option.label} />;
  if (kind === 'scale' && /^[1-5]$/.test(option.id))
    return <>{t('scale.step', { n: option.id, total: 5 })}</>;
  if (kind === 'scale' && option.id === DONT_KNOW) return <>{t('scale.dontKnow')}</>;
  return <>{option.id}</>;
}

function QuestionTable({ question }: { question: Question }) {
  return (
    <table class="counts">
      <caption>
        <L text={question.text} />
        {!question.latest && <span class="count">({t('summary.older')})</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('summary.answer')}</th>
          <th scope="col" class="n">
            {t('summary.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {question.options.map((option) => (
          <tr key={option.id}>
            <th scope="row">
              <OptionLabel option={option} kind={question.kind} />
            </th>
            <td class={option.fewerThan5 ? 'n few' : 'n'}>{protectedCount(option)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The aggregate answers of an insats (GET /api/public/answers/:insatsId): one table per question
 * version, counts protected ("fewer than 5" in words, the rest rounded down to fives). Online only.
 */
export function AnswerSummary({ insatsId }: { insatsId: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    fetch(`/api/public/answers/${encodeURIComponent(insatsId)}`, { credentials: 'same-origin' })
      .then(async (response) => {
        if (response.status === 404) return live && setState({ status: 'none' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const summary = (await response.json()) as PublicAnswerSummary;
        if (live) setState({ status: 'ok', summary });
      })
      .catch(() => live && setState({ status: 'error' }));
    return () => {
      live = false;
    };
  }, [insatsId]);

  if (state.status === 'none' || state.status === 'loading') return null;
  // Newest versions first; an older version's counts stay apart (its options may differ).
  const questions =
    state.status === 'ok'
      ? [...state.summary.questions].sort((a, b) => Number(b.latest) - Number(a.latest))
      : [];
  return (
    <section class="answer-summary" aria-labelledby="answer-summary-title">
      <h2 id="answer-summary-title">{t('summary.title')}</h2>
      {state.status === 'error' ? (
        <p>{t('summary.unavailable')}</p>
      ) : questions.length === 0 ? (
        <p>{t('summary.empty')}</p>
      ) : (
        <>
          <p>{t('summary.intro')}</p>
          {questions.map((q) => (
            <QuestionTable key={`${q.questionId}/${q.version}`} question={q} />
          ))}
        </>
      )}
    </section>
  );
}
