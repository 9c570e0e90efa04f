import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request as httpRequest,
  type ServerResponse,
  createServer as createHttpServer,
} from 'node:http';
import type { Socket } from 'node:net';

/**
 * A fault-injecting HTTP proxy for browser tests: the browser loads the app THROUGH it (so the page
 * and the service worker share its origin) and it forwards everything to the real API server.
 *
 * Only `POST /api/submissions` is faulted; static files and every other API call pass untouched, so
 * the app loads and the catalogue works. Per submission POST, in arrival order, one of:
 * - `drop`: the connection is destroyed before anything is forwarded (the server never sees it);
 * - `delay`: forwarded unchanged after a random 0–`maxDelayMs` wait;
 * - `error500`: answered `500 application/problem+json` without forwarding;
 * - `cutAfterCommit`: forwarded, the server's whole answer is received (it answers only after the
 *   commit), then the browser's connection is destroyed before one byte of it is sent back;
 * - `middlebox403`, `stall`: see MIDDLEBOX_KINDS;
 * - `clean`: forwarded unchanged.
 *
 * The choice comes from a seeded PRNG (mulberry32) with fixed rates, so a seed gives the same fault
 * sequence for the same sequence of requests. With `coverEachFault`, the first submission POSTs
 * get each fault kind that has a rate, in a seeded random order (so every run exercises each kind at least once
 * even when the device needs only a handful of requests), and the fixed rates apply from then on.
 */

export const FAULT_KINDS = ['drop', 'delay', 'error500', 'cutAfterCommit'] as const;
/**
 * Faults of something between the phone and the API, off unless given a rate:
 * - `middlebox403`: a captive portal or WAF answers `403 text/html` without forwarding;
 * - `stall`: the request is read and then never answered (the connection stays open).
 */
export const MIDDLEBOX_KINDS = ['middlebox403', 'stall'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number] | (typeof MIDDLEBOX_KINDS)[number];
export type Decision = FaultKind | 'clean';

export interface ChaosOptions {
  /** Where to forward, e.g. `http://localhost:1234`. */
  target: string;
  seed: number;
  /** Probability of each fault per submission POST; the rest is `clean`. */
  rates: Partial<Record<FaultKind, number>>;
  /**
   * Ids the "server" always fails on: a POST containing one is answered `500` (as the API would
   * when one row makes its transaction fail), whatever the fault decision.
   */
  poisonIds?: ReadonlySet<string>;
  /** Upper bound of the `delay` fault. */
  maxDelayMs?: number;
  /** The first four submission POSTs get the four faults in a seeded order. */
  coverEachFault?: boolean;
  /**
   * Keep the browser's connections open between requests (default true). Chromium resends a request
   * by itself when a REUSED connection closes before any answer, so with keep-alive a `drop` or
   * `cutAfterCommit` may be absorbed by the browser (the POST arrives again, unseen by the page).
   * With `false` every answer closes its connection and every request comes on a new one, so most
   * dropped or cut requests fail the sender's own fetch (Chromium still resends on a connection it
   * opened ahead of time and left idle).
   */
  keepAlive?: boolean;
}

/** What happened to one `POST /api/submissions` that reached the proxy. */
export interface ProxiedPost {
  /** 1-based arrival number. */
  n: number;
  decision: Decision;
  /** Milliseconds since the proxy started, when the request body had arrived. */
  at: number;
  /** Which browser connection carried it (1-based), and how many requests that connection carried before. */
  connection: number;
  reused: number;
  /** The submission ids in the request body. */
  ids: string[];
  delayMs?: number;
  /** Set when the request was forwarded and the server answered. */
  upstreamStatus?: number;
  /** The server's per-item statuses (`created`, `duplicate`, …) by id, when it answered 200 JSON. */
  results?: Record<string, string>;
  /** The browser's connection closed before the proxy could answer (e.g. the page gave up). */
  clientGone?: boolean;
  /** It held a poison id and was answered 500. */
  poisoned?: boolean;
  error?: string;
}

export interface ChaosProxy {
  url: string;
  port: number;
  seed: number;
  /** How many submission POSTs got each decision. */
  counts: Record<Decision | 'poison', number>;
  /** Requests passed through untouched (static files, other API calls). */
  passedThrough: number;
  /** Every submission POST, in arrival order. */
  log: ProxiedPost[];
  /** Changes the fault rates from the next submission POST on (e.g. all zero: "the network is clean"). */
  setRates(rates: Partial<Record<FaultKind, number>>): void;
  close(): Promise<void>;
}

/** mulberry32: a small, fast, seedable PRNG with good enough statistics for fault injection. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed from CHAOS_SEED (decimal or 0x…), or the given default. */
export function chaosSeed(fallback: number): number {
  const raw = process.env.CHAOS_SEED?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`CHAOS_SEED must be a non-negative integer`);
  return value >>> 0;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.on('aborted', () => reject(new Error('aborted')));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function idsOf(body: Buffer): string[] {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { submissions?: { id?: unknown }[] };
    return (parsed.submissions ?? []).map((s) => String(s?.id));
  } catch {
    return [];
  }
}

function resultsOf(body: Buffer): Record<string, string> | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { results?: { id: string; status: string }[] };
    if (!Array.isArray(parsed.results)) return undefined;
    return Object.fromEntries(parsed.results.map((r) => [r.id, r.status]));
  } catch {
    return undefined;
  }
}

export async function startChaosProxy(options: ChaosOptions): Promise<ChaosProxy> {
  const target = new URL(options.target);
  const upstreamHost = target.hostname;
  const upstreamPort = Number(target.port);
  const maxDelayMs = options.maxDelayMs ?? 1500;
  const random = mulberry32(options.seed);
  const counts: Record<Decision | 'poison', number> = {
    drop: 0,
    delay: 0,
    error500: 0,
    cutAfterCommit: 0,
    middlebox403: 0,
    stall: 0,
    poison: 0,
    clean: 0,
  };
  let rates = { ...options.rates };
  const log: ProxiedPost[] = [];
  const sockets = new Set<Socket>();
  const connectionInfo = new WeakMap<Socket, { n: number; requests: number }>();
  const started = Date.now();
  let connections = 0;
  let passedThrough = 0;

  // The seeded order of the first four faults (Fisher–Yates with the same PRNG).
  const prelude: FaultKind[] = options.coverEachFault
    ? [...FAULT_KINDS, ...MIDDLEBOX_KINDS].filter((k) => (rates[k] ?? 0) > 0)
    : [];
  for (let i = prelude.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [prelude[i], prelude[j]] = [prelude[j] as FaultKind, prelude[i] as FaultKind];
  }

  function decide(): Decision {
    const first = prelude.shift();
    if (first) return first;
    let r = random();
    for (const kind of [...FAULT_KINDS, ...MIDDLEBOX_KINDS]) {
      const rate = rates[kind] ?? 0;
      if (r < rate) return kind;
      r -= rate;
    }
    return 'clean';
  }

  /** Streams a request through unchanged. */
  function passThrough(req: IncomingMessage, res: ServerResponse) {
    passedThrough++;
    const upstream = httpRequest(
      {
        host: upstreamHost,
        port: upstreamPort,
        method: req.method,
        path: req.url,
        headers: { ...endToEnd(req.headers), host: target.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, endToEnd(up.headers));
        up.pipe(res);
        up.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
      else res.destroy();
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  }

  /** Forwards a buffered submission POST and buffers the whole answer. */
  function forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers = { ...endToEnd(req.headers), host: target.host, 'content-length': String(body.length) };
      // Ask for an uncompressed answer, so the proxy can read the per-item results.
      delete headers['accept-encoding'];
      const upstream = httpRequest(
        { host: upstreamHost, port: upstreamPort, method: req.method, path: req.url, headers },
        (up) => {
          readAll(up).then(
            (b) => resolve({ status: up.statusCode ?? 502, headers: up.headers, body: b }),
            reject,
          );
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  async function fault(req: IncomingMessage, res: ServerResponse) {
    let body: Buffer;
    try {
      body = await readAll(req);
    } catch {
      return;
    }
    const conn = connectionInfo.get(req.socket) ?? { n: 0, requests: 1 };
    const entry: ProxiedPost = {
      n: log.length + 1,
      decision: decide(),
      at: Date.now() - started,
      connection: conn.n,
      reused: conn.requests - 1,
      ids: idsOf(body),
    };
    log.push(entry);
    counts[entry.decision]++;
    const clientGone = () => res.destroyed || req.socket.destroyed;

    if (entry.decision === 'drop') {
      req.socket.destroy();
      return;
    }
    if (entry.decision === 'stall') {
      // Read, never answered: only the sender's own timeout ends this request.
      return;
    }
    if (entry.decision === 'middlebox403') {
      const page = '<!doctype html><title>Access denied</title><p>Log in to the guest network first.</p>';
      res.writeHead(403, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(page),
      });
      res.end(page);
      return;
    }
    const poisoned = entry.ids.some((id) => options.poisonIds?.has(id));
    if (poisoned) {
      entry.poisoned = true;
      counts.poison++;
    }
    if (entry.decision === 'error500' || poisoned) {
      const problem = JSON.stringify({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'injected by the chaos proxy',
      });
      res.writeHead(500, {
        'content-type': 'application/problem+json',
        'content-length': Buffer.byteLength(problem),
        // A poison item fails in the API itself (its own answer); other 500s are a gateway's.
        ...(poisoned ? { 'kraftsamla-api': '1' } : {}),
      });
      res.end(problem);
      return;
    }
    if (entry.decision === 'delay') {
      entry.delayMs = Math.round(random() * maxDelayMs);
      await sleep(entry.delayMs);
      if (clientGone()) {
        entry.clientGone = true;
        return;
      }
    }
    let answer: Awaited<ReturnType<typeof forward>>;
    try {
      answer = await forward(req, body);
    } catch (err) {
      entry.error = String(err);
      if (!res.headersSent && !clientGone()) res.writeHead(502).end();
      return;
    }
    entry.upstreamStatus = answer.status;
    const results = answer.status === 200 ? resultsOf(answer.body) : undefined;
    if (results) entry.results = results;
    if (entry.decision === 'cutAfterCommit') {
      // The server has committed and answered; the answer is lost on the way back.
      req.socket.destroy();
      return;
    }
    if (clientGone()) {
      entry.clientGone = true;
      return;
    }
    const headers = endToEnd(answer.headers);
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  const server = createHttpServer((req, res) => {
    const conn = connectionInfo.get(req.socket);
    if (conn) conn.requests++;
    if (options.keepAlive === false) res.setHeader('connection', 'close');
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'POST' && path === '/api/submissions') void fault(req, res);
    else passThrough(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    connectionInfo.set(socket, { n: ++connections, requests: 0 });
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seed: options.seed,
    counts,
    get passedThrough() {
      return passedThrough;
    },
    log,
    setRates(next) {
      rates = { ...next };
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
