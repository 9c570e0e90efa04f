/**
 * Storage. The only place with SQL; everything else talks to a {@link Store}.
 */
import type { DatabaseConfig } from '../config/index.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export {
  AUDIT_MIN_AGE_DAYS,
  joinFreeTexts,
  MAX_BULK_MODERATION,
  REDACTED_HASH_PREFIX,
  REDACTION_PLACEHOLDER,
  sameContent,
} from './moderation.ts';
export { DEFAULT_SETTINGS, settingProblem } from './kysely/settings.ts';
export { retentionCutoffs } from './kysely/retention.ts';
export { openPostgresDatabase, openPostgresStore, postgresPoolConfig } from './postgres.ts';
export { openSqliteDatabase, openSqliteStore, SQLITE_PRAGMAS } from './sqlite.ts';
export type * from './types.ts';

/** Opens the store the configuration names. Call `migrate()` before use. */
export function openStore(config: DatabaseConfig): Store {
  switch (config.kind) {
    case 'sqlite':
      return openSqliteStore(config.path);
    case 'postgres':
      return openPostgresStore(config);
  }
}
