import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestApp, testApp } from '../../test/index.ts';
import { publicRead } from './index.ts';

const app = new Hono().use(publicRead()).get('/x', (c) => c.json({ ok: true }));

describe('publicRead', () => {
  it('should let a browser app on another site read a GET answer, without credentials', async () => {
    const res = await app.request('/x', { headers: { Origin: 'https://example.org' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
  });

  it('should name the licence on every successful answer', async () => {
    const res = await app.request('/x');
    expect(res.headers.get('Link')).toBe(
      '<http://creativecommons.org/publicdomain/zero/1.0/>; rel="license"',
    );
  });

  it('should answer a preflight for GET only', async () => {
    const res = await app.request('/x', {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD');
  });
});

describe.each(STORE_KINDS)('the public read routes in the app on %s', (kind) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('should be readable from another site, while staff routes are not', async () => {
    t = await testApp({ kind, exampleContent: true });
    const origin = { Origin: 'https://data.example.org' };
    for (const path of ['/api/insatser', '/api/areas', '/api/public/submissions']) {
      const res = await t.app.request(path, { headers: origin });
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.headers.get('Access-Control-Allow-Origin')]).toEqual([path, '*']);
      expect(res.headers.get('Link')).toContain('rel="license"');
    }
    const staff = await t.app.request('/api/staff/queue', { headers: origin });
    expect(staff.status).toBe(401);
    expect(staff.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
