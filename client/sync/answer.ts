/**
 * What an answer to `POST /api/submissions` means for the items in it. Only the API itself may
 * refuse an item: its answers carry the `Kraftsamla-Api` header (set on every API response, see
 * api/app.ts). A 4xx from anything between the phone and the API (a captive portal, a proxy, a
 * WAF) says nothing about the items, so they are sent again later.
 */
import type { FieldError, SubmissionResult } from '../../common/wire/index.ts';

/** The header the API sets on every answer (api/app.ts). */
export const API_HEADER = 'kraftsamla-api';

export type Answer =
  /** Per-item results from the API. */
  | { kind: 'results'; results: SubmissionResult[] }
  /** Too large for the API or a proxy: split the batch. */
  | { kind: 'too_large' }
  /** The API refused the whole request (its own problem+json): split down to the item it means. */
  | { kind: 'refused'; status: number; errors: FieldError[] }
  /** The API failed on this request (500, 502, 504 with its header): maybe one item makes it fail. */
  | { kind: 'failed'; status: number }
  /** Come back later: 408, 429, 503, or anything not from the API. Nothing is said about the items. */
  | { kind: 'later'; error: string; retryAfter: string | null };

const STATUSES = new Set(['created', 'duplicate', 'conflict', 'rejected']);

function isResults(body: unknown): body is { results: SubmissionResult[] } {
  if (typeof body !== 'object' || body === null) return false;
  const results = (body as { results?: unknown }).results;
  return (
    Array.isArray(results) &&
    results.every(
      (r) =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as SubmissionResult).id === 'string' &&
        STATUSES.has((r as SubmissionResult).status),
    )
  );
}

/** Field errors from an RFC 9457 problem body, or one error with its title. */
export function problemErrors(body: unknown, status: number): FieldError[] {
  const p = (typeof body === 'object' && body !== null ? body : {}) as {
    title?: unknown;
    detail?: unknown;
    errors?: unknown;
  };
  if (Array.isArray(p.errors) && p.errors.length > 0) return p.errors as FieldError[];
  const message =
    typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : `HTTP ${status}`;
  return [{ path: '', message }];
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Reads the answer (the body too: the caller's timeout covers it). */
export async function readAnswer(response: Response): Promise<Answer> {
  const { status } = response;
  const fromApi = response.headers.get(API_HEADER) !== null;
  const problemJson = (response.headers.get('content-type') ?? '').includes('application/problem+json');
  const skip = async () => {
    await response.body?.cancel().catch(() => {});
  };
  if (status === 413) {
    await skip();
    return { kind: 'too_large' };
  }
  if (status === 408 || status === 429 || status === 503) {
    await skip();
    return { kind: 'later', error: `http_${status}`, retryAfter: response.headers.get('retry-after') };
  }
  if (response.ok) {
    // The per-item shape is the API's own (a portal's 200 page is not); no header needed.
    const body = await readJson(response);
    return isResults(body)
      ? { kind: 'results', results: body.results }
      : { kind: 'later', error: 'bad_response', retryAfter: null };
  }
  if (!fromApi) {
    await skip();
    return {
      kind: 'later',
      error: `middlebox_${status}`,
      retryAfter: response.headers.get('retry-after'),
    };
  }
  if (status >= 500) {
    await skip();
    return { kind: 'failed', status };
  }
  if (!problemJson) {
    await skip();
    return { kind: 'later', error: `middlebox_${status}`, retryAfter: null };
  }
  const body = await readJson(response);
  return { kind: 'refused', status, errors: problemErrors(body, status) };
}
