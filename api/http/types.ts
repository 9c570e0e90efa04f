/**
 * What every route gets: the store, the active boundary set, the configuration, and the
 * operational pieces (logger, metrics, rate limiter) shared by the whole app.
 */
import type { RequestIdVariables } from 'hono/request-id';
import type { Config } from '../config/index.ts';
import type { BoundarySet } from '../domain/tagging/index.ts';
import type { Logger } from '../logging/index.ts';
import type { Metrics } from '../metrics/index.ts';
import type { RateLimiter } from '../rate-limit/index.ts';
import type { Store } from '../store/index.ts';

/** Hono environment of the app. */
export type AppEnv = { Variables: RequestIdVariables };

/** Dependencies handed to each resource. */
export interface ApiDeps {
  store: Store;
  /**
   * The active boundary set, asked for on each request: activating a new set (a later
   * release) swaps what this returns without restarting.
   */
  boundaries: () => BoundarySet;
  config: Pick<Config, 'controllerName' | 'dpoContact'> & { metricsToken?: string | undefined };
  logger: Logger;
  metrics: Metrics;
  limiter: RateLimiter;
}
