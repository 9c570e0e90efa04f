/**
 * THE authorization matrix, driven by the app's own route table: every route × (anonymous,
 * analyst, moderator, admin) gets the outcome its `access` declares. Anonymous calls to staff
 * routes get 401, roles the route does not list 403; a route in the app without a declaration
 * fails here. The same walk by nämnd (scoped staff × every staff route, both stores) is in
 * ./scope.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/wire/staff.ts';
import { DEFAULT_STAFF_CONFIG } from '../../config/index.ts';
import type { ApiDeps } from '../../http/types.ts';
import { silentLogger } from '../../logging/index.ts';
import { createMetrics } from '../../metrics/index.ts';
import { fullPath, type RouteSpec } from '../../openapi/index.ts';
import { createRateLimiter } from '../../rate-limit/index.ts';
import { resources } from '../../routes/index.ts';
import {
  addStaffUser,
  malmoBoundaries,
  type Signed,
  signIn,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';
import type { Access } from './access.ts';

interface TableRoute {
  method: string;
  path: string;
  access: Access;
}

let t: TestApp;
/** The route table as the app builds it (every resource's spec). */
let table: TableRoute[];
const signedIn = new Map<Role, Signed>();
const emails: Record<Role, string> = {
  admin: 'admin@malmo.se',
  moderator: 'moderator@malmo.se',
  analyst: 'analyst@malmo.se',
};

beforeAll(async () => {
  t = await testApp({ exampleContent: false });
  const deps: ApiDeps = {
    store: t.store,
    boundaries: malmoBoundaries,
    config: {
      controllerName: 'x',
      dpoContact: 'x',
      staff: DEFAULT_STAFF_CONFIG,
      linkOrigin: 'http://localhost',
    },
    logger: silentLogger(),
    metrics: createMetrics(),
    limiter: createRateLimiter({ store: t.store, perDevice: null, perAddress: null, trustProxy: 0 }),
    now: Date.now,
  };
  table = resources(deps).flatMap(({ spec }) =>
    spec.routes.map((r: RouteSpec) => ({
      method: r.method.toUpperCase(),
      path: fullPath(spec.mount, r.path),
      access: r.access,
    })),
  );
  for (const role of ROLES) {
    await addStaffUser(t.store, { email: emails[role], role });
    signedIn.set(role, await signIn(t.app, emails[role]));
  }
}, 60_000);
afterAll(async () => {
  await t.close();
});

/** A path of the table with its parameters filled in (no such id: 404 is fine, 401/403 are not). */
function samplePath(path: string): string {
  return path.replace(/:(\w+)/g, () => randomUUID());
}

/** Sends the route's method to it as `who`; unsafe methods with an (invalid) JSON body and the CSRF token. */
async function call(route: TableRoute, who: Role | 'anonymous'): Promise<number> {
  const unsafe = route.method !== 'GET';
  const signed = who === 'anonymous' ? undefined : signedIn.get(who);
  const headers: Record<string, string> = signed ? staffHeaders(signed) : {};
  if (unsafe) headers['Content-Type'] = 'application/json';
  const res = await t.app.request(samplePath(route.path), {
    method: route.method,
    headers,
    ...(unsafe ? { body: '{}' } : {}),
  });
  await res.arrayBuffer();
  // Some routes end the session (sign-out): sign in again, so the next route sees the same person.
  if (signed && who !== 'anonymous') {
    const me = await t.app.request('/api/auth/me', { headers: { Cookie: signed.cookie } });
    if (me.status === 401) signedIn.set(who, await signIn(t.app, emails[who]));
  }
  return res.status;
}

/** What `access` promises for `who`: 'allowed' (neither 401 nor 403), 401, or 403. */
function expected(access: Access, who: Role | 'anonymous'): 'allowed' | 401 | 403 {
  if (access === 'public' || access === 'metrics-token') return 'allowed';
  if (who === 'anonymous') return 401;
  if (access === 'signed-in') return 'allowed';
  return access.includes(who) ? 'allowed' : 403;
}

describe('the authorization matrix', () => {
  it('should cover the whole app: every route the app serves is in the table, with an access declaration', () => {
    const served = new Set(
      t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
    );
    const declared = new Set(table.map((r) => `${r.method} ${r.path}`));
    for (const route of served) expect(declared, `${route} is served without a declaration`).toContain(route);
    for (const route of declared) expect(served, `${route} is declared but not served`).toContain(route);
    for (const route of table) {
      const valid =
        route.access === 'public' ||
        route.access === 'metrics-token' ||
        route.access === 'signed-in' ||
        (Array.isArray(route.access) &&
          route.access.length > 0 &&
          route.access.every((r) => (ROLES as readonly string[]).includes(r)));
      expect(valid, `${route.method} ${route.path} has no valid access declaration`).toBe(true);
    }
    // The staff routes of this issue are in it, so the matrix below exercises roles.
    expect(declared).toContain('GET /api/staff/users');
    expect(declared).toContain('GET /api/staff/submissions/:id/contact');
  });

  it('should answer every route × (anonymous, analyst, moderator, admin) as its access declares', async () => {
    const outcomes: string[] = [];
    const wrong: string[] = [];
    for (const route of table) {
      for (const who of ['anonymous', ...ROLES] as const) {
        const status = await call(route, who);
        const want = expected(route.access, who);
        const ok = want === 'allowed' ? status !== 401 && status !== 403 : status === want;
        outcomes.push(`${route.method} ${route.path} ${who} → ${status}`);
        if (!ok) wrong.push(`${route.method} ${route.path} as ${who}: ${status}, expected ${want}`);
      }
    }
    expect(wrong).toEqual([]);
    // Every kind of outcome occurred: the matrix tested something.
    expect(outcomes.some((o) => o.endsWith('→ 401'))).toBe(true);
    expect(outcomes.some((o) => o.endsWith('→ 403'))).toBe(true);
    expect(outcomes).toContain('GET /api/staff/users admin → 200');
    expect(outcomes).toContain('GET /api/staff/users moderator → 403');
    expect(outcomes).toContain('GET /api/staff/submissions/:id/contact analyst → 403');
    expect(outcomes).toContain('GET /api/staff/submissions/:id/contact moderator → 404');
  }, 120_000);

  it('should give a signed-in user without a role 403 on every role route, and their own /api/auth/me', async () => {
    await addStaffUser(t.store, { email: 'waiting@malmo.se', role: null });
    const waiting = await signIn(t.app, 'waiting@malmo.se');
    const me = await t.app.request('/api/auth/me', { headers: { Cookie: waiting.cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'waiting@malmo.se', role: null });
    const roleRoutes = table.filter((r) => Array.isArray(r.access));
    expect(roleRoutes.length).toBeGreaterThanOrEqual(4);
    for (const route of roleRoutes) {
      const unsafe = route.method !== 'GET';
      const res = await t.app.request(samplePath(route.path), {
        method: route.method,
        headers: { ...staffHeaders(waiting), ...(unsafe ? { 'Content-Type': 'application/json' } : {}) },
        ...(unsafe ? { body: '{}' } : {}),
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/no role yet/);
    }
  });

  it('should name the role and what the route needs in a 403, as problem+json', async () => {
    const analyst = signedIn.get('analyst') as Signed;
    const res = await t.app.request('/api/staff/users', { headers: { Cookie: analyst.cookie } });
    expect(res.status).toBe(403);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'Your role (analyst) may not do this: it needs admin.',
    });
  });

  it('should answer anonymous staff calls 401 with a problem saying to sign in', async () => {
    const res = await t.app.request('/api/staff/users');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^Sign in first/);
  });
});
