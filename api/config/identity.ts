/**
 * The deployment's identity (whose app it is): ORG_NAME, APP_NAME, APP_PURPOSE_SV/EN/AR,
 * ORG_LOGO (an SVG file) and THEME_COLOUR. Checked at start like the rest of the configuration,
 * so a city sees a clear message instead of a broken header.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_IDENTITY,
  HEX_COLOUR,
  type Identity,
  LOGO_URL,
  MAX_NAME_CHARS,
  MAX_PURPOSE_CHARS,
  whiteContrast,
} from '../../common/identity/index.ts';
import { ConfigError } from './errors.ts';

/** The neutral logo in the repository; a city replaces it with ORG_LOGO. */
export const DEFAULT_LOGO_PATH = fileURLToPath(new URL('./default-logo.svg', import.meta.url));

/** Largest logo file: it is on the first paint of every screen. */
export const MAX_LOGO_BYTES = 100_000;

/** The identity as configured, with the logo file read once. */
export interface IdentityConfig {
  identity: Identity;
  /** The logo's SVG text, served at {@link LOGO_URL}. */
  logoSvg: string;
}

/** Reads and checks the identity variables; throws {@link ConfigError} naming the variable. */
export function parseIdentityConfig(env: Record<string, string | undefined>): IdentityConfig {
  const d = DEFAULT_IDENTITY;
  const logoSvg = readLogo(env.ORG_LOGO);
  const version = createHash('sha256').update(logoSvg).digest('hex').slice(0, 12);
  return {
    identity: {
      orgName: text('ORG_NAME', env.ORG_NAME, d.orgName, MAX_NAME_CHARS),
      appName: text('APP_NAME', env.APP_NAME, d.appName, MAX_NAME_CHARS),
      purpose: {
        sv: text('APP_PURPOSE_SV', env.APP_PURPOSE_SV, d.purpose.sv, MAX_PURPOSE_CHARS),
        en: text('APP_PURPOSE_EN', env.APP_PURPOSE_EN, d.purpose.en, MAX_PURPOSE_CHARS),
        ar: text('APP_PURPOSE_AR', env.APP_PURPOSE_AR, d.purpose.ar, MAX_PURPOSE_CHARS),
      },
      themeColour: colour(env.THEME_COLOUR, d.themeColour),
      logoUrl: `${LOGO_URL}?v=${version}`,
    },
    logoSvg,
  };
}

/** The identity with every variable unset (apps built in tests start from it). */
export function defaultIdentityConfig(): IdentityConfig {
  return parseIdentityConfig({});
}

function text(name: string, raw: string | undefined, fallback: string, max: number): string {
  if (raw === undefined) return fallback;
  const value = raw.trim();
  if (value === '') throw new ConfigError(`${name} must not be empty (leave it unset for "${fallback}")`);
  // One line: the header has room for no more, and a line break would not show anyway.
  if (/[\r\n\t]/.test(value)) throw new ConfigError(`${name} must be one line, without line breaks`);
  if ([...value].length > max) {
    throw new ConfigError(
      `${name} must be at most ${max} characters (it is one short line), got ${[...value].length}`,
    );
  }
  return value;
}

function colour(raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (!HEX_COLOUR.test(value)) {
    throw new ConfigError(`THEME_COLOUR must be a colour like #0b5d4b, got "${raw}"`);
  }
  // White text and buttons sit on it: below 4.5:1 they fail WCAG 2.1 AA.
  const contrast = whiteContrast(value);
  if (contrast < 4.5) {
    throw new ConfigError(
      `THEME_COLOUR ${value} is too light for white text on it (contrast ${contrast.toFixed(1)}:1, at least 4.5:1 needed); choose a darker colour`,
    );
  }
  return value;
}

function readLogo(raw: string | undefined): string {
  const path = raw === undefined || raw.trim() === '' ? DEFAULT_LOGO_PATH : resolve(raw.trim());
  let svg: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_LOGO_BYTES) {
      throw new ConfigError(
        `ORG_LOGO ${path} is ${size} bytes; at most ${MAX_LOGO_BYTES} (simplify the SVG)`,
      );
    }
    svg = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`ORG_LOGO must be the path of a readable SVG file, but "${path}" cannot be read`);
  }
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(svg)) {
    throw new ConfigError(`ORG_LOGO must be an SVG file (starting with <svg), got "${path}"`);
  }
  return svg;
}
