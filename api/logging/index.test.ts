import { afterEach, describe, expect, it } from 'vitest';
import { commentItem, type TestApp, testApp } from '../test/index.ts';
import { blankQuoted, loggableError, memoryLogger } from './index.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

type Line = Record<string, unknown>;
const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Line);

describe('request lines', () => {
  it('should write one JSON line per request: method, route pattern, status, duration and request id only', async () => {
    const { logger, lines } = memoryLogger();
    t = await testApp({ logger });
    const res = await t.app.request('/api/insatser/exempel-tryggare-malmo?utm_source=kalle%40example.se');
    expect(res.status).toBe(200);
    const [line, ...rest] = parse(lines());
    expect(rest).toEqual([]);
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      pid: process.pid,
      hostname: expect.any(String),
      reqId: res.headers.get('X-Request-Id'),
      method: 'GET',
      route: '/api/insatser/:id',
      status: 200,
      ms: expect.any(Number),
      msg: 'request',
    });
  });

  it('should label paths no route has as `*` and invented methods as OTHER, so labels stay few', async () => {
    const { logger, lines } = memoryLogger();
    t = await testApp({ logger });
    await t.app.request('/api/no/such/thing/19900101-1234');
    await t.app.request('/api/areas', { method: 'PROPFIND' });
    expect(parse(lines()).map((l) => [l.method, l.route, l.status])).toEqual([
      ['GET', '*', 404],
      ['OTHER', '*', 405],
    ]);
  });

  it('should log nothing personal during a submission: no text, contact, device id, receipt, address or query', async () => {
    const { logger, lines } = memoryLogger('trace');
    t = await testApp({ logger, config: { rateLimit: { perDevice: 120, perAddress: 600 }, trustProxy: 1 } });
    const secrets = {
      personnummer: '20080412-1234',
      email: 'kalle.karlsson@example.se',
      phone: '+46701234567',
      deviceId: 'device-secret-7f3a9c',
      socket: '198.51.100.77',
      forwarded: '203.0.113.45',
      organisation: 'Föreningen Hemlig',
    };
    const item = commentItem({
      deviceId: secrets.deviceId,
      text: `Jag heter Kalle, personnummer ${secrets.personnummer}, mejla ${secrets.email}`,
      respondent: { group: 'resident', ageBand: '30plus', organisation: secrets.organisation },
      contact: { email: secrets.email, phone: secrets.phone, consentVersion: 'v1' },
    });
    const invalid = { ...item, id: 'not-a-uuid', text: `${secrets.personnummer} ${'x'.repeat(6000)}` };
    const env = { incoming: { socket: { remoteAddress: secrets.socket } } };
    const post = (path: string, body: unknown) =>
      t?.app.request(
        `${path}?email=${encodeURIComponent(secrets.email)}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': secrets.forwarded },
          body: JSON.stringify(body),
        },
        env,
      ) as Promise<Response>;

    const res = await post('/api/submissions', { submissions: [item, invalid] });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { status: string; receipt: string }[] };
    expect(results.map((r) => r.status)).toEqual(['created', 'rejected']);
    const receipt = results[0]?.receipt as string;
    await post('/api/submissions', { submissions: [{ ...item, text: 'changed' }] }); // conflict
    expect((await post('/api/receipts', { receipts: [receipt] })).status).toBe(200);
    await post('/api/submissions', `{"broken": ${secrets.personnummer}`); // 400

    const written = lines().join('\n');
    expect(lines().length).toBeGreaterThanOrEqual(4);
    for (const secret of [...Object.values(secrets), receipt, item.id, 'Kalle', 'not-a-uuid', '?email']) {
      expect(written).not.toContain(secret);
    }
  });
});

describe('loggableError', () => {
  it('should keep the type, where it happened and the text around values, and blank the quoted values', () => {
    const err = new Error('invalid input syntax for type integer: "kalle@example.se"');
    const logged = loggableError(err);
    expect(logged.type).toBe('Error');
    expect(logged.message).toBe('invalid input syntax for type integer: "…"');
    expect(logged.stack).toContain('index.test.ts');
    expect(logged.stack).not.toContain('kalle');
    expect(loggableError('a string')).toEqual({ type: 'string', message: '(not an Error)' });
  });

  it('should blank each kind of quote on its own line', () => {
    expect(blankQuoted(`a "b" c 'd' e \`f\`\n"g`)).toBe('a "…" c \'…\' e `…`\n"g');
  });
});
