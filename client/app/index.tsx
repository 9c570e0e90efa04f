import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { SiteFooter } from '../components/site-footer/index.tsx';
import { SiteHeader } from '../components/site-header/index.tsx';
import { loadSwedishLater, t } from '../i18n/index.ts';
import Start from '../routes/start/index.tsx';

/** A screen's code, with the Swedish strings of every screen after the start screen. */
const screen = <M,>(code: Promise<M>): Promise<M> => Promise.all([code, loadSwedishLater()]).then(([m]) => m);

// The start screen is in the first load; every other view loads when it is opened
// (the service worker precaches them all, so they open offline too).
const InsatsView = lazy(() => screen(import('../routes/insats/index.tsx')));
const Questions = lazy(() => screen(import('../routes/questions/index.tsx')));
const Comment = lazy(() => screen(import('../routes/comment/index.tsx')));
const Proposal = lazy(() => screen(import('../routes/proposal/index.tsx')));
const Saved = lazy(() => screen(import('../routes/saved/index.tsx')));
const MyInput = lazy(() => screen(import('../routes/my-input/index.tsx')));
const WhatWeHeard = lazy(() => screen(import('../routes/what-we-heard/index.tsx')));
const Ideas = lazy(() => screen(import('../routes/ideas/index.tsx')));
const Privacy = lazy(() => screen(import('../routes/privacy/index.tsx')));
const Accessibility = lazy(() => screen(import('../routes/accessibility/index.tsx')));
const OpenData = lazy(() => screen(import('../routes/open-data/index.tsx')));
const NotFound = lazy(() => screen(import('../routes/not-found/index.tsx')));
const ShortLink = lazy(() => screen(import('../routes/insats/short-link.tsx')));
// The staff screens (/personal…) are their own app, loaded only when staff open them.
const Staff = lazy(() => screen(import('../staff/staff-app.tsx')).catch(() => StaffUnavailable));

/** Whether `path` is one of the staff screens. */
export const isStaffPath = (path: string) => path === '/personal' || path.startsWith('/personal/');

/** When the staff screens could not be loaded (offline before they were ever cached). */
function StaffUnavailable() {
  return (
    <main id="main">
      <h1>{t('app.loadError')}</h1>
      <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
        {t('app.retry')}
      </button>
    </main>
  );
}

export const ROUTES = {
  start: '/',
  insats: '/insats/:id',
  questions: '/insats/:id/fragor',
  comment: '/insats/:id/kommentar',
  heard: '/insats/:id/vad-vi-hort',
  generalComment: '/kommentar',
  proposal: '/forslag',
  ideas: '/ideer',
  insatsProposal: '/insats/:id/forslag',
  saved: '/sparat/:id',
  myInput: '/mina-svar',
  privacy: '/integritet',
  /** The accessibility statement (tillgänglighetsredogörelse). */
  accessibility: '/tillganglighet',
  openData: '/oppna-data',
  /** A poster's short link, when the app shell answered it offline (the server redirects). */
  shortLink: '/i/:id',
  shortLinkArea: '/i/:id/:area',
} as const;

export function App() {
  return (
    <LocationProvider>
      <Shell />
    </LocationProvider>
  );
}

function Shell() {
  const { path } = useLocation();
  if (isStaffPath(path))
    return (
      <ErrorBoundary>
        <Staff />
      </ErrorBoundary>
    );
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path={ROUTES.start} component={Start} />
            <Route path={ROUTES.insats} component={InsatsView} />
            <Route path={ROUTES.questions} component={Questions} />
            <Route path={ROUTES.comment} component={Comment} />
            <Route path={ROUTES.heard} component={WhatWeHeard} />
            <Route path={ROUTES.generalComment} component={Comment} />
            <Route path={ROUTES.proposal} component={Proposal} />
            <Route path={ROUTES.ideas} component={Ideas} />
            <Route path={ROUTES.insatsProposal} component={Proposal} />
            <Route path={ROUTES.saved} component={Saved} />
            <Route path={ROUTES.myInput} component={MyInput} />
            <Route path={ROUTES.privacy} component={Privacy} />
            <Route path={ROUTES.accessibility} component={Accessibility} />
            <Route path={ROUTES.openData} component={OpenData} />
            <Route path={ROUTES.shortLink} component={ShortLink} />
            <Route path={ROUTES.shortLinkArea} component={ShortLink} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
      <SiteFooter />
    </>
  );
}
