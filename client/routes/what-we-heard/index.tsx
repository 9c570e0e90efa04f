import type { Insats } from '../../../common/wire/index.ts';
import { useInsats } from '../../catalogue/use-insats.ts';
import { HeardList } from '../../components/heard-list/index.tsx';
import { InsatsLoadState } from '../../components/load-state/index.tsx';
import { L } from '../../components/localized/index.tsx';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { localized, t } from '../../i18n/index.ts';
import { AnswerSummary } from './answer-summary.tsx';

function Heard({ insats }: { insats: Insats }) {
  const title = t('heard.title');
  const heading = useViewHeading(`${title}: ${localized(insats.title).text}`);
  const base = `/insats/${encodeURIComponent(insats.id)}`;
  return (
    <article class="heard">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">
        <a href={base}>
          <L text={insats.title} />
        </a>
      </p>
      <p>{t('heard.intro')}</p>
      {insats.questions.length > 0 && <AnswerSummary insatsId={insats.id} />}
      <HeardList
        query={{ insats: insats.id }}
        question={(id) => insats.questions.find((q) => q.id === id)?.text}
      />
      <p>
        <a href={base} class="btn btn-secondary">
          {t('app.back')}
        </a>
      </p>
    </article>
  );
}

/**
 * `/insats/:id/vad-vi-hort`: the aggregate answers to the insats's questions (protected counts),
 * then approved comments, proposals and answers about it, with the city's answers.
 */
export default function WhatWeHeard({ id }: { id?: string }) {
  const [state, retry] = useInsats(id);
  if (state.status !== 'ok') return <InsatsLoadState state={state} retry={retry} />;
  return <Heard insats={state.insats} />;
}
