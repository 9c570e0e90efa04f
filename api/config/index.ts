/**
 * Configuration from environment variables, checked once at start.
 *
 * Every problem names the variable, so an operator can fix it without reading code.
 */
import { resolve } from 'node:path';

/** Where the data lives. Only SQLite in this release; PostgreSQL arrives next. */
export type DatabaseConfig = { kind: 'sqlite'; path: string };

/** The whole configuration of one Kraftsamla process. */
export interface Config {
  port: number;
  database: DatabaseConfig;
  /** Seed and publish the example insatser (clearly marked as examples). */
  exampleContent: boolean;
  /** Directory of the built client, served at `/`. */
  staticDir: string;
  /** The nämnd responsible for the personal data (personuppgiftsansvarig). */
  controllerName: string;
  /** How to reach the data protection officer (dataskyddsombud). */
  dpoContact: string;
}

/** Thrown for a bad environment variable; the message names it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The embedded SQLite file, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/kraftsamla.db';

/** Reads and validates the configuration; throws {@link ConfigError} on the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return {
    port: parsePort(env.PORT),
    database: parseDatabaseUrl(env.DATABASE_URL),
    exampleContent: parseSwitch('EXAMPLE_CONTENT', env.EXAMPLE_CONTENT, false),
    staticDir: resolve(nonEmpty('STATIC_DIR', env.STATIC_DIR, 'dist')),
    controllerName: nonEmpty('CONTROLLER_NAME', env.CONTROLLER_NAME, 'Malmö stad, kommunstyrelsen'),
    dpoContact: nonEmpty('DPO_CONTACT', env.DPO_CONTACT, 'dataskyddsombud@malmo.se'),
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8787;
  const port = Number(raw);
  // Port 0 is allowed: the OS picks a free port (tests and benchmarks use it).
  if (!/^\d+$/.test(raw) || port > 65_535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/** Parses `sqlite:<path>`; `postgres://` is recognised so the message can say what to do. */
export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const url = raw === undefined || raw.trim() === '' ? DEFAULT_DATABASE_URL : raw.trim();
  if (/^postgres(ql)?:\/\//i.test(url)) {
    throw new ConfigError(
      'DATABASE_URL selects PostgreSQL, which arrives in the next release; ' +
        `use the embedded SQLite store for now (e.g. DATABASE_URL=${DEFAULT_DATABASE_URL})`,
    );
  }
  const match = /^sqlite:(?:\/\/)?(.+)$/i.exec(url);
  const path = match?.[1];
  if (!path) {
    throw new ConfigError(
      `DATABASE_URL must look like sqlite:./data/kraftsamla.db or sqlite:/var/lib/kraftsamla.db, got "${url}"`,
    );
  }
  return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
}

function parseSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${raw}"`);
}

function nonEmpty(name: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined) return fallback;
  const value = raw.trim();
  if (value === '') throw new ConfigError(`${name} must not be empty (leave it unset for "${fallback}")`);
  return value;
}
