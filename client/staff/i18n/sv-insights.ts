/**
 * Staff texts of the insights screens (issue 8) in Swedish: the dashboard (`dashboard.*`,
 * `chart.*`, `export.*`) and indicators (`indicators.*`, `reporting.*`). Spread into sv.ts.
 */
export const svDashboard = {
  'nav.dashboard': 'Översikt',
  'dashboard.title': 'Vad som kommit in',
} as const;

export const svIndicators = {
  'nav.indicators': 'Indikatorer',
  'indicators.title': 'Indikatorer',
} as const;
