/**
 * Outgoing e-mail (SMTP): either one SMTP_URL, or SMTP_HOST with SMTP_PORT, SMTP_USER,
 * SMTP_PASSWORD and SMTP_SECURE; SMTP_FROM is the sender. Nothing set: mail is off (answers are
 * still published, no one is e-mailed and the staff digest is not sent).
 */
import { ConfigError } from './errors.ts';

/** How to reach the SMTP server, and who the mail is from. */
export interface MailConfig {
  host: string;
  port: number;
  /** TLS from the first byte (smtps, usually port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** null: the server accepts mail without signing in (a local relay). */
  auth: { user: string; pass: string } | null;
  /** The From address, like `Malmö stad <noreply@malmo.se>`. */
  from: string;
}

/** The variables that configure mail (any one set means mail is meant to be on). */
const MAIL_VARS = [
  'SMTP_URL',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_USER',
  'SMTP_PASSWORD',
  'SMTP_SECURE',
] as const;

function set(raw: string | undefined): raw is string {
  return raw !== undefined && raw.trim() !== '';
}

/** Reads the SMTP settings; null when none is set. Messages never repeat a password. */
export function parseMailConfig(env: Record<string, string | undefined>): MailConfig | null {
  if (!MAIL_VARS.some((name) => set(env[name]))) {
    if (set(env.SMTP_FROM))
      throw new ConfigError('SMTP_FROM is set but no SMTP server is: set SMTP_URL or SMTP_HOST');
    return null;
  }
  if (set(env.SMTP_URL) && set(env.SMTP_HOST)) {
    throw new ConfigError('Set either SMTP_URL or SMTP_HOST (with SMTP_PORT, SMTP_USER, …), not both');
  }
  const server = set(env.SMTP_URL) ? fromUrl(env.SMTP_URL) : fromParts(env);
  if (!set(env.SMTP_FROM)) {
    throw new ConfigError('SMTP_FROM must be set when mail is on, like "Malmö stad <noreply@malmo.se>"');
  }
  const from = env.SMTP_FROM.trim();
  if (!/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(from)) {
    throw new ConfigError(
      `SMTP_FROM must be an address like noreply@malmo.se or "Name <noreply@malmo.se>", got "${from}"`,
    );
  }
  return { ...server, from };
}

function fromUrl(raw: string): Omit<MailConfig, 'from'> {
  let url: URL;
  const shown = raw.replace(/^([a-z]+:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1***@');
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(
      `SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465, got "${shown}"`,
    );
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
    throw new ConfigError(
      `SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465, got "${shown}"`,
    );
  }
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  const user = decodeURIComponent(url.username);
  const auth = user === '' ? null : { user, pass: decodeURIComponent(url.password) };
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port, secure, auth };
}

function fromParts(env: Record<string, string | undefined>): Omit<MailConfig, 'from'> {
  if (!set(env.SMTP_HOST)) {
    throw new ConfigError('SMTP_HOST must be set when SMTP_PORT, SMTP_USER, SMTP_PASSWORD or SMTP_SECURE is');
  }
  const secure = parseSecure(env.SMTP_SECURE);
  let port = secure ? 465 : 587;
  if (set(env.SMTP_PORT)) {
    const raw = env.SMTP_PORT.trim();
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65_535) {
      throw new ConfigError(`SMTP_PORT must be a whole number from 1 to 65535, got "${env.SMTP_PORT}"`);
    }
    port = Number(raw);
  }
  if (set(env.SMTP_PASSWORD) && !set(env.SMTP_USER)) {
    throw new ConfigError('SMTP_PASSWORD is set without SMTP_USER');
  }
  const auth = set(env.SMTP_USER) ? { user: env.SMTP_USER.trim(), pass: env.SMTP_PASSWORD ?? '' } : null;
  return { host: env.SMTP_HOST.trim(), port, secure, auth };
}

function parseSecure(raw: string | undefined): boolean {
  if (!set(raw)) return false;
  const value = raw.trim().toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(
    `SMTP_SECURE must be "on" (TLS from the start, port 465) or "off" (STARTTLS), got "${raw}"`,
  );
}
