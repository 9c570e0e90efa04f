/**
 * Entry point: `tsx api/server.ts`. Configuration, store, migrations, seed, tagging
 * index, HTTP server; and a graceful stop on SIGTERM/SIGINT.
 *
 * Everything it prints is a JSON log line on stdout (api/logging); the startup line's
 * message is the plain "Kraftsamla is running at http://localhost:PORT".
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { slowClientLimits } from './http/connections.ts';
import { storedAreaMap } from './routes/area-map/index.ts';
import { EXPIRY_INTERVAL_MS, expireStaffState } from './auth/expiry/index.ts';
import { type Config, ConfigError, linkOrigin, loadConfig } from './config/index.ts';
import { startDigestScheduler } from './domain/digest/index.ts';
import { startRetagRunner, watchActiveBoundaries } from './domain/retag/index.ts';
import { startRetentionJob } from './domain/retention/index.ts';
import { createLogger, type Logger, loggableError } from './logging/index.ts';
import { type MailSender, smtpTransport, startMailSender } from './mail/index.ts';
import type { Periodic } from './periodic/index.ts';
import { createMetrics } from './metrics/index.ts';
import { WINDOW_MS, windowStart } from './rate-limit/index.ts';
import { seed } from './seed/index.ts';
import { gracefulShutdown } from './shutdown/index.ts';
import { classifyStoreError } from './store/faults.ts';
import { openStore } from './store/index.ts';

/** In-flight requests get this long to finish on shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(log: { current: Logger }): Promise<void> {
  let config: Config;
  let links: string;
  try {
    config = loadConfig();
    links = linkOrigin(config);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    log.current.fatal(`Kraftsamla cannot start: ${err.message}`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  log.current = logger;

  const store = openStore(config.database);
  await store.migrate();
  await seed(store, { exampleContent: config.exampleContent });
  // The active set, following activations made on any instance; and this instance's share of
  // re-tagging after one (api/domain/retag).
  const boundaries = await watchActiveBoundaries(store, {
    onChange: (set) =>
      logger.info({ boundaryVersion: set.version }, 'Now tagging against a newly activated boundary set'),
    onError: (err) => logger.warn({ err }, 'Checking the active boundary set failed'),
  });
  // The map of the active set is computed once and stored; doing it now, in the background,
  // spares the first person who opens the map the wait (seconds on a busy machine).
  storedAreaMap(store, boundaries.current().version).catch((err: unknown) =>
    logger.warn({ err: loggableError(err) }, 'Preparing the area map failed; it is made on first request'),
  );
  const retag = startRetagRunner({
    store,
    sets: boundaries.sets,
    onError: (err) => logger.warn({ err }, 'Re-tagging failed; trying again shortly'),
    onProgress: (o) => {
      if (o.kind === 'job' && o.done) logger.info({ jobId: o.job.id }, 'Re-tag job finished');
    },
  });

  // Retention (api/domain/retention) on every instance: it runs once a day across them all.
  const retention = startRetentionJob({ store, logger });
  // E-mail: answers to participants and the staff digest, only with an SMTP server configured.
  let mail: { transport: ReturnType<typeof smtpTransport>; sender: MailSender; digest: Periodic } | undefined;
  if (config.mail === null) {
    logger.info('SMTP is not configured (SMTP_URL or SMTP_HOST): no e-mail is sent.');
  } else {
    const transport = smtpTransport(config.mail);
    const sender = startMailSender({ store, transport, logger });
    const digest = startDigestScheduler({
      store,
      publicUrl: links,
      logger,
      onQueued: () => sender.wake(),
    });
    mail = { transport, sender, digest };
  }

  const metrics = createMetrics({ processMetrics: true });
  const app = createApp({
    store,
    config: { ...config, linkOrigin: links },
    boundaries: boundaries.current,
    logger,
    metrics,
  });
  if (!existsSync(config.staticDir)) {
    logger.warn(`No built client in ${config.staticDir} (run \`npm run build\`); serving the API only.`);
  }
  if (config.metricsToken === undefined) logger.info('METRICS_TOKEN is not set: /metrics is off.');
  const server = serve({ fetch: app.fetch, port: config.port, serverOptions: slowClientLimits() }, (info) => {
    logger.info(`Kraftsamla is running at http://localhost:${info.port}`);
  });

  // Requests delete past rate-limit windows as they come; this covers quiet periods, so a
  // counter never outlives its window by more than a minute.
  const sweep = setInterval(() => {
    store
      .expireRateLimits(windowStart(Date.now()))
      .catch((err: unknown) => logger.warn({ err }, 'Deleting past rate-limit windows failed'));
  }, WINDOW_MS);
  sweep.unref();
  // Staff sessions past their limits, abandoned OIDC sign-ins and past sign-in windows.
  const staffSweep = setInterval(() => {
    expireStaffState(store, config.staff, Date.now()).catch((err: unknown) =>
      logger.warn({ err: loggableError(err) }, 'Deleting expired staff sessions and sign-in state failed'),
    );
  }, EXPIRY_INTERVAL_MS);
  staffSweep.unref();
  if (config.staff.publicUrl === undefined) {
    logger.info('PUBLIC_URL is not set: staff session cookies are not Secure (fine for local use only).');
  }

  const stop = gracefulShutdown({
    server,
    logger,
    graceMs: SHUTDOWN_GRACE_MS,
    onDrained: async () => {
      clearInterval(sweep);
      clearInterval(staffSweep);
      boundaries.stop();
      await retag.stop();
      await retention.stop();
      if (mail) {
        await mail.digest.stop();
        await mail.sender.stop();
        mail.transport.close();
      }
      await store.close();
    },
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/**
 * The exit code when the database's disk is full at start (EX_TEMPFAIL in sysexits.h):
 * nothing is wrong with this release or its configuration, so a supervisor may simply start it
 * again once space is freed. A database that cannot be reached at start stays exit 1: then it
 * is most often a wrong DATABASE_URL, which the message names.
 */
const EXIT_TEMPORARY_FAILURE = 75;

// Until the configuration is read, problems are logged at the default level.
const log = { current: createLogger() };
main(log).catch((err: unknown) => {
  // Start-up errors come from configuration, files and the database, not from participants'
  // input, so they are logged whole.
  const fault = classifyStoreError(err);
  if (fault?.kind === 'disk-full') {
    log.current.fatal(
      { err, code: fault.code },
      `Kraftsamla cannot start: the disk holding the database is full (${fault.code}). Free space there and start again.`,
    );
    process.exit(EXIT_TEMPORARY_FAILURE);
  }
  log.current.fatal({ err }, 'Kraftsamla failed to start');
  process.exit(1);
});
