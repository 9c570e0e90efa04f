/**
 * Reading a JSON request body: content type, size, syntax and envelope, each with its
 * own status (415, 413, 400) and always a problem+json answer.
 */
import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { fieldErrors } from '../../common/wire/index.ts';
import { problem } from './problem.ts';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Middleware that accepts only `application/json` bodies of at most `maxBytes` matching
 * `schema`, and puts the parsed value in `c.var.body`.
 */
export function jsonBody<S extends v.GenericSchema>(schema: S, maxBytes: number) {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      problem(c, 413, `The body is larger than ${maxBytes} bytes; send fewer items per request.`),
  });
  return createMiddleware<{ Variables: { body: v.InferOutput<S> } }>(async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) {
      return problem(c, 415, 'Send the body as application/json.');
    }
    return limit(c, async () => {
      let json: unknown;
      try {
        json = JSON.parse(await c.req.text());
      } catch {
        c.res = problem(c, 400, 'The body is not valid JSON.');
        return;
      }
      const parsed = v.safeParse(schema, json);
      if (!parsed.success) {
        c.res = problem(c, 400, 'The body does not have the expected shape.', {
          errors: fieldErrors(parsed.issues),
        });
        return;
      }
      c.set('body', parsed.output);
      await next();
    });
  });
}
