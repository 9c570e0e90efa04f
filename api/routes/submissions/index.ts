/**
 * POST /api/submissions: a batch of queued items from a device.
 */
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import {
  MAX_BATCH_BYTES,
  MAX_BATCH_ITEMS,
  SubmissionBatch,
  SubmissionItem,
  SubmissionResponse,
} from '../../../common/wire/index.ts';
import { ingestBatch } from '../../domain/ingest/index.ts';
import { jsonBody } from '../../http/json-body.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import { recordBatch } from '../../metrics/index.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/submissions',
  tag: 'submissions',
  routes: [
    {
      method: 'post',
      access: 'public',
      path: '/',
      summary: 'Send a batch of submissions',
      description:
        `1–${MAX_BATCH_ITEMS} items, at most ${MAX_BATCH_BYTES} bytes. Idempotent on each item's id: ` +
        'the same id with the same content (keys in any order) is `duplicate` with the first receipt; ' +
        'with other content `conflict`. Invalid items are `rejected` with field errors; the valid ones ' +
        'are stored in one transaction, and the answer is sent only after it is on disk.',
      body: v.object({ submissions: v.array(SubmissionItem) }),
      responses: {
        200: { description: 'One result per item, in order', schema: SubmissionResponse },
        400: { description: 'Malformed JSON, or not 1–100 items', problem: true },
        413: { description: 'Body over 1 MB', problem: true },
        415: { description: 'Not application/json', problem: true },
        429: {
          description:
            'Too many items this minute from this device id or client address; nothing was stored. ' +
            'Retry-After says when to send again.',
          problem: true,
        },
        503: {
          description:
            'The database cannot be reached or its disk is full; nothing in this request was acknowledged. ' +
            'Send the same batch again after Retry-After seconds.',
          problem: true,
        },
      },
    },
  ],
};

/** The submissions resource. */
export function submissions(deps: ApiDeps) {
  return new Hono<AppEnv>().post(
    '/',
    jsonBody(SubmissionBatch, MAX_BATCH_BYTES),
    deps.limiter.limit((c: Context<{ Variables: { body: v.InferOutput<typeof SubmissionBatch> } }>) => ({
      scope: 'submissions',
      amount: c.var.body.submissions.length,
      devices: deviceCounts(c.var.body.submissions),
    })),
    async (c) => {
      const results = await ingestBatch(c.var.body.submissions, {
        store: deps.store,
        boundaries: deps.boundaries(),
        // The app's clock: received_at is what queue snapshots (asOf) and retention compare with.
        now: () => new Date(deps.now()),
      });
      recordBatch(deps.metrics, results);
      return c.json({ results });
    },
  );
}

/**
 * Items per device id in a batch. Items are not validated yet (that happens per item), so
 * any string deviceId counts; an item without one is counted only against the address.
 */
export function deviceCounts(items: readonly unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item === null || typeof item !== 'object' || !('deviceId' in item)) continue;
    const device = item.deviceId;
    if (typeof device === 'string') counts.set(device, (counts.get(device) ?? 0) + 1);
  }
  return counts;
}
