/**
 * Requests the client gave up on: the connection closed while the body was still arriving,
 * or a chunked body broke off. Node reports these as errors thrown by whatever was reading the
 * body, which would make them 500s, logged as server faults and alerted on ("any 5xx"). They
 * are the visitor's (or their network's) doing, so they are answered and counted as 400.
 */
import type { Context } from 'hono';

const ABORT_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'HPE_INVALID_CHUNK_SIZE',
]);

interface NodeIncoming {
  readableAborted?: boolean;
  aborted?: boolean;
  complete?: boolean;
  destroyed?: boolean;
}

/** True when `err` came from a request body the client stopped sending. */
export function isClientAbort(err: unknown, c: Context): boolean {
  const incoming = (c.env as { incoming?: NodeIncoming } | undefined)?.incoming;
  // A body that arrived in full was not cut off: an ECONNRESET then is the server's own
  // (a database connection lost), not the visitor's.
  if (incoming?.complete === true && incoming.readableAborted !== true) return false;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ABORT_CODES.has(code)) return true;
  if (err instanceof Error && err.message === 'aborted') return true;
  return incoming !== undefined && (incoming.readableAborted === true || incoming.aborted === true);
}
