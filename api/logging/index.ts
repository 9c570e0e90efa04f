/**
 * JSON logs (pino), one line per event, to stdout.
 *
 * What may be logged is decided here, not at each call site: a request line carries the
 * method, the route pattern, the status, the duration and the request id, and nothing a
 * person sent (no body, URL, query, headers or client address), because a log is copied to
 * places with other retention and access rules than the database.
 */
import type { MiddlewareHandler } from 'hono';
import pino, { type DestinationStream, type Logger } from 'pino';
import { methodLabel, routeLabel } from '../http/route-label.ts';
import type { AppEnv } from '../http/types.ts';

export type { Logger } from 'pino';

/** Levels LOG_LEVEL accepts, most severe first; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * A logger writing JSON lines to `destination` (stdout by default, written synchronously so
 * nothing is lost when the process exits right after logging, as on a configuration error).
 */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      // Readable in a terminal and still one JSON object per line for log shippers.
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger keeping its lines in memory (tests read what would have been written). */
export function memoryLogger(level: LogLevel = 'info'): { logger: Logger; lines: () => string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines: () => lines.flatMap((chunk) => chunk.split('\n').filter((l) => l !== '')) };
}

/** A logger that drops everything: the default for apps built in tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * Middleware writing one line per request when it has been answered: `reqId`, `method`,
 * `route` (the pattern, see {@link routeLabel}), `status` and `ms`.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    logger[status >= 500 ? 'error' : 'info'](
      {
        reqId: c.var.requestId,
        method: methodLabel(c),
        route: routeLabel(c),
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}

/**
 * An error as it may be logged: its type, and message and stack with every quoted part
 * blanked. Database drivers quote the values they choke on (PostgreSQL: `invalid input
 * syntax for type integer: "…"`), and those values can be what a person typed.
 */
export function loggableError(err: unknown): { type: string; message: string; stack?: string } {
  if (!(err instanceof Error)) return { type: typeof err, message: '(not an Error)' };
  const described: { type: string; message: string; stack?: string } = {
    type: err.name,
    message: blankQuoted(err.message),
  };
  if (err.stack) described.stack = blankQuoted(err.stack);
  return described;
}

/** Replaces the inside of "…", '…' and `…` quotes (within one line) with `…`. */
export function blankQuoted(text: string): string {
  return text.replace(/"[^"\n]*"|'[^'\n]*'|`[^`\n]*`/g, (quoted) => `${quoted[0]}…${quoted[0]}`);
}
