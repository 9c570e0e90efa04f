import { t } from '../../i18n/index.ts';
import { useEffect } from 'preact/hooks';
import { loadPrivacyContact, privacyContact } from '../../privacy/config.ts';

/**
 * "{controller} is responsible…" with the configured name marked as Swedish (it is not
 * translated): screen readers say it in Swedish, and in Arabic it keeps its own direction.
 */
function Controller({ name }: { name: string }) {
  const [before = '', after = ''] = t('privacy.who', { controller: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <bdi lang="sv">{name}</bdi>
      {after}
    </>
  );
}

/** The privacy notice in plain language (used on /integritet and before the first submission). */
export function PrivacyText({ level = 2 }: { level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  useEffect(loadPrivacyContact, []);
  const contact = privacyContact.value;
  // An e-mail address becomes a mailto link; anything else (a phone number, a web form) is shown as text.
  const isEmail = /^[^\s@]+@[^\s@]+$/.test(contact.dpoContact);
  return (
    <div class="privacy-text">
      <H>{t('privacy.whoTitle')}</H>
      <p>
        <Controller name={contact.controller} />
      </p>
      <H>{t('privacy.whyTitle')}</H>
      <p>{t('privacy.why')}</p>
      <H>{t('privacy.whatTitle')}</H>
      <ul>
        <li>{t('privacy.what1')}</li>
        <li>{t('privacy.what2')}</li>
        <li>{t('privacy.what3')}</li>
        <li>{t('privacy.what4')}</li>
        <li>{t('privacy.what5')}</li>
      </ul>
      <H>{t('privacy.positionTitle')}</H>
      <p>{t('privacy.position')}</p>
      <H>{t('privacy.publicTitle')}</H>
      <ul>
        <li>{t('privacy.public1')}</li>
        <li>{t('privacy.public2')}</li>
        <li>{t('privacy.public3')}</li>
      </ul>
      <H>{t('privacy.keepTitle')}</H>
      <p>{t('privacy.keep')}</p>
      <H>{t('privacy.emailTitle')}</H>
      <p>{t('privacy.email')}</p>
      <H>{t('privacy.phoneTitle')}</H>
      <p>{t('privacy.phone')}</p>
      <H>{t('privacy.rightsTitle')}</H>
      <p>{t('privacy.rights')}</p>
      <H>{t('privacy.contactTitle')}</H>
      <p>
        {t('privacy.contact')}{' '}
        {isEmail ? <a href={`mailto:${contact.dpoContact}`}>{contact.dpoContact}</a> : contact.dpoContact}
      </p>
    </div>
  );
}
