import { LANGUAGES, language, setLanguage, t } from '../../i18n/index.ts';
import { Banners } from '../banners/index.tsx';

export function SiteHeader() {
  return (
    <header class="site-header">
      <div class="bar">
        <a href="/" class="brand">
          <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <path d="M5 6h22a3 3 0 0 1 3 3v12a3 3 0 0 1-3 3H14l-6 5v-5H5a3 3 0 0 1-3-3V9a3 3 0 0 1 3-3z" />
          </svg>
          <span>{t('app.name')}</span>
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
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Banners />
    </header>
  );
}
