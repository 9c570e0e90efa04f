import { t } from '../../i18n/index.ts';

/** What the person chose: to get the answer by e-mail (ticked), and the address they typed. */
export interface ContactValue {
  wanted: boolean;
  email: string;
}

export type ContactProblem = 'missing' | 'invalid';

/**
 * The e-mail check of the wire schema (valibot's `email()`, common/wire/index.ts `Contact`),
 * copied so the comment chunk stays free of valibot; a unit test keeps the two in agreement.
 */
const EMAIL = /^[\w+-]+(?:\.[\w+-]+)*@[\da-zA-Z]+(?:[.-][\da-zA-Z]+)*\.[a-zA-Z]{2,}$/u;
const MAX_EMAIL_CHARS = 254;

/** Why the address cannot be sent, or undefined when it can (or none is wanted). */
export function contactProblem(value: ContactValue): ContactProblem | undefined {
  if (!value.wanted) return undefined;
  const email = value.email.trim();
  if (email === '') return 'missing';
  return email.length <= MAX_EMAIL_CHARS && EMAIL.test(email) ? undefined : 'invalid';
}

/**
 * "Do you want the answer by e-mail?": optional. The address field appears only after the person
 * ticks the consent box, which says what the address is used for, who sees it and how long it is
 * kept. Not offered to children under 13 (the server refuses their contact details).
 */
export function ContactSection({
  value,
  onChange,
  error,
  under13,
}: {
  value: ContactValue;
  onChange: (value: ContactValue) => void;
  error?: ContactProblem | undefined;
  under13: boolean;
}) {
  const describedBy = ['contact-email-hint', error ? 'contact-email-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset class="choices contact" aria-describedby="contact-about">
      <legend>{t('contact.title')}</legend>
      {under13 ? (
        <p id="contact-about" class="hint">
          {t('contact.under13')}
        </p>
      ) : (
        <>
          <p id="contact-about" class="hint">
            {t('contact.about')}{' '}
            <a href="/integritet" target="_blank" rel="noopener">
              {t('contact.more')}
            </a>
          </p>
          <label class="choice">
            <input
              type="checkbox"
              name="contact-wanted"
              checked={value.wanted}
              onChange={(e) => onChange({ ...value, wanted: e.currentTarget.checked })}
            />
            <span>{t('contact.consent')}</span>
          </label>
          {value.wanted && (
            <div class="field">
              <label for="contact-email" class="field-label">
                {t('contact.email')}
              </label>
              <p id="contact-email-hint" class="hint">
                {t('contact.emailHint')}
              </p>
              {error && (
                <p id="contact-email-error" class="field-error">
                  {t(error === 'missing' ? 'contact.missing' : 'contact.invalid')}
                </p>
              )}
              <input
                id="contact-email"
                type="email"
                name="email"
                autocomplete="email"
                inputMode="email"
                dir="ltr"
                maxLength={MAX_EMAIL_CHARS}
                aria-describedby={describedBy}
                aria-invalid={error ? true : undefined}
                value={value.email}
                onInput={(e) => onChange({ ...value, email: e.currentTarget.value })}
              />
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
