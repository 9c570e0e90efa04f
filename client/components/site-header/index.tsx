import { LANGUAGES, language, setLanguage, t } from '../../i18n/index.ts';
import { identity } from '../../identity/index.ts';
import { purposeIn } from '../../../common/identity/index.ts';
import { Banners } from '../banners/index.tsx';

/**
 * Whose app it is and what for, in two short lines (the organisation, then the purpose in the
 * reader's language), and the language menu. The logo has a fixed size, so nothing moves when
 * it arrives.
 */
export function SiteHeader() {
  const id = identity.value;
  return (
    <header class="site-header">
      <div class="bar">
        <a href="/" class="brand">
          <img class="brand-logo" src={id.logoUrl} alt="" width={32} height={32} />
          {/* The organisation's own name, in Swedish whatever the language (like place names). */}
          <span lang="sv">{id.orgName}</span>
        </a>
        <div class="lang">
          <label for="lang-select" class="visually-hidden">
            {t('app.language')}
          </label>
          <svg class="lang-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="9" />
            <path d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18" />
          </svg>
          <select
            id="lang-select"
            value={language.value.code}
            onChange={(e) => void setLanguage(e.currentTarget.value)}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        {/* The purpose is configured in sv/en/ar; in another language it is the Swedish one, marked. */}
        <p
          id="site-purpose"
          class="purpose"
          {...(language.value.code in id.purpose
            ? {}
            : { lang: 'sv', dir: language.value.dir === 'rtl' ? 'ltr' : undefined })}
        >
          {purposeIn(id, language.value.code)}
        </p>
      </div>
      <Banners />
    </header>
  );
}
