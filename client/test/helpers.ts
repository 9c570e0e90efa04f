/** Test helpers for the outbox and sync tests (Node + fake-indexeddb). */
import { v7 as uuidv7 } from 'uuid';
import type { SubmissionItem, SubmissionResult } from '../../common/wire/index.ts';
import { openDatabase } from '../db/index.ts';
import { createOutbox, type Outbox } from '../outbox/index.ts';

let dbCounter = 0;

/** A fresh outbox on its own database, with a controllable clock. */
export function freshOutbox(start = 1_700_000_000_000): {
  outbox: Outbox;
  clock: { now: number };
  /** How many change messages the outbox has sent (each makes every open tab redraw). */
  changes: { count: number };
} {
  const clock = { now: start };
  const changes = { count: 0 };
  const name = `test-${++dbCounter}-${Math.random().toString(36).slice(2)}`;
  const dbPromise = openDatabase(name);
  const outbox = createOutbox({
    db: () => dbPromise,
    now: () => clock.now,
    onChange: () => {
      changes.count++;
    },
  });
  return { outbox, clock, changes };
}

export function makeItem(overrides: Partial<SubmissionItem> = {}): SubmissionItem {
  return {
    schemaVersion: 1,
    id: uuidv7(),
    kind: 'comment',
    text: 'Fler lampor vid busshållplatsen.',
    respondent: { group: 'youth', ageBand: '16-19' },
    location: { areaCode: '11319' },
    deviceId: 'device-test-0001',
    locale: 'sv',
    createdAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  } as SubmissionItem;
}

/** Enqueues `n` items, one clock tick apart, and returns their ids in queue order. */
export async function enqueueMany(
  outbox: Outbox,
  clock: { now: number },
  n: number,
  overrides: Partial<SubmissionItem> = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const record = await outbox.enqueue(makeItem(overrides));
    ids.push(record.id);
    clock.now += 1000;
  }
  return ids;
}

export interface Call {
  ids: string[];
  bytes: number;
}

type Handler = (ids: string[], call: number) => Response | Promise<Response>;

/** A fake `fetch` for POST /api/submissions that records which ids each request carried. */
export function fakeServer(handler: Handler = created) {
  const calls: Call[] = [];
  const fetch = async (_url: string, init?: RequestInit): Promise<Response> => {
    const body = String(init?.body ?? '');
    const ids = (JSON.parse(body) as { submissions: SubmissionItem[] }).submissions.map((s) => s.id);
    calls.push({ ids, bytes: new TextEncoder().encode(body).length });
    return handler(ids, calls.length);
  };
  return { fetch, calls };
}

/** An answer from the API itself (it marks every answer with its header). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      'kraftsamla-api': '1',
      ...headers,
    },
  });
}

/** An answer from something between the phone and the API (a portal, a proxy, a WAF). */
export function foreign(status: number, body = '<html>Access denied</html>'): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html' } });
}

export function receiptFor(id: string): string {
  return `r${id.replace(/-/g, '').slice(-21)}`;
}

/** Every item created, with a receipt and a `chosen` tag. */
export function created(ids: string[]): Response {
  return json({
    results: ids.map(
      (id): SubmissionResult => ({
        id,
        status: 'created',
        receipt: receiptFor(id),
        tags: [{ areaCode: '11319', source: 'chosen' }],
      }),
    ),
  });
}
