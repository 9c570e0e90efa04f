import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink } from './mail/testing.ts';
import { openSqliteStore } from './store/index.ts';
import { queryForTest } from './store/testing.ts';
import { commentItem, tempDir } from './test/index.ts';

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `node --import tsx api/server.ts` (signals reach the server, not a wrapper) with `env`; resolves with the process and its output so far. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: { ...process.env, PORT: '0', STATIC_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /Kraftsamla is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', check);
    void exited.then(() => reject(new Error(`server exited:\n${output}`)));
  });
  // Only tests that wait for the URL care that it never came.
  url.catch(() => {});
  return { child, url, exited, output: () => output };
}

describe('api/server.ts', () => {
  it('should start on the printed URL, keep what it acknowledged, and stop cleanly on SIGTERM', async () => {
    const { dir, remove } = tempDir();
    try {
      const dbPath = join(dir, 'k.db');
      const server = start({ DATABASE_URL: `sqlite:${dbPath}`, EXAMPLE_CONTENT: 'on' });
      const url = await server.url;
      const catalogue = (await (await fetch(`${url}/api/insatser`)).json()) as { insatser: unknown[] };
      expect(catalogue.insatser).toHaveLength(3);
      const item = commentItem();
      const res = await fetch(`${url}/api/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ submissions: [item] }),
      });
      expect(res.status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('Stopped.');
      expect(queryForTest(dbPath, 'SELECT id FROM submissions')).toEqual([{ id: item.id }]);
    } finally {
      remove();
    }
  });

  it('should exit 1 naming DATABASE_URL, without its password, when PostgreSQL cannot be reached', async () => {
    const server = start({ DATABASE_URL: 'postgres://k:hemligt@127.0.0.1:1/kraftsamla' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(
      /cannot reach PostgreSQL at DATABASE_URL=postgres:\/\/k:\*\*\*@127\.0\.0\.1:1/,
    );
    expect(server.output()).not.toContain('hemligt');
  });

  it('should exit 1 before listening on any bad setting, naming the variable in a JSON log line', async () => {
    // Every variable's rules are in api/config's tests; these show the process acts on them.
    const cases: [Record<string, string>, string][] = [
      [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
      [{ PORT: 'eighty' }, 'PORT'],
      [{ TRUST_PROXY: 'sometimes' }, 'TRUST_PROXY'],
      [{ RATE_LIMIT_PER_DEVICE: '10' }, 'RATE_LIMIT_PER_DEVICE'],
    ];
    const outcomes = await Promise.all(
      cases.map(async ([env]) => {
        const server = start(env);
        return { code: await server.exited, output: server.output() };
      }),
    );
    outcomes.forEach(({ code, output }, i) => {
      const name = cases[i]?.[1] as string;
      expect(code, name).toBe(1);
      const line = JSON.parse(output.trim().split('\n').at(-1) as string) as { level: string; msg: string };
      expect(line.level).toBe('fatal');
      expect(line.msg).toMatch(new RegExp(`^Kraftsamla cannot start: ${name} `));
      expect(output).not.toContain('is running at');
    });
  }, 30_000);

  it('should refuse a production start without PUBLIC_URL, unless told it is a local trial', async () => {
    const { dir, remove } = tempDir();
    try {
      const refused = start({ NODE_ENV: 'production', DATABASE_URL: `sqlite:${join(dir, 'a.db')}` });
      const trial = start({
        NODE_ENV: 'production',
        LOCAL_TRIAL: 'on',
        DATABASE_URL: `sqlite:${join(dir, 'b.db')}`,
      });
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toContain('Kraftsamla cannot start: PUBLIC_URL is not set');
      expect(refused.output()).not.toContain('is running at');
      await trial.url;
      trial.child.kill('SIGTERM');
      expect(await trial.exited).toBe(0);
    } finally {
      remove();
    }
  }, 60_000);

  it('should send queued e-mail through the configured SMTP server, apply retention, and still stop cleanly', async () => {
    const { dir, remove } = tempDir();
    const sink = await startSmtpSink();
    try {
      const dbPath = join(dir, 'k.db');
      // A message queued before the server starts: its sender's first round delivers it.
      const store = openSqliteStore(dbPath);
      await store.migrate();
      await store.enqueueMail({
        id: 'mail-1',
        key: 'answer:test',
        kind: 'answer',
        recipient: 'deltagare@example.org',
        subject: 'Svar på ditt inspel',
        text: 'Hej',
        html: null,
        createdAt: new Date().toISOString(),
      });
      await store.close();
      const server = start({
        DATABASE_URL: `sqlite:${dbPath}`,
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        SMTP_FROM: 'noreply@example.se',
      });
      await server.url;
      const [got] = await sink.waitFor(1, 15_000);
      expect(got?.subject).toBe('Svar på ditt inspel');
      const until = Date.now() + 10_000;
      while (!server.output().includes('Retention applied') && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(server.output()).toContain('Retention applied');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).not.toContain('deltagare@example.org');
      expect(queryForTest(dbPath, 'SELECT status FROM mail_outbox')).toEqual([{ status: 'sent' }]);
    } finally {
      await sink.close();
      remove();
    }
  }, 30_000);
});
