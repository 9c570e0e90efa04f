/**
 * Rate limits on what devices send: items per minute per device id and per client address.
 *
 * Fixed one-minute windows counted in the store (see api/store/kysely/rate-limits.ts), so N
 * instances behind a load balancer share the counts. The limits are far above what a
 * person produces: a school class of 30 phones behind one address answering together stays
 * well under them, while one device or one address looping is stopped. A refused request
 * gets 429 with Retry-After; the client keeps the items queued and sends them after that.
 *
 * Nothing identifying is stored: a counter's key is a SHA-256 of the window start, the
 * scope and the address or device id, so keys change every minute, and the rows are
 * deleted once their window is over (they live one to two minutes). The hash is not a
 * secret pseudonym (IPv4 has only 2^32 addresses); the short life of the rows is what
 * protects them.
 */
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { problem } from '../http/problem.ts';
import type { Metrics } from '../metrics/index.ts';
import type { Store } from '../store/index.ts';

/** Length of a window. Limits are per minute, as operators think of them. */
export const WINDOW_MS = 60_000;

/** The limits, per window; `null` turns one off. */
export interface RateLimitConfig {
  /** Submission items per device id (RATE_LIMIT_PER_DEVICE, default 120). */
  perDevice: number | null;
  /**
   * Submission items, and separately receipt look-ups, per client address
   * (RATE_LIMIT_PER_ADDRESS, default 600).
   */
  perAddress: number | null;
}

/** What one request costs, as the route measures it. */
export interface Charge {
  /**
   * Separate counters per scope: receipt look-ups do not use up submission items, and reading
   * the public listing (`public`) uses up neither.
   */
  scope: 'submissions' | 'receipts' | 'public';
  /** Added to the client address's counter. */
  amount: number;
  /** Added to each device id's counter (submissions carry their device id in each item). */
  devices?: ReadonlyMap<string, number>;
}

/** Builds {@link Charge}-checking middleware over one store. */
export interface RateLimiter {
  /** Middleware charging each request `measure(c)`; 429 problem+json once a limit is passed. */
  limit<E extends Env>(measure: (c: Context<E>) => Charge): MiddlewareHandler<E>;
  /** Deletes the counters of past windows (the first request of each window does it too). */
  sweep(): Promise<void>;
}

/** What a limiter needs. */
export interface RateLimiterOptions extends RateLimitConfig {
  store: Pick<Store, 'addRateLimitHits' | 'expireRateLimits'>;
  /** Proxies in front of this server whose X-Forwarded-For is believed (TRUST_PROXY); 0: none. */
  trustProxy: number;
  metrics?: Metrics;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
}

/** Start of the window that holds `ms`, as the store keys it (ISO 8601). */
export function windowStart(ms: number): string {
  return new Date(Math.floor(ms / WINDOW_MS) * WINDOW_MS).toISOString();
}

/** Creates a limiter; with both limits off it lets everything through without touching the store. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  let sweptBefore = '';
  const sweep = async (start = windowStart(now())) => {
    sweptBefore = start;
    await options.store.expireRateLimits(start);
  };

  return {
    sweep: () => sweep(),
    limit<E extends Env>(measure: (c: Context<E>) => Charge): MiddlewareHandler<E> {
      return async (c, next) => {
        if (options.perAddress === null && options.perDevice === null) return next();
        const at = now();
        const start = windowStart(at);
        // Once per window and process; set before awaiting, so concurrent requests skip it.
        if (sweptBefore !== start) await sweep(start);

        const charge = measure(c);
        const limits = new Map<string, { limit: number; kind: 'device' | 'address' }>();
        const hits = new Map<string, number>();
        const add = (kind: 'device' | 'address', id: string, amount: number, limit: number | null) => {
          if (limit === null || amount <= 0) return;
          const key = counterKey(start, charge.scope, kind, id);
          hits.set(key, (hits.get(key) ?? 0) + amount);
          limits.set(key, { limit, kind });
        };
        add('address', addressKey(clientAddress(c, options.trustProxy)), charge.amount, options.perAddress);
        for (const [device, amount] of charge.devices ?? []) add('device', device, amount, options.perDevice);

        const counts = await options.store.addRateLimitHits(start, hits);
        let over: 'device' | 'address' | undefined;
        for (const [key, { limit, kind }] of limits) {
          if ((counts.get(key) ?? 0) > limit) over ??= kind;
        }
        if (over === undefined) return next();

        options.metrics?.rateLimited.inc({ scope: charge.scope, limit: over });
        const retryAfter = Math.max(1, Math.ceil((Date.parse(start) + WINDOW_MS - at) / 1000));
        const who = over === 'device' ? 'this device' : 'this network';
        return problem(
          c,
          429,
          `Too many ${charge.scope === 'submissions' ? 'submissions' : 'look-ups'} from ${who} this minute; ` +
            `try again in ${retryAfter} seconds. Nothing was stored from this request.`,
          { headers: { 'Retry-After': String(retryAfter) } },
        );
      };
    },
  };
}

/** The counter key: a hash, so no address or device id is ever written down. */
function counterKey(start: string, scope: string, kind: string, id: string): string {
  return createHash('sha256').update(`${start}\n${scope}\n${kind}\n${id}`).digest('base64url').slice(0, 22);
}

/**
 * The client's address. With `trustProxy` 0 (TRUST_PROXY off) it is the socket's peer, and
 * X-Forwarded-For is ignored: anyone can write that header. With N trusted proxies in front,
 * it is the N-th entry of X-Forwarded-For from the right: each proxy appends the peer it saw,
 * so the rightmost entries were written by our own proxies, and whatever a client put on
 * the left is never believed. With fewer entries than N, the leftmost one.
 */
export function clientAddress(c: Context, trustProxy: number): string {
  const socket = socketAddress(c);
  if (trustProxy <= 0) return socket;
  const hops = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  if (hops.length === 0) return socket;
  return hops[Math.max(0, hops.length - trustProxy)] ?? socket;
}

/** The socket's peer address; `unknown` where there is no socket (app.request in tests). */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * What an address is counted as: an IPv4 address as it is (an IPv4-mapped IPv6 address
 * too), an IPv6 address by its /64 network, since one home or phone gets a whole /64 and
 * could otherwise count as billions of clients. A port some proxies append is dropped.
 */
export function addressKey(address: string): string {
  let a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  if (mapped?.[1]) a = mapped[1];
  if (isIPv4(a)) return a;
  if (isIPv6(a)) return `${ipv6Groups(a).slice(0, 4).join(':')}::/64`;
  // Not an address (a proxy that writes "unknown"): counted as one client, as given.
  return a.slice(0, 100);
}

/** The eight 16-bit groups of an IPv6 address, in lower-case hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const plain = address.split('%')[0] ?? address; // zone id (fe80::1%eth0)
  const [head = '', tail] = plain.split('::');
  const toGroups = (part: string) => {
    const out: string[] = [];
    for (const group of part === '' ? [] : part.split(':')) {
      if (group.includes('.')) {
        // Embedded IPv4 (::ffff:1.2.3.4 is handled above; 64:ff9b::1.2.3.4 lands here).
        const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
        out.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
      } else out.push(Number.parseInt(group, 16).toString(16));
    }
    return out;
  };
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
}
