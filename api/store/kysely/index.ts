/**
 * The dialect-neutral store: every query is Kysely, so the SQLite store and the
 * PostgreSQL store (postgres.ts) share this code and differ only in how they connect.
 */
import type { Kysely } from 'kysely';
import { migrateToLatest } from '../migrations.ts';
import { withFaultTracking } from '../faults.ts';
import type { Database } from '../schema.ts';
import type { Store } from '../types.ts';
import { boundaryVersionStore } from './boundary-versions.ts';
import { catalogueStore } from './catalogue.ts';
import { insatserAdminStore } from './insatser-admin.ts';
import { mapStore } from './maps.ts';
import { operationsStore } from './operations.ts';
import { placeNameStore } from './place-names.ts';
import { auditStore } from './audit.ts';
import { rateLimitStore, signInAttemptStore } from './rate-limits.ts';
import { retagStore } from './retag.ts';
import { staffStore } from './staff.ts';
import { staffSessionStore } from './staff-sessions.ts';
import { submissionStore } from './submissions.ts';
import { mailOutboxStore } from './mail-outbox.ts';
import { correctionStore } from './corrections.ts';
import { moderateStore } from './moderate.ts';
import { publicStore } from './public.ts';
import { queueStore } from './queue.ts';
import { reasonStore } from './reasons.ts';
import { redactionStore } from './redaction.ts';
import { retentionStore } from './retention.ts';
import { settingsStore } from './settings.ts';
import { aggregateStore } from './aggregates.ts';
import { exportStore } from './exports.ts';
import { indicatorStore } from './indicators.ts';
import { themeStore } from './themes.ts';
import { scopeStore } from './scope.ts';

/**
 * Builds a {@link Store} over an open Kysely instance; `close` destroys it. Every method
 * throws a database that is away or a full disk as a StoreUnavailableError (../faults.ts).
 * `checkSpace` is the store's own look at free disk space, run before the write probe.
 */
export function kyselyStore(db: Kysely<Database>, options: { checkSpace?: () => void } = {}): Store {
  return withFaultTracking({
    migrate: () => migrateToLatest(db as Kysely<unknown>),
    close: () => db.destroy(),
    ...catalogueStore(db),
    ...submissionStore(db),
    ...operationsStore(db, options.checkSpace),
    ...rateLimitStore(db),
    ...placeNameStore(db),
    ...boundaryVersionStore(db),
    ...retagStore(db),
    ...mapStore(db),
    ...staffStore(db),
    ...staffSessionStore(db),
    ...auditStore(db),
    ...signInAttemptStore(db),
    ...queueStore(db),
    ...publicStore(db),
    ...moderateStore(db),
    ...correctionStore(db),
    ...reasonStore(db),
    ...redactionStore(db),
    ...settingsStore(db),
    ...mailOutboxStore(db),
    ...retentionStore(db),
    ...insatserAdminStore(db),
    ...aggregateStore(db),
    ...exportStore(db),
    ...indicatorStore(db),
    ...themeStore(db),
    ...scopeStore(db),
  });
}
