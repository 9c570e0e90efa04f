/**
 * POST /api/receipts: what happened to input, asked with the receipts a device kept.
 * Answers with statuses, reasons and official answers, and, only where staff redacted something,
 * that item's own redacted fields (so the device shows the placeholder, not the original). No
 * ids, no contact details, nothing of any other item: a found receipt leaks no more than the
 * item's own text as the public would see it.
 */
import { Hono } from 'hono';
import { ReceiptQuery, ReceiptResponse } from '../../../common/wire/index.ts';
import { jsonBody } from '../../http/json-body.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** 100 receipts of 22 characters fit many times over. */
const MAX_RECEIPT_QUERY_BYTES = 64 * 1024;

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/receipts',
  tag: 'receipts',
  routes: [
    {
      method: 'post',
      access: 'public',
      path: '/',
      summary: 'Look up the status of submissions by receipt',
      description:
        'Each receipt: `received`, `published`, `not_published` (with the reason) or `unknown`, and the ' +
        'official answer when there is one. When staff redacted parts of the item, `redacted` holds those ' +
        'fields as stored now (personal details replaced by a placeholder): the device replaces its copy.',
      body: ReceiptQuery,
      responses: {
        200: { description: 'One status per receipt, in order', schema: ReceiptResponse },
        400: { description: 'Malformed JSON or receipts', problem: true },
        413: { description: 'Body too large', problem: true },
        415: { description: 'Not application/json', problem: true },
        429: { description: 'Too many look-ups this minute from this client address', problem: true },
      },
    },
  ],
};

/** The receipts resource. */
export function receipts(deps: ApiDeps) {
  return new Hono<AppEnv>().post(
    '/',
    jsonBody(ReceiptQuery, MAX_RECEIPT_QUERY_BYTES),
    // Counted per request, not per receipt: a phone asks about all it holds at once.
    deps.limiter.limit(() => ({ scope: 'receipts', amount: 1 })),
    async (c) => c.json({ receipts: await deps.store.receiptStatuses(c.var.body.receipts) }),
  );
}
