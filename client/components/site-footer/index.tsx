import { t } from '../../i18n/index.ts';
import { summary } from '../../state/status.ts';

/**
 * On every participant page: My input, the privacy notice, the accessibility statement (the law
 * asks for it to be reachable from every page) and the open data.
 */
export function SiteFooter() {
  const waiting = summary.value?.queued ?? 0;
  return (
    <footer class="site-footer">
      <nav aria-label={t('nav.label')}>
        <ul>
          <li>
            <a href="/mina-svar">
              {t('nav.myInput')}
              {waiting > 0 && <span class="count">({t('nav.waiting', { n: waiting })})</span>}
            </a>
          </li>
          <li>
            <a href="/integritet">{t('nav.privacy')}</a>
          </li>
          <li>
            <a href="/tillganglighet">{t('nav.accessibility')}</a>
          </li>
          <li>
            <a href="/oppna-data">{t('nav.openData')}</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
