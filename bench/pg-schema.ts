/**
 * A PostgreSQL schema of a benchmark's own on the shared server: created, handed over (its URL,
 * with `search_path` set, and a connected client for direct queries), then dropped whatever happens.
 */
import pg from 'pg';

/** Runs `measure` in a fresh schema `kraftsamla_bench_<name>_<pid>` of `server`, then drops it. */
export async function inPgSchema<T>(
  server: string,
  name: string,
  measure: (url: string, reader: pg.Client) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const schema = `kraftsamla_bench_${name}_${process.pid}`;
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(server);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const reader = new pg.Client({ connectionString: url.toString() });
    await reader.connect();
    try {
      return await measure(url.toString(), reader);
    } finally {
      await reader.end();
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
