import { useViewHeading } from '../../components/view-heading/index.ts';
import { t } from '../../i18n/index.ts';

export default function NotFound() {
  const title = t('notFound.title');
  const heading = useViewHeading(title);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p>{t('notFound.text')}</p>
      <p>
        <a href="/" class="btn btn-secondary">
          {t('app.home')}
        </a>
      </p>
    </>
  );
}
