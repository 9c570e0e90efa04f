import { afterEach, describe, expect, it } from 'vitest';
import { answerItem, commentItem, send, type TestApp, testApp } from '../test/index.ts';
import { createMetrics, type Metrics } from './index.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The value of one series, by its labels. */
async function value(metrics: Metrics, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  const match = values.find((v) =>
    Object.entries(labels).every(([k, l]) => String((v.labels as Record<string, unknown>)[k]) === l),
  );
  return match?.value ?? 0;
}

describe('HTTP metrics', () => {
  it('should count requests by method, route pattern and status, never by raw path or query', async () => {
    const metrics = createMetrics();
    t = await testApp({ metrics });
    await t.app.request('/api/insatser/exempel-tryggare-malmo?x=1');
    await t.app.request('/api/insatser/exempel-ung-i-sommar');
    await t.app.request('/api/insatser/nope');
    await t.app.request('/api/whatever/19900101-1234');
    const requests = 'kraftsamla_http_requests_total';
    expect(await value(metrics, requests, { method: 'GET', route: '/api/insatser/:id', status: '200' })).toBe(
      2,
    );
    expect(await value(metrics, requests, { method: 'GET', route: '/api/insatser/:id', status: '404' })).toBe(
      1,
    );
    expect(await value(metrics, requests, { method: 'GET', route: '*', status: '404' })).toBe(1);
    const text = await metrics.registry.metrics();
    expect(text).not.toContain('19900101');
    expect(text).not.toContain('exempel-');
    expect(text).toMatch(
      /kraftsamla_http_request_duration_seconds_count\{method="GET",route="\/api\/insatser\/:id"\} 3/,
    );
  });
});

describe('submission metrics', () => {
  it('should count created, duplicate, conflict and rejected items and observe batch sizes', async () => {
    const metrics = createMetrics();
    t = await testApp({ metrics });
    const first = commentItem();
    await send(t, [first, answerItem(), { ...answerItem(), kind: 'nonsense' }]);
    await send(t, [first, { ...first, text: 'other text' }]);
    const outcome = (o: string) => value(metrics, 'kraftsamla_submissions_total', { outcome: o });
    expect(await outcome('created')).toBe(2);
    expect(await outcome('duplicate')).toBe(1);
    expect(await outcome('conflict')).toBe(1);
    expect(await outcome('rejected')).toBe(1);
    const text = await metrics.registry.metrics();
    expect(text).toContain('kraftsamla_submission_batch_size_count 2');
    expect(text).toContain('kraftsamla_submission_batch_size_sum 5');
    expect(text).toContain('kraftsamla_submission_batch_size_bucket{le="2"} 1');
  });

  it('should show every outcome from zero before anything arrives', async () => {
    const text = await createMetrics().registry.metrics();
    for (const o of ['created', 'duplicate', 'conflict', 'rejected']) {
      expect(text).toContain(`kraftsamla_submissions_total{outcome="${o}"} 0`);
    }
  });

  it('should count requests refused by a rate limit', async () => {
    const metrics = createMetrics();
    t = await testApp({ metrics, config: { rateLimit: { perDevice: 100, perAddress: null } } });
    const items = Array.from({ length: 60 }, () => commentItem({ id: crypto.randomUUID() }));
    await t.post('/api/submissions', { submissions: items });
    const res = await t.post('/api/submissions', {
      submissions: items.map(() => commentItem({ id: crypto.randomUUID() })),
    });
    expect(res.status).toBe(429);
    expect(
      await value(metrics, 'kraftsamla_rate_limited_total', { scope: 'submissions', limit: 'device' }),
    ).toBe(1);
  });
});
