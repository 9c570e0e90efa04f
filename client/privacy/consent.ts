/**
 * The version of the contact consent a participant gives when they leave an e-mail address to get
 * the city's answer (i18n `contact.*` and the notice's `privacy.email*`). It is sent with the
 * contact details (`contact.consentVersion`), so the city can tell which wording each person
 * agreed to. Bump it when that wording changes in substance.
 */
export const CONTACT_CONSENT_VERSION = 'contact-2026-11';
