/**
 * POST /api/submissions: a batch of queued items from a device.
 */
import { Hono } from 'hono';
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
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/submissions',
  tag: 'submissions',
  routes: [
    {
      method: 'post',
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
      },
    },
  ],
};

/** The submissions resource. */
export function submissions(deps: ApiDeps) {
  return new Hono<AppEnv>().post('/', jsonBody(SubmissionBatch, MAX_BATCH_BYTES), async (c) => {
    const results = await ingestBatch(c.var.body.submissions, {
      store: deps.store,
      boundaries: deps.boundaries(),
    });
    return c.json({ results });
  });
}
