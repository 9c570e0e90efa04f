/**
 * The bare-insert baselines the benchmark compares the app with: Hono, parse the batch,
 * insert each item as one JSON row, answer created/duplicate per item. No validation, no
 * tagging, no Kysely: the least any ingest endpoint on the same store must do.
 *
 *   tsx bench/bare.ts sqlite <port> <file>      same pragmas as the app (WAL, synchronous=FULL)
 *   tsx bench/bare.ts postgres <port> <url>     one INSERT … ON CONFLICT per request, a pool of 10
 */
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import pg from 'pg';
import { SQLITE_PRAGMAS } from '../api/store/index.ts';

type Insert = (items: { id: string }[]) => Promise<{ id: string; status: string }[]>;

function sqliteInsert(path: string): Insert {
  const db = new Database(path);
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  db.exec('CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO items (id, body) VALUES (?, ?) ON CONFLICT (id) DO NOTHING');
  const insertAll = db.transaction((items: { id: string }[]) =>
    items.map((item) => ({
      id: item.id,
      status: insert.run(item.id, JSON.stringify(item)).changes ? 'created' : 'duplicate',
    })),
  );
  return async (items) => insertAll(items);
}

async function postgresInsert(url: string): Promise<Insert> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  return async (items) => {
    // One statement for the whole batch: atomic without BEGIN/COMMIT round trips.
    const { rows } = await pool.query<{ id: string }>(
      'INSERT INTO items (id, body) SELECT * FROM unnest($1::text[], $2::text[]) ' +
        'ON CONFLICT (id) DO NOTHING RETURNING id',
      [items.map((i) => i.id), items.map((i) => JSON.stringify(i))],
    );
    const created = new Set(rows.map((r) => r.id));
    return items.map((i) => ({ id: i.id, status: created.has(i.id) ? 'created' : 'duplicate' }));
  };
}

async function main([kind, port, where]: string[]): Promise<void> {
  if (!where || (kind !== 'sqlite' && kind !== 'postgres'))
    throw new Error('usage: bare.ts sqlite|postgres <port> <db>');
  const insert = kind === 'sqlite' ? sqliteInsert(where) : await postgresInsert(where);
  const app = new Hono().post('/api/submissions', async (c) => {
    const { submissions } = await c.req.json<{ submissions?: { id: string }[] }>();
    if (!Array.isArray(submissions)) return c.json({ error: 'no submissions' }, 400);
    return c.json({ results: await insert(submissions) });
  });
  serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' });
}

await main(process.argv.slice(2));
