import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, fieldErrors, setApiHooks } from './api.ts';

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async (_url: string, _init?: RequestInit) =>
    body === undefined
      ? new Response(null, { status, headers })
      : new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/problem+json', ...headers },
        }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setApiHooks({ csrfToken: () => undefined, signedOut: () => {} });
});

describe('staff API calls', () => {
  it('should send the CSRF token on changes and not on reads', async () => {
    const fetch = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    setApiHooks({ csrfToken: () => 'token-1', signedOut: () => {} });
    await api('GET', '/api/staff/users');
    await api('PATCH', '/api/staff/users/1', { active: false });
    const headers = fetch.mock.calls.map(([, init]) => init?.headers as Record<string, string>);
    expect(headers[0]?.['X-CSRF-Token']).toBeUndefined();
    expect(headers[1]?.['X-CSRF-Token']).toBe('token-1');
    expect(headers[1]?.['Content-Type']).toBe('application/json');
  });

  it('should send a CSV body as it is, with its own type and the CSRF token', async () => {
    const fetch = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    setApiHooks({ csrfToken: () => 'token-2', signedOut: () => {} });
    const csv = 'indicator;geo_code\nuvas;"a;b"\n';
    await api('POST', '/api/staff/indicators/import?mode=preview', csv, { contentType: 'text/csv' });
    const init = fetch.mock.calls[0]?.[1];
    const headers = init?.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('text/csv');
    expect(headers['X-CSRF-Token']).toBe('token-2');
    expect(init?.body).toBe(csv);
  });

  it('should report a lost session on 401, except for the answer to a sign-in', async () => {
    const signedOut = vi.fn();
    setApiHooks({ csrfToken: () => undefined, signedOut });
    vi.stubGlobal('fetch', answer(401, { detail: 'Sign in first' }));
    await expect(api('GET', '/api/auth/me')).rejects.toMatchObject({ status: 401, detail: 'Sign in first' });
    expect(signedOut).toHaveBeenCalledTimes(1);
    await expect(api('POST', '/api/auth/login', {}, { signInRequest: true })).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('should read the wait of a 429 from Retry-After', async () => {
    vi.stubGlobal('fetch', answer(429, { detail: 'Too many' }, { 'Retry-After': '125' }));
    await expect(api('POST', '/api/auth/login', {}, { signInRequest: true })).rejects.toMatchObject({
      status: 429,
      retryAfter: 125,
    });
  });

  it('should turn a network failure into status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(api('GET', '/api/staff/users')).rejects.toMatchObject({ status: 0 });
  });

  it('should give field errors by field, the first message for each', () => {
    const error = new ApiError(400, 'bad', [
      { path: 'password', message: 'is too common' },
      { path: 'password', message: 'second' },
      { path: 'email', message: 'is not an e-mail address' },
      { path: '', message: 'whole body' },
    ]);
    expect(fieldErrors(error)).toEqual({ password: 'is too common', email: 'is not an e-mail address' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
