/**
 * Entry point: `tsx api/server.ts`. Configuration, store, migrations, seed, tagging
 * index, HTTP server; and a graceful stop on SIGTERM/SIGINT.
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config/index.ts';
import { buildBoundarySet } from './domain/tagging/index.ts';
import { seed } from './seed/index.ts';
import { openStore } from './store/index.ts';

/** In-flight requests get this long to finish on shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`Kraftsamla cannot start: ${err.message}`);
    process.exit(1);
  }

  const store = openStore(config.database);
  await store.migrate();
  await seed(store, { exampleContent: config.exampleContent });
  const active = await store.activeBoundarySet();
  if (!active) throw new Error('no active boundary set after seeding');
  const boundaries = buildBoundarySet(active.version, JSON.parse(active.geojson));

  const app = createApp({ store, config, boundaries });
  if (!existsSync(config.staticDir)) {
    console.warn(`No built client in ${config.staticDir} (run \`npm run build\`); serving the API only.`);
  }
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(`Kraftsamla is running at http://localhost:${info.port}`);
  });

  let stopping: string | undefined;
  const stop = (signal: string) => {
    if (stopping !== undefined) {
      // A second Ctrl-C means "now"; another signal (a supervisor joining in) changes nothing.
      if (signal !== stopping) return;
      console.error(`${signal} again: stopping without waiting.`);
      process.exit(1);
    }
    stopping = signal;
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    const force = setTimeout(() => {
      console.error('Requests still in flight after the grace period; stopping anyway.');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // close() stops accepting and waits for open requests; idle keep-alive sockets are
    // closed now so they do not hold the process open.
    server.close(async () => {
      await store.close().catch((err: unknown) => console.error('Closing the database failed:', err));
      clearTimeout(force);
      console.log('Stopped.');
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('Kraftsamla failed to start:', err);
  process.exit(1);
});
