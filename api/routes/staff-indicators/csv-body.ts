/**
 * The request side of the CSV imports (indicator values, the crosswalk): a `text/csv` body of
 * at most MAX_IMPORT_BYTES, and `?mode=preview|commit`.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { MAX_IMPORT_BYTES } from '../../../common/wire/insights.ts';
import { problem } from '../../http/problem.ts';

const CSV_TYPE = /^text\/csv\s*(;|$)/i;

/** Middleware: 415 unless text/csv, 413 over MAX_IMPORT_BYTES; the bytes in `c.var.csv`. */
export const csvBody = createMiddleware<{ Variables: { csv: Uint8Array } }>(async (c, next) => {
  if (!CSV_TYPE.test(c.req.header('Content-Type') ?? '')) {
    return problem(c, 415, 'Send the file as text/csv (UTF-8).');
  }
  const limit = bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: (ctx) =>
      problem(ctx, 413, `The file is larger than ${MAX_IMPORT_BYTES} bytes; split it into smaller files.`),
  });
  return limit(c, async () => {
    c.set('csv', new Uint8Array(await c.req.arrayBuffer()));
    await next();
  });
});

/** `?mode=`: 'preview' or 'commit', or a 400 answer. */
export function importMode(c: Context): 'preview' | 'commit' | Response {
  const mode = c.req.query('mode');
  if (mode === 'preview' || mode === 'commit') return mode;
  return problem(c, 400, 'Say ?mode=preview (check, change nothing) or ?mode=commit (import).');
}
