/**
 * Graceful shutdown: on SIGTERM (a deploy, an orchestrator scaling down) or Ctrl-C, stop
 * accepting connections, let every request in flight finish, so an item being committed is
 * answered and not retried for nothing, then close the database and exit 0.
 */
import type { ServerType } from '@hono/node-server';
import type { Logger } from '../logging/index.ts';

/** What {@link gracefulShutdown} needs. */
export interface ShutdownOptions {
  server: ServerType;
  logger: Logger;
  /** How long requests in flight get before the process exits anyway (with 1). */
  graceMs: number;
  /** Runs once the last request has been answered (close the store here). */
  onDrained: () => Promise<void>;
  /** Ends the process; tests replace it. */
  exit?: (code: number) => void;
}

/** How often connections that became idle while draining are closed. */
const IDLE_SWEEP_MS = 50;

/**
 * Returns `stop(signal)`: the first call starts draining; the same signal again (a second
 * Ctrl-C) means "now" and exits 1; another signal meanwhile (a supervisor joining in) is ignored.
 */
export function gracefulShutdown(options: ShutdownOptions): (signal: string) => void {
  const { server, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping: string | undefined;
  return (signal) => {
    if (stopping !== undefined) {
      if (signal !== stopping) return;
      logger.warn(`${signal} again: stopping without waiting.`);
      exit(1);
      return;
    }
    stopping = signal;
    logger.info(`${signal}: finishing requests in flight, then stopping.`);
    const force = setTimeout(() => {
      logger.error(`Requests still in flight after ${options.graceMs} ms; stopping anyway.`);
      exit(1);
    }, options.graceMs);
    force.unref();
    // close() stops accepting at once and calls back when every connection has ended. A
    // keep-alive connection whose request finishes becomes idle and would otherwise stay
    // open until its keep-alive timeout, so idle ones are closed as they appear.
    const idle = setInterval(() => closeIdle(server), IDLE_SWEEP_MS);
    idle.unref();
    server.close(() => {
      clearInterval(idle);
      options.onDrained().then(
        () => {
          clearTimeout(force);
          logger.info('Stopped.');
          exit(0);
        },
        (err: unknown) => {
          clearTimeout(force);
          logger.error({ err }, 'Closing the database failed.');
          exit(1);
        },
      );
    });
    closeIdle(server);
  };
}

function closeIdle(server: ServerType): void {
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
