/**
 * RFC 9457 problem details: the one shape of every API error.
 */
import type { Context } from 'hono';
import type { FieldError, Problem } from '../../common/wire/index.ts';

/** Set on every answer of the API (client/sync/answer.ts reads it). */
export const API_HEADER = 'Kraftsamla-Api';

/** The media type of every error body (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * A problem+json response. `type` is `about:blank`, so `title` is the status phrase and
 * `detail` says what to do about it; `errors` lists fields a person can fix. Made through
 * the context, so it carries the headers middleware prepared (the request id).
 */
export function problem(
  c: Context,
  status: number,
  detail?: string,
  options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
): Response {
  const body: Problem = { type: 'about:blank', title: TITLES[status] ?? 'Error', status };
  if (detail !== undefined) body.detail = detail;
  if (options.errors !== undefined) body.errors = options.errors;
  return c.body(JSON.stringify(body), status as 400, {
    ...options.headers,
    // The server stops reading a body it refuses as too large, so the connection cannot carry
    // another request: say so, or a keep-alive client sends its next request into a closed socket.
    ...(status === 413 ? { Connection: 'close' } : {}),
    'Content-Type': PROBLEM_CONTENT_TYPE,
  });
}
