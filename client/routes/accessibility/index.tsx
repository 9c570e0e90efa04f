import { useViewHeading } from '../../components/view-heading/index.ts';
import { formatDate, type MessageKey, t } from '../../i18n/index.ts';
import {
  ACCESSIBILITY_CONTACT,
  STATEMENT_UPDATED_ON,
  SUPERVISORY_AUTHORITY_URL,
  TESTED_ON,
} from './config.ts';

/** What is known not to work (docs/accessibility.md keeps the longer version). */
const GAPS: readonly MessageKey[] = [
  'a11y.gap.screenReaders',
  'a11y.gap.map',
  'a11y.gap.swedishOnly',
  'a11y.gap.comments',
  'a11y.gap.signLanguage',
  'a11y.gap.online',
  'a11y.gap.staff',
];

const TESTS: readonly MessageKey[] = [
  'a11y.tested.axe',
  'a11y.tested.keyboard',
  'a11y.tested.reflow',
  'a11y.tested.lighthouse',
];

/**
 * `/tillganglighet`: the accessibility statement (tillgänglighetsredogörelse) in the form of
 * Digg's model: how accessible the service is, what is known not to work, how to report a
 * problem, the supervisory authority, how and when it was tested. Static: it works offline
 * (the service worker precaches this chunk with the rest of the app).
 */
export default function AccessibilityStatement() {
  const title = t('a11y.title');
  const heading = useViewHeading(title);
  const day = (iso: string) => formatDate(`${iso}T12:00`, false);
  return (
    <article class="statement">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">{t('a11y.intro')}</p>

      <h2>{t('a11y.statusTitle')}</h2>
      <p>{t('a11y.status')}</p>

      <h2>{t('a11y.gapsTitle')}</h2>
      <ul>
        {GAPS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>

      <h2>{t('a11y.reportTitle')}</h2>
      <p>{t('a11y.report')}</p>
      <p>
        {t('a11y.reportEmail')} <a href={`mailto:${ACCESSIBILITY_CONTACT}`}>{ACCESSIBILITY_CONTACT}</a>
      </p>

      <h2>{t('a11y.supervisionTitle')}</h2>
      <p>{t('a11y.supervision')}</p>
      <p>
        <a href={SUPERVISORY_AUTHORITY_URL} hrefLang="sv" rel="external" class="tap-link">
          {t('a11y.supervisionLink')}
        </a>
      </p>

      <h2>{t('a11y.testedTitle')}</h2>
      <ul>
        {TESTS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>{t('a11y.testedBy', { date: day(TESTED_ON) })}</p>
      <p>{t('a11y.updated', { date: day(STATEMENT_UPDATED_ON) })}</p>
    </article>
  );
}
