import { HeardList } from '../../components/heard-list/index.tsx';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { t } from '../../i18n/index.ts';

/** Approved proposals that are new ideas (no insats). */
const IDEAS = { insats: 'none', kind: 'proposal' };

/** `/ideer`: new ideas from associations, property owners and businesses, with the city's answers. */
export default function Ideas() {
  const title = t('ideas.title');
  const heading = useViewHeading(title);
  return (
    <article class="heard">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">{t('ideas.intro')}</p>
      <HeardList query={IDEAS} />
      <p>
        <a href="/forslag" class="btn btn-secondary">
          {t('proposal.link')}
        </a>
      </p>
      <p>
        <a href="/" class="btn btn-secondary">
          {t('app.back')}
        </a>
      </p>
    </article>
  );
}
