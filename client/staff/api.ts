/**
 * Calls to the staff API: same-origin cookies, JSON, the CSRF token on every state-changing
 * request, and problem+json errors as {@link ApiError}. A 401 means the session is gone: the
 * session state is cleared, so the screens show the sign-in form again.
 */
/**
 * Shortest password for a local account. A copy of MIN_PASSWORD_CHARS (common/wire/staff.ts):
 * importing it would bring valibot into the staff chunk; a unit test keeps the two equal.
 */
export const MIN_PASSWORD = 12;

/** One field's error, as the server reports it (`path` is the field, e.g. `password`). */
export interface FieldError {
  path: string;
  message: string;
}

/** A refused or failed request. `status` 0: no answer (offline, network error). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Seconds from Retry-After, when the server sent it. */
    readonly retryAfter: number | null = null,
  ) {
    super(detail || `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

interface Hooks {
  /** The CSRF token of the current session, if any. */
  csrfToken(): string | undefined;
  /** Called on every 401: the session ended (or never existed). */
  signedOut(): void;
}

let hooks: Hooks = { csrfToken: () => undefined, signedOut: () => {} };

/** Connects the API calls to the session state (client/staff/session.ts). */
export function setApiHooks(h: Hooks): void {
  hooks = h;
}

function retryAfterSeconds(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toError(response: Response): Promise<ApiError> {
  let detail = '';
  let errors: FieldError[] = [];
  try {
    const body = (await response.json()) as { detail?: unknown; errors?: unknown };
    if (typeof body.detail === 'string') detail = body.detail;
    if (Array.isArray(body.errors))
      errors = body.errors.filter(
        (e): e is FieldError =>
          typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.message === 'string',
      );
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return new ApiError(
    response.status,
    detail,
    errors,
    retryAfterSeconds(response.headers.get('Retry-After')),
  );
}

/**
 * Sends a request to the API and returns its JSON body (undefined for 204).
 * `signInRequest`: a 401 is the answer to a sign-in, not a lost session.
 * `contentType`: send `body` (a string) as it is with this type (e.g. `text/csv`), not as JSON.
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  { signInRequest = false, contentType }: { signInRequest?: boolean; contentType?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = contentType ?? 'application/json';
  const csrf = hooks.csrfToken();
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : contentType ? String(body) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, '');
  }
  if (!response.ok) {
    const error = await toError(response);
    if (error.status === 401 && !signInRequest) hooks.signedOut();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The field errors of `error` by field name (the first path segment), first message wins. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.errors) {
    const field = e.path.replace(/^\//, '').split(/[./]/)[0] ?? '';
    if (field && !(field in out)) out[field] = e.message;
  }
  return out;
}
