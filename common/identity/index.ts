/**
 * Whose app this is: the deployment's identity (organisation, app name, purpose, logo, theme
 * colour). The same values name the app in the header, the page title, the manifest and the
 * printed posters. Plain data and helpers, no schema library: the participant's first load
 * reads it (the wire schema is in common/wire/identity.ts).
 */

/** The languages a purpose is configured in (APP_PURPOSE_SV/EN/AR); others show the Swedish one. */
export const IDENTITY_LANGUAGES = ['sv', 'en', 'ar'] as const;
export type IdentityLanguage = (typeof IDENTITY_LANGUAGES)[number];

/** Longest organisation or app name: it must fit the header's first line on a 320 px phone. */
export const MAX_NAME_CHARS = 40;
/**
 * Longest purpose: one short sentence, the header's second line (about 40 characters fit one
 * line on a 360 px phone; longer ones wrap).
 */
export const MAX_PURPOSE_CHARS = 60;

/** Where the logo is served (an SVG, the same URL in every deployment). */
export const LOGO_URL = '/api/identity/logo.svg';

/** A colour as `#rrggbb`. */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** The identity, as GET /api/identity sends it and the app shell carries it. */
export interface Identity {
  /** The organisation behind the app, e.g. "Malmö stad" (ORG_NAME). */
  orgName: string;
  /** The app's name on the home screen and in the page title (APP_NAME). */
  appName: string;
  /** One sentence per language: what the app is for (APP_PURPOSE_SV/EN/AR). */
  purpose: Record<IdentityLanguage, string>;
  /** The theme colour (THEME_COLOUR), `#rrggbb`, dark enough for white text on it. */
  themeColour: string;
  /** The logo's URL, with the file's hash so a new logo is fetched (ORG_LOGO). */
  logoUrl: string;
}

/** The identity with nothing configured: Malmö stad, in plain words. */
export const DEFAULT_IDENTITY: Identity = {
  orgName: 'Malmö stad',
  appName: 'Tyck till',
  purpose: {
    sv: 'Säg vad du tycker om ditt område.',
    en: 'Say what you think about your area.',
    ar: 'قل رأيك في منطقتك.',
  },
  themeColour: '#0b5d4b',
  logoUrl: LOGO_URL,
};

/** The purpose in `language`, or the Swedish one for a language without its own. */
export function purposeIn(identity: Identity, language: string): string {
  return (identity.purpose as Record<string, string>)[language] ?? identity.purpose.sv;
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio of white text on `#rrggbb` (WCAG 2.1: at least 4.5 for normal text). */
export function whiteContrast(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}
