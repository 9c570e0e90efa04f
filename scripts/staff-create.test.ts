/**
 * `npm run staff:create`: the first admin of a deployment, with the password from stdin,
 * never from an argument and never printed.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseUrl } from '../api/test/server.ts';
import { signIn, STORE_KINDS, type TestApp, testApp } from '../api/test/index.ts';
import { staffCreate } from './staff-create.ts';

const PASSWORD = 'grön-spårvagn-över-möllan-7';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Runs the npm script as an operator would, with `stdin` piped in. */
function npmRun(args: string[], env: Record<string, string>, stdin: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'staff:create', '--', ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm run staff:create (the real command)', () => {
  it('should create an admin from a password piped on stdin, who can then sign in, printing no password', async () => {
    t = await testApp({ exampleContent: false });
    const run = await npmRun(
      ['--email', 'Forsta.Admin@Malmo.se', '--role', 'admin', '--name', 'Första Admin'],
      { DATABASE_URL: databaseUrl(t.target) },
      `${PASSWORD}\nthe second line is ignored\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Created forsta\.admin@malmo\.se as admin/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(PASSWORD);
    const signed = await signIn(t.app, 'forsta.admin@malmo.se', PASSWORD);
    expect(signed.me).toMatchObject({ role: 'admin', name: 'Första Admin' });
    const [row] = await t.store.listAudit({ action: 'user.create', limit: 1 });
    expect(row).toMatchObject({ actorId: null, actorLabel: 'cli', targetId: signed.me.id });
    expect(JSON.stringify(row)).not.toMatch(/scrypt|grön-spårvagn/);
  }, 60_000);

  it('should refuse a password given as an argument, creating nothing', async () => {
    t = await testApp({ exampleContent: false });
    const run = await npmRun(
      ['--email', 'a@malmo.se', '--role', 'admin', '--password', PASSWORD],
      { DATABASE_URL: databaseUrl(t.target) },
      '',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Never give the password as an argument/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(PASSWORD);
    expect(await t.store.findStaffUserByEmail('a@malmo.se')).toBeUndefined();
  }, 60_000);
});

/** Runs the command in-process against `ctx`'s database, with `password` as what stdin gives. */
async function run(ctx: TestApp, password: string | Error, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await staffCreate(argv, {
    env: { DATABASE_URL: databaseUrl(ctx.target) },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    password: async () => {
      if (password instanceof Error) throw password;
      return password;
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each(STORE_KINDS)('staffCreate on %s', (kind) => {
  it('should refuse an e-mail in use, a bad role, a bad address and a weak password, each clearly', async () => {
    t = await testApp({ kind, exampleContent: false });
    expect((await run(t, PASSWORD, '--email', 'anna@malmo.se', '--role', 'moderator')).code).toBe(0);

    const taken = await run(t, PASSWORD, '--email', 'ANNA@malmo.se', '--role', 'admin');
    expect(taken).toMatchObject({ code: 1, err: expect.stringMatching(/already/) });
    const role = await run(t, PASSWORD, '--email', 'bo@malmo.se', '--role', 'superuser');
    expect(role).toMatchObject({
      code: 2,
      err: '--role must be admin, moderator, analyst; got "superuser".',
    });
    const email = await run(t, PASSWORD, '--email', 'bo-at-malmo', '--role', 'admin');
    expect(email).toMatchObject({ code: 2, err: expect.stringMatching(/^--email: .*not an e-mail address/) });
    const weak = await run(t, 'password1234', '--email', 'bo@malmo.se', '--role', 'admin');
    expect(weak).toMatchObject({ code: 1, err: expect.stringMatching(/^The password is refused: .*common/) });
    const differ = await run(
      t,
      new Error('The two passwords differ; nothing was created.'),
      '--email',
      'bo@malmo.se',
      '--role',
      'admin',
    );
    expect(differ).toMatchObject({ code: 1, err: 'The two passwords differ; nothing was created.' });
    const usage = await run(t, PASSWORD, '--email', 'bo@malmo.se');
    expect(usage).toMatchObject({ code: 2, err: expect.stringMatching(/^usage: npm run staff:create/) });
    for (const flag of ['--password=x', '-p', '--pw']) {
      expect((await run(t, PASSWORD, '--email', 'bo@malmo.se', '--role', 'admin', flag)).code, flag).toBe(2);
    }
    expect(await t.store.findStaffUserByEmail('bo@malmo.se')).toBeUndefined();
    expect((await t.store.findStaffUserByEmail('anna@malmo.se'))?.role).toBe('moderator');
  });

  it('should invite without a password with --invite, asking for none', async () => {
    t = await testApp({ kind, exampleContent: false });
    const result = await run(
      t,
      new Error('must not be asked'),
      '--email',
      'cecilia@malmo.se',
      '--role',
      'admin',
      '--invite',
    );
    expect(result).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Invited cecilia@malmo\.se as admin/),
    });
    expect(await t.store.findStaffUserByEmail('cecilia@malmo.se')).toMatchObject({
      role: 'admin',
      passwordHash: null,
    });
  });
});
