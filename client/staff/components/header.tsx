import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  STAFF_LANGUAGES,
  type StaffLanguageCode,
  setStaffLanguage,
  staffLanguage,
  t,
} from '../i18n/index.ts';
import { me, mayOpen, SCREENS, type ScreenName, signOut } from '../session.ts';

const NAV: readonly {
  screen: ScreenName;
  label:
    | 'nav.home'
    | 'nav.queue'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.boundaries'
    | 'nav.settings'
    | 'nav.posters'
    | 'nav.insatser'
    | 'nav.dashboard'
    | 'nav.indicators';
}[] = [
  { screen: 'home', label: 'nav.home' },
  { screen: 'dashboard', label: 'nav.dashboard' },
  { screen: 'queue', label: 'nav.queue' },
  { screen: 'insatser', label: 'nav.insatser' },
  { screen: 'indicators', label: 'nav.indicators' },
  { screen: 'users', label: 'nav.users' },
  { screen: 'audit', label: 'nav.audit' },
  { screen: 'boundaries', label: 'nav.boundaries' },
  { screen: 'settings', label: 'nav.settings' },
  { screen: 'posters', label: 'nav.posters' },
];

/** The staff header: the name, who is signed in, sign out, the language; then the navigation. */
export function StaffHeader() {
  const user = me.value;
  const { path, route } = useLocation();
  const [busy, setBusy] = useState(false);
  const out = async () => {
    setBusy(true);
    await signOut();
    setBusy(false);
    route(SCREENS.home.path);
  };
  return (
    <header class="staff-header">
      <div class="bar">
        <a href={SCREENS.home.path} class="brand">
          <span>{t('app.name')}</span>
        </a>
        <div class="staff-tools">
          {user && (
            <p class="staff-who" data-testid="staff-who">
              {t('app.signedInAs', { name: user.name || user.email })}
              {user.role && <span class="staff-role"> ({t(`role.${user.role}`)})</span>}
            </p>
          )}
          {user && (
            <button type="button" class="btn btn-on-bar" onClick={() => void out()} disabled={busy}>
              {busy ? t('app.signingOut') : t('app.signOut')}
            </button>
          )}
          <div class="lang">
            <label for="staff-lang" class="visually-hidden">
              {t('app.language')}
            </label>
            <select
              id="staff-lang"
              value={staffLanguage.value}
              onChange={(e) => void setStaffLanguage(e.currentTarget.value as StaffLanguageCode)}
            >
              {STAFF_LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      {user?.role && (
        <nav class="staff-nav" aria-label={t('app.nav')}>
          <ul>
            {NAV.filter((n) => mayOpen(n.screen, user.role)).map((n) => (
              <li key={n.screen}>
                <a
                  href={SCREENS[n.screen].path}
                  aria-current={path === SCREENS[n.screen].path ? 'page' : undefined}
                >
                  {t(n.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
