import { t } from '../i18n/index.ts';
import { SCREENS } from '../session.ts';
import { ViewHeading } from './view-heading.tsx';

/** What a staff member sees on a screen their role may not open (or when the server says 403). */
export function NoAccess() {
  return (
    <div data-testid="staff-no-access">
      <ViewHeading title={t('noAccess.title')} viewKey="no-access" />
      <p>{t('noAccess.text')}</p>
      <p>
        <a href={SCREENS.home.path} class="btn btn-secondary">
          {t('app.toStart')}
        </a>
      </p>
    </div>
  );
}
