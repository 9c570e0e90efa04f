/** Thrown for a bad environment variable; the message names it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
