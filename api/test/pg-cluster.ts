/**
 * Test support: a private PostgreSQL cluster in a temporary directory, on a free port, that a
 * test may stop, restart and kill as it likes. The machine's shared server (TEST_PG_URL) is
 * never restarted: other tests use it at the same time.
 *
 * Built from Debian's binaries (/usr/lib/postgresql/<major>/bin). PostgreSQL refuses to run as
 * root, so as root the cluster belongs to the `postgres` user and every command runs through
 * `runuser -u postgres`. Where that cannot work, {@link privateClusterUnavailable} says why, so
 * the test can skip with that reason.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

/** A running private cluster. */
export interface PgCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: every session is ended with 57P01 (admin_shutdown), as in a failover. */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
}

/** The bin directory of the newest installed PostgreSQL major version, if any. */
function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : undefined;
}

/** The owner a cluster needs here: `postgres` when running as root, else the current user. */
async function owner(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** Why no private cluster can be started on this machine, or undefined when one can. */
export async function privateClusterUnavailable(): Promise<string | undefined> {
  if (!binDir())
    return 'no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)';
  if (!(await owner())) return 'running as root, and there is no `postgres` user to own a private cluster';
  return undefined;
}

/** Starts a new private cluster (initdb, then start); about two seconds. */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = binDir();
  const user = await owner();
  if (!bin || !user) throw new Error(`no private PostgreSQL cluster: ${await privateClusterUnavailable()}`);
  const asRoot = process.getuid?.() === 0;
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);

  const dir = mkdtempSync(join(tmpdir(), 'kraftsamla-pg-'));
  chmodSync(dir, 0o700);
  if (asRoot) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // Only TCP on loopback, the socket in the private directory; no fsync (a test cluster).
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=60`;
  const ctl = (args: string[]) => pg('pg_ctl', ['-D', data, '-l', join(dir, 'log'), ...args]);
  const start = async () => {
    await ctl(['-o', options, '-w', '-t', '30', 'start']);
  };
  const stop = async () => {
    await ctl(['-m', 'fast', '-w', '-t', '30', 'stop']);
  };
  await start();
  let destroyed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await ctl(['-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
