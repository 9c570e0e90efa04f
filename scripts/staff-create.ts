/**
 * Creates a staff account in the database DATABASE_URL names, as the server reads it: the
 * first admin of a new deployment, or an account when no admin can sign in.
 *
 *   npm run staff:create -- --email anna@malmo.se --role admin [--name "Anna Svensson"]
 *   npm run staff:create -- --email anna@malmo.se --role admin --invite
 *
 * The password is read from stdin when it is piped (the first line), or asked for twice
 * without echo on a terminal. Never from an argument: arguments stay in shell history and
 * are visible to every user of the machine in the process list. It is checked against the
 * same policy as in the staff screens and never printed. With --invite there is no password:
 * the first sign-in through the identity provider with this e-mail gets the role.
 * The account is created with its audit row (actor `cli`).
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { Email, ROLES, type Role } from '../common/wire/staff.ts';
import { hashPassword, passwordProblem } from '../api/auth/passwords/index.ts';
import { ConfigError, loadConfig } from '../api/config/index.ts';
import { openStore, type StaffUserRecord } from '../api/store/index.ts';

const USAGE =
  'usage: npm run staff:create -- --email <address> --role admin|moderator|analyst [--name "Name"] [--invite]\n' +
  '       (the password is asked for, or read from stdin: echo … | npm run staff:create -- …)';

/** Where the command reads and writes; the real one uses the process's streams. */
export interface Io {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
  /** The password: the first line of piped stdin, or asked for on the terminal (twice). */
  password(): Promise<string>;
}

/** Runs the command; resolves with the exit code (0 created, 1 refused or failed, 2 usage). */
export async function staffCreate(argv: readonly string[], io: Io): Promise<number> {
  if (argv.some((a) => /^--?(password|pass|pw|p)(=|$)/i.test(a))) {
    io.err(
      'Never give the password as an argument: it would stay in your shell history and in the process list. ' +
        'Leave it out and type it when asked, or pipe it on stdin.',
    );
    return 2;
  }
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { email: rawEmail, role: rawRole, name = '', invite } = args.values;
  if (rawEmail === undefined || rawRole === undefined || args.positionals.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const email = v.safeParse(Email, rawEmail);
  if (!email.success) {
    io.err(`--email: "${rawEmail}" ${email.issues[0].message}.`);
    return 2;
  }
  const role = ROLES.find((r) => r === rawRole.trim().toLowerCase());
  if (role === undefined) {
    io.err(`--role must be ${ROLES.join(', ')}; got "${rawRole}".`);
    return 2;
  }

  let database: ReturnType<typeof loadConfig>['database'];
  try {
    database = loadConfig(io.env).database;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(err.message);
    return 1;
  }

  let passwordHash: string | null = null;
  if (!invite) {
    let password: string;
    try {
      password = await io.password();
    } catch (err) {
      io.err((err as Error).message);
      return 1;
    }
    const refused = passwordProblem(password, email.output);
    if (refused) {
      io.err(`The password is refused: ${refused}`);
      return 1;
    }
    passwordHash = await hashPassword(password);
  }

  const store = openStore(database);
  try {
    await store.migrate();
    return await create(store, { email: email.output, role, name: name.trim(), passwordHash }, io);
  } catch (err) {
    io.err(`Creating the account failed: ${(err as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}

async function create(
  store: ReturnType<typeof openStore>,
  account: { email: string; role: Role; name: string; passwordHash: string | null },
  io: Io,
): Promise<number> {
  const at = new Date().toISOString();
  const user: StaffUserRecord = {
    id: randomUUID(),
    ...account,
    active: true,
    oidcSubject: null,
    createdAt: at,
    updatedAt: at,
    lastLoginAt: null,
    namnder: [],
    inputWithoutInsats: false,
  };
  const outcome = await store.createStaffUser(user, {
    id: randomUUID(),
    at,
    actorId: null,
    actorLabel: 'cli',
    action: 'user.create',
    targetType: 'staff_user',
    targetId: user.id,
    before: null,
    after: { email: user.email, name: user.name, role: user.role, hasPassword: user.passwordHash !== null },
    requestId: null,
  });
  if (outcome === 'email-taken') {
    io.err(
      `There is an account with the e-mail ${user.email} already; an admin can change it in the staff screens.`,
    );
    return 1;
  }
  io.out(
    account.passwordHash === null
      ? `Invited ${user.email} as ${user.role}: their first sign-in through the identity provider gets the role.`
      : `Created ${user.email} as ${user.role}. They can sign in with the password now.`,
  );
  return 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      invite: { type: 'boolean', default: false },
    },
  });
}

/** The first line of piped stdin (at most 4 KiB are read). */
async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += (chunk as Buffer).toString('utf8');
    if (text.includes('\n') || text.length > 4096) break;
  }
  process.stdin.destroy();
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new Error('No password on stdin: pipe it as the first line, or run in a terminal.');
  return line;
}

/** Reads one line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const done = (fn: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      fn();
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
        if (ch === '\u0003' || ch === '\u0004') return done(() => reject(new Error('Cancelled.')));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The password as the real command gets it. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await askHidden('Password (not shown): ');
  const second = await askHidden('The same password again: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was created.');
  return first;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: Io = {
    env: process.env,
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    password: readPassword,
  };
  staffCreate(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (err: unknown) => {
      // Never the error object whole: nothing here may echo what was typed.
      console.error(`staff:create failed: ${(err as Error).message ?? String(err)}`);
      process.exit(1);
    },
  );
}
