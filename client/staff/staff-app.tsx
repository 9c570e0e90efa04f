/**
 * The staff screens under /personal: their own header, navigation and views, in Swedish or
 * English. Loaded lazily by client/app/index.tsx only when a /personal address is opened, so none
 * of this (nor its styles) is part of a participant's first load.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { lazy, Route, Router } from 'preact-iso';
import { language } from '../i18n/index.ts';
import { StaffHeader } from './components/header.tsx';
import { LoadState } from './components/load.tsx';
import { NoAccess } from './components/no-access.tsx';
import { ViewHeading } from './components/view-heading.tsx';
import { staffLanguage, t } from './i18n/index.ts';
import { loadMe, mayOpen, me, meError, SCREENS, type ScreenName } from './session.ts';
import { Audit } from './views/audit.tsx';
import { Boundaries } from './views/boundaries.tsx';
import { Home } from './views/home.tsx';
import { Queue } from './views/queue/index.tsx';
import { SettingsView } from './views/settings/index.tsx';
import { SignIn } from './views/sign-in.tsx';
import { Users } from './views/users.tsx';
import { Waiting } from './views/waiting.tsx';
import './style.css';

/** A screen behind sign-in and a role: sign-in, waiting for a role, or no access when they are missing. */
function Guard({ screen, children }: { screen: ScreenName; children: ComponentChildren }) {
  const user = me.value;
  // Not known yet: no heading (it would take the focus meant for the view that follows).
  if (user === undefined) return <LoadState failed={meError.value} retry={() => void loadMe()} />;
  if (user === null) return <SignIn />;
  if (user.role === null) return <Waiting />;
  if (!mayOpen(screen, user.role)) return <NoAccess />;
  return <>{children}</>;
}

function NotFound() {
  return (
    <>
      <ViewHeading title={t('notFound.title')} viewKey="not-found" />
      <p>{t('notFound.text')}</p>
      <p>
        <a href={SCREENS.home.path} class="btn btn-secondary">
          {t('app.toStart')}
        </a>
      </p>
    </>
  );
}

const screen = (name: ScreenName, View: () => ComponentChildren) => () => (
  <Guard screen={name}>
    <View />
  </Guard>
);
const HomeScreen = screen('home', Home);
const UsersScreen = screen('users', Users);
const AuditScreen = screen('audit', Audit);
const BoundariesScreen = screen('boundaries', Boundaries);
const QueueScreen = screen('queue', Queue);
const SettingsScreen = screen('settings', SettingsView);
// Posters bring the QR code generator: loaded only when they are opened.
const Posters = lazy(() => import('./views/posters/index.tsx'));
// Insatser: their own chunk (the forms are larger than the other screens).
const InsatserList = lazy(() => import('./views/insatser/list.tsx'));
const InsatsEdit = lazy(() => import('./views/insatser/edit.tsx'));
// Insights (issue 8): the dashboard and indicators are their own chunks (charts, the map).
const Dashboard = lazy(() => import('./views/dashboard/index.tsx'));
const Indicators = lazy(() => import('./views/indicators/index.tsx'));
const IndicatorEdit = lazy(() => import('./views/indicators/edit.tsx'));
const ReportingAreas = lazy(() => import('./views/indicators/reporting-areas.tsx'));
const DashboardScreen = screen('dashboard', Dashboard);
const IndicatorsScreen = screen('indicators', Indicators);
const ReportingAreasScreen = screen('reportingAreas', ReportingAreas);
const IndicatorEditScreen = ({ id }: { id?: string }) => (
  <Guard screen="indicatorEdit">
    <IndicatorEdit id={id} />
  </Guard>
);
const InsatserScreen = () => (
  <Guard screen="insatser">
    <InsatserList />
  </Guard>
);
const InsatsEditScreen = ({ id }: { id?: string }) => (
  <Guard screen="insatsEdit">
    <InsatsEdit id={id} />
  </Guard>
);
const PostersScreen = ({ insatsId }: { insatsId?: string }) => (
  <Guard screen="posters">
    <Posters insatsId={insatsId} />
  </Guard>
);

export default function StaffApp() {
  useEffect(() => {
    void loadMe();
  }, []);

  // The page's language is the staff language (English for Arabic, and left to right) while the
  // staff screens are open; the participant's comes back when they close.
  const code = staffLanguage.value;
  useEffect(() => {
    const root = document.documentElement;
    root.lang = code;
    root.dir = 'ltr';
  }, [code]);
  useEffect(
    () => () => {
      const root = document.documentElement;
      root.lang = language.value.code;
      root.dir = language.value.dir;
    },
    [],
  );

  return (
    <div class="staff">
      <a class="skip-link" href="#staff-main">
        {t('app.skip')}
      </a>
      <StaffHeader />
      <main id="staff-main" tabIndex={-1}>
        <Router>
          <Route path={SCREENS.home.path} component={HomeScreen} />
          <Route path={SCREENS.users.path} component={UsersScreen} />
          <Route path={SCREENS.audit.path} component={AuditScreen} />
          <Route path={SCREENS.boundaries.path} component={BoundariesScreen} />
          <Route path={SCREENS.queue.path} component={QueueScreen} />
          <Route path={SCREENS.settings.path} component={SettingsScreen} />
          <Route path={SCREENS.posters.path} component={PostersScreen} />
          <Route path={`${SCREENS.posters.path}/:insatsId`} component={PostersScreen} />
          <Route path={SCREENS.insatser.path} component={InsatserScreen} />
          <Route path={SCREENS.insatsEdit.path} component={InsatsEditScreen} />
          <Route path={SCREENS.dashboard.path} component={DashboardScreen} />
          <Route path={SCREENS.indicators.path} component={IndicatorsScreen} />
          <Route path={SCREENS.reportingAreas.path} component={ReportingAreasScreen} />
          <Route path={SCREENS.indicatorEdit.path} component={IndicatorEditScreen} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </div>
  );
}
