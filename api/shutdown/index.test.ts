import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queryForTest } from '../store/testing.ts';
import { commentItem, tempDir } from '../test/index.ts';

const running: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const c of cleanups.splice(0)) c();
});

/** The real server process on a fresh SQLite file; resolves once it printed its URL. */
async function startServer() {
  const { dir, remove } = tempDir();
  cleanups.push(remove);
  const dbPath = join(dir, 'k.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      STATIC_DIR: '/nonexistent',
      DATABASE_URL: `sqlite:${dbPath}`,
      EXAMPLE_CONTENT: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  const waiters: { pattern: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  const onData = (d: Buffer) => {
    output += d;
    for (const w of [...waiters]) {
      const m = w.pattern.exec(output);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  /** Resolves when the output matches `pattern`; rejects if the process exits first. */
  const waitFor = (pattern: RegExp) =>
    Promise.race([
      new Promise<RegExpExecArray>((resolve) => {
        waiters.push({ pattern, resolve });
        onData(Buffer.alloc(0));
      }),
      exited.then((code) => {
        throw new Error(`server exited (${code}) before printing ${pattern}:\n${output}`);
      }),
    ]);
  const url = (await waitFor(/Kraftsamla is running at (http:\/\/localhost:\d+)/))[1] as string;
  return { child, url, dbPath, exited, waitFor, output: () => output };
}

/** A POST whose body is sent in two parts: the request is in flight until `finish()`. */
function slowPost(url: string, body: string) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  let finish = () => {};
  const response = new Promise<{ status: number; body: string; connection: string | undefined }>(
    (resolve, reject) => {
      const req = request(
        `${url}/api/submissions`,
        {
          method: 'POST',
          agent: false,
          headers: { 'Content-Type': 'application/json', 'Content-Length': bytes.length },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.write(bytes.subarray(0, half));
      finish = () => req.end(bytes.subarray(half));
    },
  );
  return { response, finish: () => finish() };
}

describe('graceful shutdown of api/server.ts', () => {
  it('should finish a request in flight on SIGTERM with a complete 200, refuse new connections, then exit 0', async () => {
    const server = await startServer();
    // A keep-alive connection left idle must not hold the shutdown up for its timeout.
    const keepAlive = new Agent({ keepAlive: true });
    cleanups.push(() => keepAlive.destroy());
    await new Promise<void>((resolve, reject) =>
      request(`${server.url}/healthz`, { agent: keepAlive }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end(),
    );

    // 100 items of 4,000 characters: a big batch, half of it sent before the signal.
    const items = Array.from({ length: 100 }, (_, i) =>
      commentItem({ id: crypto.randomUUID(), deviceId: 'shutdown-device', text: `${i} ${'ö'.repeat(4000)}` }),
    );
    const slow = slowPost(server.url, JSON.stringify({ submissions: items }));
    await new Promise((r) => setTimeout(r, 200));

    server.child.kill('SIGTERM');
    await server.waitFor(/SIGTERM: finishing requests in flight/);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    slow.finish();
    const answer = await slow.response;
    expect(answer.status).toBe(200);
    const { results } = JSON.parse(answer.body) as { results: { id: string; status: string }[] };
    expect(results.map((r) => r.status)).toEqual(items.map(() => 'created'));
    expect(results.map((r) => r.id)).toEqual(items.map((i) => i.id));

    const answered = Date.now();
    expect(await server.exited).toBe(0);
    // Well under the 5 s keep-alive timeout the idle connection would otherwise have held it.
    expect(Date.now() - answered).toBeLessThan(3_000);
    expect(server.output()).toContain('Stopped.');
    const stored = queryForTest<{ n: number }>(server.dbPath, 'SELECT count(*) AS n FROM submissions');
    expect(stored).toEqual([{ n: 100 }]);
  });

  it('should stop at once, exiting 1, on a second Ctrl-C while a request hangs', async () => {
    const server = await startServer();
    const slow = slowPost(server.url, JSON.stringify({ submissions: [commentItem()] }));
    slow.response.catch(() => {}); // cut off by the forced stop
    await new Promise((r) => setTimeout(r, 200));
    server.child.kill('SIGINT');
    await server.waitFor(/SIGINT: finishing requests in flight/);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('SIGINT again: stopping without waiting.');
  });
});
