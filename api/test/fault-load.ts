/**
 * Test support for fault tests: many devices sending at once through a real HTTP server, each
 * answer sorted by what it was, so a test can say which answers a fault may cause and which
 * never.
 */
import { commentItem, type Result } from './index.ts';

/** What the senders saw, by kind of answer. */
export interface FaultLoad {
  /** Ids answered `created` or `duplicate`: the server promised to keep these. */
  acknowledged: Set<string>;
  /** Item results other than created/duplicate (there should be none). */
  unexpected: Result[];
  /** 503 problem+json answers with a Retry-After of whole seconds: the answer a fault should give. */
  unavailable: number;
  /** Any other non-200 answer, as `status: body` (a 500, or a 503 without Retry-After). */
  otherStatuses: string[];
  /** Requests that got no answer at all (connection refused or cut: the process is gone). */
  networkErrors: string[];
  /** Waits until at least `n` ids are acknowledged (or `timeoutMs` passes, then rejects). */
  until(n: number, timeoutMs?: number): Promise<void>;
  /** Waits until at least `n` more 503 answers came than when called. */
  untilUnavailable(n: number, timeoutMs?: number): Promise<void>;
  /** Stops sending after the requests in flight end. */
  stop(): Promise<void>;
}

/**
 * Starts `senders` loops POSTing batches of `batchSize` new items to `${url}/api/submissions`.
 * Like a device's outbox, a batch that was not answered 200 is sent again, unchanged, so an item
 * committed just before a fault is answered `duplicate` afterwards.
 */
export function faultLoad(url: string, { senders = 12, batchSize = 5 } = {}): FaultLoad {
  let stopping = false;
  const load: Omit<FaultLoad, 'until' | 'untilUnavailable' | 'stop'> = {
    acknowledged: new Set(),
    unexpected: [],
    unavailable: 0,
    otherStatuses: [],
    networkErrors: [],
  };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const loops = Array.from({ length: senders }, async () => {
    let batch: unknown[] = [];
    while (!stopping) {
      if (batch.length === 0) batch = Array.from({ length: batchSize }, () => commentItem());
      let res: Response;
      let body: string;
      try {
        res = await fetch(`${url}/api/submissions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ submissions: batch }),
          signal: AbortSignal.timeout(20_000),
        });
        body = await res.text();
      } catch (err) {
        load.networkErrors.push(String((err as Error).cause ?? err));
        await pause(50);
        continue;
      }
      if (res.status === 200) {
        for (const r of (JSON.parse(body) as { results: Result[] }).results) {
          if (r.status === 'created' || r.status === 'duplicate') load.acknowledged.add(r.id);
          else load.unexpected.push(r);
        }
        batch = [];
      } else if (
        res.status === 503 &&
        /^\d+$/.test(res.headers.get('Retry-After') ?? '') &&
        res.headers.get('Content-Type') === 'application/problem+json'
      ) {
        load.unavailable += 1;
        // A device would wait Retry-After; the test waits a little so it sees recovery soon.
        await pause(50);
      } else {
        load.otherStatuses.push(
          `${res.status} ${res.headers.get('Retry-After') ?? '-'}: ${body.slice(0, 300)}`,
        );
        await pause(50);
      }
    }
  });
  const waitFor = async (done: () => boolean, what: () => string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`${what()} in time`);
      await pause(10);
    }
  };
  return {
    ...load,
    get unavailable() {
      return load.unavailable;
    },
    until: (n, timeoutMs = 20_000) =>
      waitFor(
        () => load.acknowledged.size >= n,
        () => `only ${load.acknowledged.size} of ${n} acknowledged`,
        timeoutMs,
      ),
    untilUnavailable(n, timeoutMs = 20_000) {
      const target = load.unavailable + n;
      return waitFor(
        () => load.unavailable >= target,
        () => `only ${load.unavailable} of ${target} 503 answers`,
        timeoutMs,
      );
    },
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}
