import { PrivacyText } from '../../components/privacy-text/index.tsx';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { t } from '../../i18n/index.ts';
import { acceptPrivacy, PRIVACY_VERSION, privacyAccepted } from '../../state/device.ts';

/** `/integritet`: the privacy notice, in plain language; works offline (precached). */
export default function Privacy() {
  const title = t('privacy.title');
  const heading = useViewHeading(title);
  const accepted = privacyAccepted.value === PRIVACY_VERSION;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">{t('privacy.intro')}</p>
      <PrivacyText />
      <div role="status">
        {accepted ? (
          <p class="notice notice-ok">{t('privacy.accepted')}</p>
        ) : (
          <button type="button" class="btn btn-primary" onClick={() => void acceptPrivacy()}>
            {t('privacy.accept')}
          </button>
        )}
      </div>
    </>
  );
}
