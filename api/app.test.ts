import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from './logging/index.ts';
import { commentItem, type TestApp, tempDir, testApp } from './test/index.ts';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
  "frame-ancestors 'none'";

let t: TestApp;
let client: ReturnType<typeof tempDir>;
beforeAll(async () => {
  client = tempDir();
  const dist = client.dir;
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Kraftsamla</title><script type="module" src="/assets/app-abc123.js"></script>',
  );
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'robots.txt'), 'User-agent: *\nAllow: /\n');
  t = await testApp({ staticDir: dist });
});
afterAll(async () => {
  await t.close();
  client.remove();
});

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

describe('the built client', () => {
  it('should serve the app shell at / without caching it', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>Tyck till</title>');
  });

  it('should serve a deep link such as /insats/abc with the app shell, so reloads work', async () => {
    const res = await get('/insats/exempel-ung-i-sommar');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Tyck till</title>');
  });

  it('should cache hashed assets for a year, immutable, and gzip them', async () => {
    const res = await get('/assets/app-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('should never let a browser keep a stale service worker', async () => {
    const res = await get('/sw.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Content-Type')).toMatch(/javascript/);
  });

  it('should serve the real robots.txt, not the app shell', async () => {
    const res = await get('/robots.txt');
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain/);
    expect(await res.text()).toContain('User-agent');
  });

  it.each([['/assets/gone-123.js'], ['/icon-512.png']])(
    'should answer 404, not HTML, for the missing file %s',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    },
  );

  it('should not serve files outside the client directory', async () => {
    for (const path of ['/..%2f..%2fetc/passwd', '/../../etc/passwd', '/assets/..%2f..%2f..%2fetc/passwd']) {
      expect(await (await get(path)).text()).not.toContain('root:');
    }
  });
});

describe('every response', () => {
  const paths = [
    '/',
    '/insats/x',
    '/assets/app-abc123.js',
    '/api/areas',
    '/api/insatser',
    '/api/nothing',
    '/healthz',
  ];

  it.each(paths)('should carry the strict CSP and set no cookie: %s', async (path) => {
    const res = await get(path);
    expect(res.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(res.headers.get('Set-Cookie')).toBeNull();
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('should set no cookie when submitting either', async () => {
    const res = await t.post('/api/submissions', { submissions: [commentItem()] });
    expect(res.status).toBe(200);
    expect(res.headers.get('Set-Cookie')).toBeNull();
  });

  it('should mark every answer as its own, errors and failures included (the app lets only the API refuse an item)', async () => {
    const broken = await testApp();
    await broken.store.close();
    try {
      const answers = [
        await t.post('/api/submissions', { submissions: [commentItem()] }),
        await t.post('/api/submissions', { submissions: 'not a list' }),
        await get('/api/nothing'),
        await get('/api/submissions'),
        await broken.post('/api/submissions', { submissions: [commentItem()] }),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 400, 404, 405, 500]);
      for (const res of answers) expect(res.headers.get('Kraftsamla-Api')).toBe('1');
    } finally {
      await broken.close().catch(() => {});
    }
  });

  it('should carry a request id, errors included, for support', async () => {
    for (const res of [await get('/api/areas'), await get('/api/nothing')]) {
      expect(res.headers.get('X-Request-Id')).toMatch(/^[\w-]{8,}$/);
    }
  });
});

describe('errors', () => {
  it('should answer an unknown API path with 404 problem+json, never the app shell', async () => {
    const res = await get('/api/nothing/here');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('should answer a wrong method with 405 problem+json and the allowed methods', async () => {
    const res = await get('/api/submissions');
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('POST');
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const del = await t.app.request('/api/areas', { method: 'DELETE' });
    expect(del.status).toBe(405);
  });

  it('should answer a POST to an unknown API path with 404, not 405', async () => {
    const res = await t.app.request('/api/nothing', { method: 'POST' });
    expect(res.status).toBe(404);
  });
});

describe('without a built client', () => {
  it('should still serve the API and answer other paths with 404', async () => {
    const bare = await testApp();
    try {
      expect((await bare.app.request('/api/areas')).status).toBe(200);
      expect((await bare.app.request('/')).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('a failure on the server', () => {
  it('should answer 500 problem+json that reveals neither the cause nor the input', async () => {
    const { logger, lines } = memoryLogger();
    const broken = await testApp({ logger });
    await broken.store.close(); // the database goes away under the app
    try {
      const item = commentItem({ text: 'Min hemliga text' });
      const res = await broken.post('/api/submissions', { submissions: [item] });
      expect(res.status).toBe(500);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      const body = await res.text();
      expect(JSON.parse(body)).toMatchObject({ status: 500, title: 'Internal Server Error' });
      expect(body).not.toMatch(/hemliga|at |destroyed|kysely|sqlite|\.ts/i);
      // The operator gets the cause, with the request id of the answer, and not the input.
      const failed = lines()
        .map((l) => JSON.parse(l) as { msg: string; level: string; reqId: string; err?: { stack: string } })
        .filter((l) => l.msg === 'request failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ level: 'error', reqId: res.headers.get('X-Request-Id') });
      expect(failed[0]?.err?.stack).toMatch(/\.ts/);
      expect(lines().join('\n')).not.toContain('hemliga');
    } finally {
      await broken.close();
    }
  });
});
