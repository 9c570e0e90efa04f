/** Staff texts of the insights screens (issue 8) in English; same keys as sv-insights.ts. */
import type { svDashboard, svIndicators } from './sv-insights.ts';

export const enDashboard: { readonly [K in keyof typeof svDashboard]: string } = {
  'nav.dashboard': 'Overview',
  'dashboard.title': 'What came in',
};

export const enIndicators: { readonly [K in keyof typeof svIndicators]: string } = {
  'nav.indicators': 'Indicators',
  'indicators.title': 'Indicators',
};
