import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logging/index.ts';
import { type TestApp, testApp } from '../test/index.ts';

let plain: TestApp;
let proxied: TestApp;
const log = memoryLogger();
beforeAll(async () => {
  plain = await testApp({ logger: log.logger });
  proxied = await testApp({
    config: { trustProxy: 1, staff: { publicUrl: 'https://delta.example.se' } },
  });
});
afterAll(async () => {
  await plain.close();
  await proxied.close();
});

describe('security headers', () => {
  it('should let pages ask for the position from this origin only, and for no camera, microphone or payment', async () => {
    const res = await plain.app.request('/api/insatser');
    const policy = res.headers.get('Permissions-Policy') ?? '';
    expect(policy).toContain('geolocation=(self)');
    for (const feature of ['camera', 'microphone', 'payment', 'usb', 'display-capture'])
      expect(policy).toContain(`${feature}=()`);
  });

  it('should refuse framing in X-Frame-Options as the CSP does, on errors too', async () => {
    for (const path of ['/api/insatser', '/api/nothing-here']) {
      const res = await plain.app.request(path);
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('should not send Strict-Transport-Security over plain HTTP', async () => {
    const res = await plain.app.request('http://localhost/api/insatser');
    expect(res.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('should send Strict-Transport-Security over HTTPS and behind an https PUBLIC_URL', async () => {
    const direct = await plain.app.request('https://delta.example.se/api/insatser');
    expect(direct.headers.get('Strict-Transport-Security')).toMatch(/^max-age=31536000/);
    const behind = await proxied.app.request('http://10.0.0.5/api/insatser');
    expect(behind.headers.get('Strict-Transport-Security')).toMatch(/^max-age=31536000/);
  });
});

describe('request ids', () => {
  it('should ignore a visitor-chosen X-Request-Id when no proxy is trusted', async () => {
    const res = await plain.app.request('/api/insatser', {
      headers: { 'X-Request-Id': 'forged-request-id-1' },
    });
    const id = res.headers.get('X-Request-Id') ?? '';
    expect(id).not.toBe('forged-request-id-1');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(log.lines())).not.toContain('forged-request-id-1');
  });

  it("should take a trusted proxy's X-Request-Id in the strict format", async () => {
    const res = await proxied.app.request('/api/insatser', { headers: { 'X-Request-Id': 'lb-7f3a9c01d2' } });
    expect(res.headers.get('X-Request-Id')).toBe('lb-7f3a9c01d2');
  });

  it("should replace a trusted proxy's X-Request-Id that is not in the strict format", async () => {
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(65), '-starts-with-dash']) {
      const res = await proxied.app.request('/api/insatser', { headers: { 'X-Request-Id': bad } });
      expect(res.headers.get('X-Request-Id')).not.toBe(bad);
    }
  });
});
