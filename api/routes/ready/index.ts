/**
 * GET /readyz: this instance can serve: the database answers, its schema is current, and it
 * can write (after a write failed for lack of space, until a probe write succeeds).
 * A load balancer sends traffic only to instances that say so; /healthz only says the
 * process is alive (restart it if not).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { problem } from '../../http/problem.ts';
import { STORE_FAULT_DETAIL } from '../../http/store-fault.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import { loggableError } from '../../logging/index.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import { RETRY_AFTER_SECONDS } from '../../store/faults.ts';

/** A database slower than this to answer a trivial query counts as not reachable. */
export const READY_TIMEOUT_MS = 2_000;

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/readyz',
  tag: 'operations',
  routes: [
    {
      method: 'get',
      access: 'public',
      path: '/',
      summary: 'Readiness',
      description:
        'Ready when the database answers and every migration this version knows has run, and, after a ' +
        'write failed because the disk is full, once a probe write succeeds again.',
      responses: {
        200: { description: 'Ready', schema: v.object({ status: v.literal('ready') }) },
        503: { description: 'Database unreachable, its disk full, or migrations pending', problem: true },
      },
    },
  ],
};

/** The readiness resource. */
export function ready(deps: Pick<ApiDeps, 'store' | 'logger'>) {
  // Migrations only ever move forward, so once they are all applied, a ping is enough.
  let migrated = false;
  return new Hono<AppEnv>().get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    // A write failed for lack of space: reads still work, so only a write shows it is over.
    if (deps.store.fault()?.kind === 'disk-full') {
      try {
        await withTimeout(deps.store.probeWrite());
      } catch (err) {
        deps.logger.warn({ reqId: c.var.requestId, err: loggableError(err) }, 'database disk full');
        return problem(c, 503, STORE_FAULT_DETAIL['disk-full'], {
          headers: { 'Retry-After': String(RETRY_AFTER_SECONDS['disk-full']) },
        });
      }
    }
    try {
      if (migrated) {
        await withTimeout(deps.store.ping());
      } else {
        const pending = await withTimeout(deps.store.pendingMigrations());
        if (pending.length > 0) {
          return problem(
            c,
            503,
            `The database has ${pending.length} migration(s) to run before this instance can serve.`,
          );
        }
        migrated = true;
      }
    } catch (err) {
      deps.logger.warn({ reqId: c.var.requestId, err: loggableError(err) }, 'database not reachable');
      return problem(c, 503, 'The database cannot be reached.', {
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS['database-unavailable']) },
      });
    }
    return c.json({ status: 'ready' as const });
  });
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
