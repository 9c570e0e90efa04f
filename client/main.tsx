/**
 * Entry: language and device state first (so the first paint is in the right language), then the
 * app; the service worker bridge and the sync scheduler load after the first render so they do
 * not weigh on the first load.
 */
import { render } from 'preact';
import { App } from './app/index.tsx';
import { refreshCatalogueOnReconnect } from './catalogue/index.ts';
import { initLanguage } from './i18n/index.ts';
import { initIdentity, refreshIdentity } from './identity/index.ts';
import { loadDevice } from './state/device.ts';
import './styles/base.css';

const BUILD_ID = __BUILD_ID__;
document.documentElement.dataset.build = BUILD_ID;

const withTimeout = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.catch(() => {}), new Promise((resolve) => setTimeout(resolve, ms))]);

async function start() {
  initIdentity();
  await Promise.all([withTimeout(initLanguage(), 3000), withTimeout(loadDevice(), 1500)]);
  const root = document.getElementById('app') as HTMLElement;
  root.textContent = '';
  render(<App />, root);
  refreshCatalogueOnReconnect();
  refreshIdentity();
  const later = (fn: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 1500 }) : setTimeout(fn, 200);
  later(() => {
    void import('./scheduler/index.ts').then((m) => m.startSync());
    void import('./sw-bridge/index.ts').then((m) => m.registerServiceWorker());
  });
}

void start();
