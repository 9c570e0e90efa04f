/**
 * Fuzzing every public endpoint: whatever arrives, the answer is never a 5xx, and every
 * error is problem+json of the documented shape. Bounded in runs and time; the seed is
 * printed, and FUZZ_SEED=<seed> replays a run (FUZZ_RUNS changes how many requests).
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../common/wire/index.ts';
import { createMetrics } from '../metrics/index.ts';
import { type TestApp, testApp } from '../test/index.ts';
import { type Endpoint, type FuzzRequest, requests } from './index.ts';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 1_500;
/** The property stops generating after this long, whatever RUNS says. */
const TIME_LIMIT_MS = 18_000;

let t: TestApp;
const metrics = createMetrics();
let endpoints: Endpoint[];
beforeAll(async () => {
  t = await testApp({
    metrics,
    // One fixed rate-limit window, so a replayed seed meets the same counts (and 429s).
    now: () => Date.parse('2026-11-24T10:00:00.000Z'),
    config: {
      rateLimit: { perDevice: 120, perAddress: 600 },
      trustProxy: 1,
      metricsToken: 'fuzz-metrics-token-0123456789abcdefghij',
    },
  });
  // The route table as mounted: every resource's routes (method ALL is the static client).
  // A route with middleware (body parsing, rate limit) is listed once per handler: once here.
  const seen = new Set<string>();
  endpoints = t.app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((e) => !seen.has(`${e.method} ${e.path}`) && seen.add(`${e.method} ${e.path}`) !== undefined);
});
afterAll(async () => {
  await t.close();
});

/** The body as text, uncompressed (app.request() hands over what compress() made). */
function decode(res: Response, bytes: Buffer): string {
  const encoding = res.headers.get('Content-Encoding');
  if (encoding === 'gzip') return gunzipSync(bytes).toString('utf8');
  if (encoding === 'deflate') return inflateSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

/** Sends one generated request and checks the answer; throws with what went wrong. */
async function check(request: FuzzRequest): Promise<number> {
  const res = await t.app.request(
    request.url,
    { method: request.method, headers: request.headers, body: request.body },
    { incoming: { socket: { remoteAddress: request.remoteAddress } } },
  );
  const text = request.method === 'HEAD' ? '' : decode(res, Buffer.from(await res.arrayBuffer()));
  const where = `${request.method} ${request.url.slice(0, 120)} → ${res.status}`;
  expect(res.status, where).toBeLessThan(500);
  expect(res.headers.get('Set-Cookie'), where).toBeNull();
  if (res.status < 400) return res.status;
  expect(res.headers.get('Content-Type'), where).toBe('application/problem+json');
  if (request.method === 'HEAD') return res.status;
  const problem: unknown = JSON.parse(text);
  expect(v.is(Problem, problem), `${where}: ${text.slice(0, 300)}`).toBe(true);
  expect((problem as Problem).status, where).toBe(res.status);
  return res.status;
}

describe('fuzzing every public endpoint', () => {
  it('should list the endpoints it fuzzes: the whole route table', () => {
    expect(endpoints.map((e) => `${e.method} ${e.path}`).sort()).toEqual(
      [
        'GET /api/areas',
        'GET /api/areas/map',
        'GET /api/auth/me',
        'GET /api/auth/methods',
        'GET /api/auth/oidc/callback',
        'GET /api/auth/oidc/start',
        'GET /api/identity',
        'GET /api/identity/logo.svg',
        'GET /api/staff/audit',
        'GET /api/staff/boundary-sets',
        'GET /api/staff/submissions/:id/contact',
        'DELETE /api/staff/submissions/:id/contact',
        'GET /api/staff/users',
        'GET /api/staff/queue',
        'GET /api/staff/queue/count',
        'POST /api/staff/moderation',
        'PATCH /api/staff/submissions/:id',
        'POST /api/staff/submissions/:id/redactions',
        'GET /api/staff/submissions/:id/originals',
        'PUT /api/staff/submissions/:id/answer',
        'GET /api/staff/reason-templates',
        'POST /api/staff/reason-templates',
        'DELETE /api/staff/reason-templates/:id',
        'GET /api/staff/settings',
        'PATCH /api/staff/settings',
        'GET /api/staff/me/digest',
        'POST /api/staff/me/digest',
        'GET /api/public/submissions',
        'GET /api/staff/home',
        'GET /api/staff/dashboard',
        'GET /api/staff/dashboard/answers',
        'GET /api/staff/themes',
        'GET /api/staff/themes/areas',
        'GET /api/staff/exports/submissions.zip',
        'GET /api/staff/exports/submissions.xlsx',
        'GET /api/staff/exports/areas.geojson',
        'GET /api/open-data/counts',
        'GET /api/open-data/counts.csv',
        'GET /api/open-data/areas.geojson',
        'GET /api/open-data/dataset.jsonld',
        'GET /api/public/answers/:insatsId',
        'GET /api/staff/indicators',
        'POST /api/staff/indicators',
        'POST /api/staff/indicators/import',
        'GET /api/staff/indicators/:id',
        'PUT /api/staff/indicators/:id',
        'DELETE /api/staff/indicators/:id',
        'PUT /api/staff/indicators/:id/values',
        'DELETE /api/staff/indicators/:id/values',
        'GET /api/staff/reporting-areas',
        'PUT /api/staff/reporting-areas/:code',
        'DELETE /api/staff/reporting-areas/:code',
        'POST /api/staff/reporting-areas/import',
        'PATCH /api/staff/users/:id',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'POST /api/staff/boundary-sets/:version/activate',
        'POST /api/staff/users',
        'GET /api/insatser',
        'GET /api/insatser/:id',
        'GET /api/insatser/:id/image',
        'GET /api/staff/insatser',
        'POST /api/staff/insatser',
        'GET /api/staff/insatser/:id',
        'PATCH /api/staff/insatser/:id',
        'POST /api/staff/insatser/:id/publish',
        'POST /api/staff/insatser/:id/unpublish',
        'POST /api/staff/insatser/:id/archive',
        'GET /api/staff/insatser/:id/image',
        'PUT /api/staff/insatser/:id/image',
        'DELETE /api/staff/insatser/:id/image',
        'POST /api/staff/insatser/:id/questions',
        'POST /api/staff/insatser/:id/questions/order',
        'PATCH /api/staff/insatser/:id/questions/:qid',
        'DELETE /api/staff/insatser/:id/questions/:qid',
        'POST /api/staff/question-warnings',
        'GET /api/staff/namnder',
        'POST /api/staff/namnder',
        'GET /api/openapi.json',
        'GET /api/privacy',
        'GET /healthz',
        'GET /i/:id',
        'GET /i/:id/:area',
        'GET /metrics',
        'GET /readyz',
        'POST /api/receipts',
        'POST /api/submissions',
      ].sort(),
    );
  });

  it('should never answer 5xx, and answer every error with problem+json of the documented shape', async () => {
    console.log(
      `fuzz: seed ${SEED}, up to ${RUNS} requests or ${TIME_LIMIT_MS / 1000} s (replay: FUZZ_SEED=${SEED})`,
    );
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requests(endpoints), async (request) => {
        const status = await check(request);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
      {
        seed: SEED,
        numRuns: RUNS,
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        // Shrinking a megabyte body takes long; the seed and the first failure are enough.
        endOnFailure: true,
        reporter: (details) => {
          if (details.failed) {
            throw new Error(`${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`);
          }
          console.log(
            `fuzz: ${details.numRuns} requests${details.interrupted ? ' (time limit reached)' : ''}`,
          );
        },
      },
    );
    // Not a check, a record: what the generated requests got (a run that only ever hit 400 proves little).
    const counts = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    const items = (await metrics.submissions.get()).values.map((x) => `${x.labels.outcome} ${x.value}`);
    console.log(`fuzz: statuses ${counts.join(' ')}; items ${items.join(', ')}`);
  }, 60_000);
});
