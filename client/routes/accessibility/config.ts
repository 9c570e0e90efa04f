/**
 * Facts of the accessibility statement that are not translations.
 *
 * The contact address is set at build time (VITE_ACCESSIBILITY_CONTACT, see docs/accessibility.md):
 * the default is a PLACEHOLDER the city must replace with its own monitored address before
 * going live. The dates are when the statement was last reviewed and the service last tested;
 * update them (and the known gaps in the catalogues) whenever either happens.
 */
export const ACCESSIBILITY_CONTACT: string =
  (import.meta.env.VITE_ACCESSIBILITY_CONTACT as string | undefined) || 'tillganglighet@malmo.se';

/** Where to report to the supervisory authority (Digg), per the DIGG model statement. */
export const SUPERVISORY_AUTHORITY_URL = 'https://www.digg.se/anmal-bristande-tillganglighet';

/** The last self-assessment (automated axe, keyboard, reflow and Lighthouse runs). */
export const TESTED_ON = '2026-11-24';
/** The last time the statement itself was reviewed. */
export const STATEMENT_UPDATED_ON = '2026-11-24';
