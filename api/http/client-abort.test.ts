import { once } from 'node:events';
import { connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logging/index.ts';
import { createMetrics, type Metrics } from '../metrics/index.ts';
import { type TestApp, testApp } from '../test/index.ts';
import { freePort } from '../test/free-port.ts';

const log = memoryLogger();
let metrics: Metrics;
let t: TestApp;
let server: ServerType;
let port: number;
beforeAll(async () => {
  metrics = createMetrics();
  t = await testApp({ logger: log.logger, metrics });
  port = await freePort();
  server = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' });
  await once(server, 'listening');
});
afterAll(async () => {
  server.close();
  await t.close();
});

/** Sends `raw`, then hangs up as a phone losing its connection would. */
async function sendAndHangUp(raw: string): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.on('error', () => {});
  socket.write(raw);
  await new Promise((r) => setTimeout(r, 300));
  socket.destroy();
  await new Promise((r) => setTimeout(r, 500));
}

async function statuses(): Promise<string[]> {
  const text = await metrics.registry.metrics();
  return text
    .split('\n')
    .filter((line) => line.startsWith('kraftsamla_http_requests_total{'))
    .map((line) => /status="(\d+)"/.exec(line)?.[1] ?? '');
}

describe('requests the client gave up on', () => {
  it('should count a chunked body cut off mid-way as a 400, not a server error', async () => {
    await sendAndHangUp(
      'POST /api/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n5\r\n{"sub\r\n',
    );
    await sendAndHangUp(
      'POST /api/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"submi',
    );
    const seen = await statuses();
    expect(seen).toContain('400');
    expect(seen.filter((s) => s.startsWith('5'))).toEqual([]);
    const errors = log.lines().filter((line) => ['error', 'fatal'].includes(JSON.parse(line).level));
    expect(errors).toEqual([]);
  });
});
