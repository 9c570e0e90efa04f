import { afterEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/index.ts';

const TOKEN = 'kraftsamla-metrics-token-0123456789abcdef';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('GET /metrics', () => {
  it('should not exist without METRICS_TOKEN: 404 problem+json, even with a bearer token', async () => {
    t = await testApp();
    for (const headers of [{}, { Authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const res = await t.app.request('/metrics', { headers });
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    }
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer not-the-token'],
    ['the token with one character more', `Bearer ${TOKEN}x`],
    ['another scheme', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`],
  ])('should answer 401 problem+json with WWW-Authenticate for %s', async (_, authorization) => {
    t = await testApp({ config: { metricsToken: TOKEN } });
    const res = await t.app.request('/metrics', {
      headers: authorization === undefined ? {} : { Authorization: authorization },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="metrics"');
    expect(await res.text()).not.toContain('kraftsamla_');
  });

  it('should give Prometheus text with the bearer token, not cached', async () => {
    t = await testApp({ config: { metricsToken: TOKEN } });
    await t.app.request('/api/areas');
    const res = await t.app.request('/metrics', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const text = await res.text();
    for (const name of [
      'kraftsamla_http_requests_total',
      'kraftsamla_http_request_duration_seconds',
      'kraftsamla_submissions_total',
      'kraftsamla_submission_batch_size',
      'kraftsamla_rate_limited_total',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toContain('kraftsamla_http_requests_total{method="GET",route="/api/areas",status="200"} 1');
  });
});
