/**
 * How long the HTTP server waits for a client, and when it closes the connection.
 *
 * Node's defaults let a client that trickles its request hold a socket for 300 s. The limits
 * below still let a phone on a poor mobile connection send the largest request the API takes
 * (a 1 MB batch, at about 70 kbit/s: a weak 2G/EDGE link), and no slower:
 * - headers within 20 s of connecting (a few hundred bytes; a phone sends them in one packet);
 * - the whole request within 120 s;
 * - an idle keep-alive connection closed after 5 s (Node's default, kept).
 */
import type { ServerOptions } from 'node:http';

/** Headers must arrive within this many ms of the connection opening. */
export const HEADERS_TIMEOUT_MS = 20_000;
/** The whole request, body included, must arrive within this many ms. */
export const REQUEST_TIMEOUT_MS = 120_000;
/** An idle keep-alive connection is closed after this many ms. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/**
 * Options for the server `serve()` makes: the limits above (or the given ones, for tests).
 * Node looks for connections past their limits on an interval (30 s by default); checked every
 * second, a slow client is cut within a second of its limit.
 */
export function slowClientLimits(
  limits: { headersMs?: number; requestMs?: number; keepAliveMs?: number } = {},
): ServerOptions {
  return {
    headersTimeout: limits.headersMs ?? HEADERS_TIMEOUT_MS,
    requestTimeout: limits.requestMs ?? REQUEST_TIMEOUT_MS,
    keepAliveTimeout: limits.keepAliveMs ?? KEEP_ALIVE_TIMEOUT_MS,
    connectionsCheckingInterval: 1_000,
  };
}
