import { once } from 'node:events';
import http from 'node:http';
import { connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_BYTES } from '../../common/wire/index.ts';
import { commentItem, type TestApp, testApp } from '../test/index.ts';
import { freePort } from '../test/free-port.ts';
import { slowClientLimits } from './connections.ts';

let t: TestApp;
let server: ServerType;
let port: number;
beforeAll(async () => {
  t = await testApp();
  port = await freePort();
  server = serve({
    fetch: t.app.fetch,
    port,
    hostname: '127.0.0.1',
    serverOptions: slowClientLimits({ headersMs: 1_000, requestMs: 2_000 }),
  });
  await once(server, 'listening');
});
afterAll(async () => {
  server.close();
  await t.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(agent: http.Agent, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/submissions',
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('connections', () => {
  it("should answer a keep-alive client's next request after refusing a body as too large", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const tooLarge = await request(
        agent,
        JSON.stringify({ submissions: ['x'.repeat(MAX_BATCH_BYTES + 10)] }),
      );
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.connection).toBe('close');
      const next = await request(agent, JSON.stringify({ submissions: [commentItem()] }));
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body).results[0].status).toBe('created');
    } finally {
      agent.destroy();
    }
  });

  it('should close a connection whose request trickles in slower than the limit', async () => {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const started = Date.now();
    socket.write('POST /api/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n');
    // One header line a while, never the blank line that ends them.
    const trickle = setInterval(() => socket.write('X-Slow: 1\r\n'), 200);
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('error', () => {});
    await once(socket, 'close');
    clearInterval(trickle);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('should close a connection whose body trickles in past the request limit', async () => {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const started = Date.now();
    socket.write(
      'POST /api/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n',
    );
    const trickle = setInterval(() => socket.write(' '), 200);
    socket.on('error', () => {});
    socket.resume();
    await once(socket, 'close');
    clearInterval(trickle);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
