/**
 * Prometheus metrics (prom-client): HTTP traffic, submission outcomes, batch sizes and
 * rate-limit refusals. Each app has its own registry, so several apps in one test process
 * never collide over metric names, and labels are bounded (route patterns, never URLs).
 */
import type { MiddlewareHandler } from 'hono';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { MAX_BATCH_ITEMS, SUBMISSION_STATUSES, type SubmissionResult } from '../../common/wire/index.ts';
import { methodLabel, routeLabel } from '../http/route-label.ts';
import type { AppEnv } from '../http/types.ts';

/** The metrics of one app. */
export interface Metrics {
  registry: Registry;
  /** `kraftsamla_http_requests_total{method, route, status}` */
  httpRequests: Counter<'method' | 'route' | 'status'>;
  /** `kraftsamla_http_request_duration_seconds{method, route}` */
  httpDuration: Histogram<'method' | 'route'>;
  /** `kraftsamla_submissions_total{outcome}`: created, duplicate, conflict, rejected. */
  submissions: Counter<'outcome'>;
  /** `kraftsamla_submission_batch_size`: items per accepted `POST /api/submissions`. */
  batchSize: Histogram;
  /** `kraftsamla_rate_limited_total{scope, limit}`: requests answered 429. */
  rateLimited: Counter<'scope' | 'limit'>;
}

/**
 * Creates the metrics in a fresh registry. `processMetrics` adds prom-client's default
 * process and Node.js metrics (memory, CPU, event-loop lag): on for the server, off in tests.
 */
export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({
      name: 'kraftsamla_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'kraftsamla_http_request_duration_seconds',
      help: 'Time from request to response, by method and route pattern',
      labelNames: ['method', 'route'] as const,
      // Reads take about a millisecond; a synchronous-commit batch of 100 tens of milliseconds.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    submissions: new Counter({
      name: 'kraftsamla_submissions_total',
      help: 'Submission items by outcome: created, duplicate (a retry), conflict, rejected (invalid)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    batchSize: new Histogram({
      name: 'kraftsamla_submission_batch_size',
      help: 'Items per POST /api/submissions that passed the envelope checks',
      buckets: [1, 2, 5, 10, 20, 50, MAX_BATCH_ITEMS],
      registers,
    }),
    rateLimited: new Counter({
      name: 'kraftsamla_rate_limited_total',
      help: 'Requests answered 429, by scope (submissions, receipts) and the limit hit (device, address)',
      labelNames: ['scope', 'limit'] as const,
      registers,
    }),
  };
  // Every outcome from zero, so a dashboard's rate() has a series before the first conflict.
  for (const outcome of SUBMISSION_STATUSES) metrics.submissions.inc({ outcome }, 0);
  return metrics;
}

/** Middleware counting and timing every request, labelled by route pattern. */
export function httpMetrics(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const stop = metrics.httpDuration.startTimer();
    await next();
    const method = methodLabel(c);
    const route = routeLabel(c);
    stop({ method, route });
    metrics.httpRequests.inc({ method, route, status: String(c.res.status) });
  };
}

/** Records one ingested batch: its size and each item's outcome. */
export function recordBatch(metrics: Metrics, results: readonly SubmissionResult[]): void {
  metrics.batchSize.observe(results.length);
  for (const result of results) metrics.submissions.inc({ outcome: result.status });
}
