/**
 * Whose app this is, for the header, the page title and the posters. Known before the first
 * paint, offline too, without a script in the page: the last answer of GET /api/identity kept in
 * localStorage, else the `<meta name="app-identity">` the server filled into the app shell (the
 * service worker precaches the shell as served), else the built-in defaults. GET /api/identity
 * then refreshes it (the service worker keeps that answer too).
 */
import { signal } from '@preact/signals';
import { DEFAULT_IDENTITY, HEX_COLOUR, type Identity } from '../../common/identity/index.ts';

const STORAGE_KEY = 'kraftsamla.identity';

/** A value read from storage, the page or the network, if it has the identity's shape. */
export function asIdentity(value: unknown): Identity | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const i = value as Partial<Identity>;
  const p = i.purpose as Partial<Identity['purpose']> | undefined;
  const texts = [i.orgName, i.appName, i.logoUrl, p?.sv, p?.en, p?.ar];
  if (!texts.every((x) => typeof x === 'string' && x !== '')) return undefined;
  if (typeof i.themeColour !== 'string' || !HEX_COLOUR.test(i.themeColour)) return undefined;
  // A logo from anywhere else would break the content security policy (and is not the city's).
  if (!(i.logoUrl as string).startsWith('/')) return undefined;
  return i as Identity;
}

function parse(text: string | null | undefined): Identity | undefined {
  if (!text) return undefined;
  try {
    return asIdentity(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function stored(): Identity | undefined {
  try {
    return parse(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

function fromShell(): Identity | undefined {
  return parse(document.querySelector('meta[name="app-identity"]')?.getAttribute('content'));
}

/** The deployment's identity. */
export const identity = signal<Identity>(DEFAULT_IDENTITY);

/** `#rrggbb` mixed with black (`to` 0) or white (`to` 255) by `amount` (0–1). */
function mix(hex: string, to: number, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const part = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount) + to * amount);
  return `#${((part(16) << 16) | (part(8) << 8) | part(0)).toString(16).padStart(6, '0')}`;
}

function apply(next: Identity) {
  identity.value = next;
  // The stylesheet's colours are the default theme's, tuned by hand: only another theme overrides them.
  if (next.themeColour === DEFAULT_IDENTITY.themeColour) return;
  // CSSOM, not a style attribute: the content security policy allows no inline styles.
  const root = document.documentElement.style;
  root.setProperty('--c-primary', next.themeColour);
  root.setProperty('--c-primary-dark', mix(next.themeColour, 0, 0.25));
  root.setProperty('--c-primary-tint', mix(next.themeColour, 255, 0.88));
}

/** Sets the identity from what the device already has (call before the first render). */
export function initIdentity(): void {
  apply(stored() ?? fromShell() ?? DEFAULT_IDENTITY);
}

/** Asks the server for the current identity and keeps it for the next start; failures keep what we have. */
export function refreshIdentity(): void {
  fetch('/api/identity', { credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : undefined))
    .then((body: unknown) => {
      const next = asIdentity(body);
      if (!next) return;
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Not kept: the shell's copy is used next time.
      }
      if (JSON.stringify(next) !== JSON.stringify(identity.value)) apply(next);
    })
    .catch(() => undefined);
}
