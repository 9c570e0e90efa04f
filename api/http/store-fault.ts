/**
 * The answer to a request that failed because the database is away or its disk is full
 * (api/store/faults.ts): 503 problem+json with Retry-After, so a device keeps the item and
 * sends it again, and a log line that names the cause.
 */
import type { Context } from 'hono';
import type { Logger } from '../logging/index.ts';
import { loggableError } from '../logging/index.ts';
import type { StoreFaultKind, StoreUnavailableError } from '../store/faults.ts';
import { problem } from './problem.ts';

/** What the body says; nothing about the request or the database's address. */
export const STORE_FAULT_DETAIL: Readonly<Record<StoreFaultKind, string>> = {
  'database-unavailable':
    'The database cannot be reached right now. Send the same request again after Retry-After seconds.',
  'disk-full':
    'The server cannot store anything right now: its disk is full. Send the same request again after Retry-After seconds.',
};

/** What the log says, for the operator who reads it. */
const LOG_MESSAGE: Readonly<Record<StoreFaultKind, string>> = {
  'database-unavailable': 'The database cannot be reached: answering 503 until it is back',
  'disk-full': "The database's disk is full: writes fail and are answered 503 until space is freed",
};

/** While a fault lasts, one error line per kind this often; the requests between are counted in it. */
export const FAULT_LOG_INTERVAL_MS = 10_000;

/**
 * A responder for store faults. A failover under load fails hundreds of requests a second;
 * the log gets one line per kind every {@link FAULT_LOG_INTERVAL_MS} with the count, and each
 * request's own line (the request log) still carries its 503.
 */
export function storeFaultResponder(logger: Logger, now: () => number = Date.now) {
  const last = new Map<StoreFaultKind, { at: number; suppressed: number }>();
  return (c: Context, err: StoreUnavailableError): Response => {
    const seen = last.get(err.kind);
    if (seen && now() - seen.at < FAULT_LOG_INTERVAL_MS) {
      seen.suppressed += 1;
    } else {
      logger.error(
        {
          reqId: c.var.requestId,
          fault: err.kind,
          code: err.code,
          failedSinceLastLine: seen?.suppressed ?? 0,
          err: loggableError(err.cause),
        },
        `${LOG_MESSAGE[err.kind]} (${err.code})`,
      );
      last.set(err.kind, { at: now(), suppressed: 0 });
    }
    return problem(c, 503, STORE_FAULT_DETAIL[err.kind], {
      headers: { 'Retry-After': String(err.retryAfterSeconds) },
    });
  };
}
