/**
 * The authorization matrix by nämnd, driven by the app's own route table, on both stores: two
 * insatser of two nämnder (and input without an insats), each with its own marker text, and
 * staff scoped to fritidsnämnden calling every staff route their role allows with the ids of
 * the other nämnd. They get 403, 404 or an answer in which nothing of the other nämnd appears
 * (no text, no id, no count); unscoped staff and admins see both, so the check can fail.
 */
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/wire/staff.ts';
import { fullPath, type RouteSpec } from '../../openapi/index.ts';
import { resources } from '../../routes/index.ts';
import type { AuditActor, InsatsFields } from '../../store/index.ts';
import { testSubmission } from '../../store/testing.ts';
import {
  addStaffUser,
  malmoBoundaries,
  STORE_KINDS,
  type Signed,
  signIn,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';
import { DEFAULT_STAFF_CONFIG } from '../../config/index.ts';
import { silentLogger } from '../../logging/index.ts';
import { createMetrics } from '../../metrics/index.ts';
import { createRateLimiter } from '../../rate-limit/index.ts';
import { type Access, roleAllows } from './access.ts';

const ACTOR: AuditActor = {
  at: new Date().toISOString(),
  actorId: null,
  actorLabel: 'test',
  requestId: null,
};
const FRITID = { insats: 'sommarlov-i-parken', mark: 'FRITIDMARK', indicator: 'fritid-besok' };
const KULTUR = { insats: 'bibliotek-pa-kvallen', mark: 'KULTURMARK', indicator: 'kultur-lan' };
const NONE_MARK = 'UTANINSATSMARK';

const fields = (title: string, namnd: string): InsatsFields => ({
  title: { sv: title },
  summary: { sv: `${title}: sammanfattning.` },
  namnder: [namnd],
  areaCodes: ['11319'],
  dimensions: ['social'],
  kind: 'kraftsamlande',
  status: 'ongoing',
  period: { start: '2026-01-01' },
});

interface TableRoute {
  method: string;
  path: string;
  access: Access;
  scoped: boolean;
}

describe.each(STORE_KINDS)('staff scoped by nämnd on %s', (kind) => {
  let t: TestApp;
  let table: TableRoute[];
  const ids = { kulturSubmission: '', fritidSubmission: '' };
  const signed = new Map<string, Signed>();
  const accounts: { key: string; role: Role; namnder: string[] }[] = [
    { key: 'scoped-moderator', role: 'moderator', namnder: ['fritidsnamnden'] },
    { key: 'scoped-analyst', role: 'analyst', namnder: ['fritidsnamnden'] },
    { key: 'moderator', role: 'moderator', namnder: [] },
    { key: 'admin', role: 'admin', namnder: ['fritidsnamnden'] },
  ];

  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: false });
    for (const [insats, namnd] of [
      [FRITID, 'Fritidsnämnden'],
      [KULTUR, 'Kulturnämnden'],
    ] as const) {
      expect((await t.store.createInsats(insats.insats, fields(insats.mark, namnd), ACTOR)).status).toBe(
        'saved',
      );
      await t.store.transitionInsats(insats.insats, 'publish', ACTOR);
      const created = await t.store.createIndicator(
        {
          id: insats.indicator,
          name: { sv: `${insats.mark} indikator` },
          unit: 'antal',
          direction: 'higher',
          source: 'Malmö stad',
          geography: 'insats',
          insatsId: insats.insats,
        },
        ACTOR,
      );
      expect(created.status).toBe('saved');
    }
    const now = new Date().toISOString();
    const fritid = [1, 2].map(() =>
      testSubmission({
        insatsId: FRITID.insats,
        text: `${FRITID.mark} kommentar`,
        createdAt: now,
        receivedAt: now,
      }),
    );
    const kultur = [1, 2, 3].map(() =>
      testSubmission({
        insatsId: KULTUR.insats,
        text: `${KULTUR.mark} kommentar`,
        createdAt: now,
        receivedAt: now,
      }),
    );
    const none = testSubmission({
      insatsId: null,
      text: `${NONE_MARK} kommentar`,
      createdAt: now,
      receivedAt: now,
    });
    await t.store.saveSubmissions([...fritid, ...kultur, none]);
    ids.fritidSubmission = fritid[0]?.id ?? '';
    ids.kulturSubmission = kultur[0]?.id ?? '';
    for (const a of accounts) {
      await addStaffUser(t.store, { email: `${a.key}@malmo.se`, role: a.role, namnder: a.namnder });
      signed.set(a.key, await signIn(t.app, `${a.key}@malmo.se`));
    }
    table = resources({
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
    }).flatMap(({ spec }) =>
      spec.routes.map((r: RouteSpec) => ({
        method: r.method.toUpperCase(),
        path: fullPath(spec.mount, r.path),
        access: r.access,
        scoped: r.scoped === true,
      })),
    );
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  /** A route's path with the other nämnd's ids in it (random ids where no seeded thing fits). */
  function otherPath(path: string): string[] {
    const filled = path.replace(/:(\w+)/g, (_, name: string) => {
      if (name !== 'id') return randomUUID();
      if (path.startsWith('/api/staff/submissions')) return ids.kulturSubmission;
      if (path.startsWith('/api/staff/insatser')) return KULTUR.insats;
      if (path.startsWith('/api/staff/indicators')) return KULTUR.indicator;
      return randomUUID();
    });
    const queries: Record<string, string[]> = {
      '/api/staff/queue': ['?status=pending,approved,rejected,hidden', `?insats=${KULTUR.insats}`],
      '/api/staff/queue/count': ['', `?insats=${KULTUR.insats}`, '?insats=none'],
      '/api/staff/dashboard': ['', `?insats=${KULTUR.insats}`],
      '/api/staff/dashboard/answers': [`?insats=${KULTUR.insats}`],
      '/api/staff/indicators': ['', `?insats=${KULTUR.insats}`],
      '/api/staff/exports/areas.geojson': ['', `?indicator=${KULTUR.indicator}`],
      '/api/staff/exports/submissions.zip': [''],
    };
    return (queries[path] ?? ['']).map((q) => filled + q);
  }

  /** A body that would act on the other nämnd's items where the route takes one. */
  function bodyFor(path: string): unknown {
    if (path === '/api/staff/moderation')
      return { target: { ids: [ids.kulturSubmission] }, action: 'approve' };
    if (path === '/api/staff/moderation' || path.endsWith('/answer')) return { text: 'Svar till er.' };
    return {};
  }

  /** The response as text; a zip's files unpacked and joined. */
  async function textOf(res: Response): Promise<string> {
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The export zip and the XLSX workbook (a zip of XML parts) are read as their text.
    const zipped = ['application/zip', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
    if (zipped.includes(res.headers.get('Content-Type') ?? '') && res.status === 200) {
      return Object.values(unzipSync(bytes))
        .map((file) => strFromU8(file))
        .join('\n');
    }
    return new TextDecoder().decode(bytes);
  }

  async function call(who: string, method: string, path: string): Promise<{ status: number; text: string }> {
    const account = signed.get(who) as Signed;
    const unsafe = method !== 'GET';
    const res = await t.app.request(path, {
      method,
      headers: staffHeaders(account, unsafe ? { 'Content-Type': 'application/json' } : {}),
      ...(unsafe ? { body: JSON.stringify(bodyFor(path.split('?')[0] ?? path)) } : {}),
    });
    return { status: res.status, text: await textOf(res) };
  }

  const leaks = (text: string) =>
    [KULTUR.mark, KULTUR.insats, KULTUR.indicator, ids.kulturSubmission, NONE_MARK].filter((m) =>
      text.includes(m),
    );

  it('should declare the routes about insatser and their input scoped, in the table and in OpenAPI', async () => {
    const scoped = new Set(table.filter((r) => r.scoped).map((r) => `${r.method} ${r.path}`));
    for (const route of [
      'GET /api/staff/queue',
      'GET /api/staff/queue/count',
      'POST /api/staff/moderation',
      'PATCH /api/staff/submissions/:id',
      'PUT /api/staff/submissions/:id/answer',
      'GET /api/staff/submissions/:id/contact',
      'GET /api/staff/dashboard',
      'GET /api/staff/exports/submissions.zip',
      'GET /api/staff/insatser',
      'GET /api/staff/indicators/:id',
    ])
      expect(scoped, route).toContain(route);
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-scoped'?: string }>>;
    };
    expect(doc.paths['/api/staff/queue']?.get?.['x-scoped']).toBe('namnd');
    expect(doc.paths['/api/staff/users']?.get?.['x-scoped']).toBeUndefined();
  });

  it('should never give a scoped moderator or analyst a text, id or count of another nämnd, on any staff route', async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const who of ['scoped-moderator', 'scoped-analyst']) {
      const role = accounts.find((a) => a.key === who)?.role as Role;
      for (const route of table) {
        if (!Array.isArray(route.access) || !roleAllows(route.access, role)) continue;
        for (const path of otherPath(route.path)) {
          const { status, text } = await call(who, route.method, path);
          calls += 1;
          const found = leaks(text);
          if (status >= 500) wrong.push(`${route.method} ${path} as ${who}: ${status}`);
          if (found.length > 0)
            wrong.push(`${route.method} ${path} as ${who}: ${status} with ${found.join(', ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(40);
    // Nothing of the other nämnd was changed by those calls.
    expect((await t.store.getSubmission(ids.kulturSubmission))?.moderationStatus).toBe('pending');
  }, 240_000);

  it('should answer 404 for one item of another nämnd, as for one that does not exist', async () => {
    const single = [
      ['GET', `/api/staff/submissions/${ids.kulturSubmission}/contact`],
      ['PUT', `/api/staff/submissions/${ids.kulturSubmission}/answer`],
      ['PATCH', `/api/staff/submissions/${ids.kulturSubmission}`],
      ['GET', `/api/staff/insatser/${KULTUR.insats}`],
      ['PATCH', `/api/staff/insatser/${KULTUR.insats}`],
      ['GET', `/api/staff/indicators/${KULTUR.indicator}`],
      ['GET', `/api/staff/dashboard/answers?insats=${KULTUR.insats}`],
    ] as const;
    for (const [method, path] of single) {
      expect((await call('scoped-moderator', method, path)).status, `${method} ${path}`).toBe(404);
    }
    // The same calls for their own nämnd are served.
    expect((await call('scoped-moderator', 'GET', `/api/staff/insatser/${FRITID.insats}`)).status).toBe(200);
    expect(
      (await call('scoped-moderator', 'GET', `/api/staff/submissions/${ids.fritidSubmission}/contact`))
        .status,
    ).toBe(200);
  });

  it('should count and list only their nämnd for scoped staff, everything for unscoped staff and admins', async () => {
    const count = async (who: string) =>
      (JSON.parse((await call(who, 'GET', '/api/staff/queue/count')).text) as { count: number }).count;
    expect(await count('scoped-moderator')).toBe(2);
    expect(await count('moderator')).toBe(6);
    expect(await count('admin')).toBe(6);
    const total = async (who: string) =>
      (JSON.parse((await call(who, 'GET', '/api/staff/dashboard')).text) as { total: number }).total;
    expect(await total('scoped-analyst')).toBe(2);
    expect(await total('moderator')).toBe(6);
    const mapCount = async (who: string) => {
      const doc = JSON.parse((await call(who, 'GET', '/api/staff/exports/areas.geojson')).text) as {
        features: { properties: { code: string; count: number } }[];
      };
      return doc.features.find((f) => f.properties.code === '11319')?.properties.count;
    };
    expect(await mapCount('scoped-analyst')).toBe(2);
    expect(await mapCount('moderator')).toBe(6);
    // The staff home's counts and the themes of free text, from the same input.
    const home = async (who: string) =>
      (JSON.parse((await call(who, 'GET', '/api/staff/home')).text) as { pending: { count: number } }).pending
        .count;
    expect(await home('scoped-moderator')).toBe(2);
    expect(await home('moderator')).toBe(6);
    const themes = async (who: string, query: string) =>
      (await call(who, 'GET', `/api/staff/themes?${query}`)).text.toUpperCase();
    // The themes are made of the texts the person may see: Kulturnämnden's for everyone but the
    // staff scoped to fritidsnämnden, for whom there are none.
    const themeTexts = async (who: string, query: string) =>
      (JSON.parse((await call(who, 'GET', `/api/staff/themes?${query}`)).text) as { texts?: number }).texts;
    expect(await themeTexts('moderator', `insats=${KULTUR.insats}`)).toBe(3);
    expect(await themeTexts('scoped-moderator', `insats=${KULTUR.insats}`)).toBe(0);
    expect(await themeTexts('scoped-moderator', 'area=11319')).toBe(2);
    for (const query of [`insats=${KULTUR.insats}`, 'area=11319'])
      expect(leaks(await themes('scoped-moderator', query)), query).toEqual([]);
    const queue = (await call('scoped-moderator', 'GET', '/api/staff/queue')).text;
    expect(queue).toContain(FRITID.mark);
    expect(leaks(queue)).toEqual([]);
    const all = (await call('moderator', 'GET', '/api/staff/queue')).text;
    expect(all).toContain(KULTUR.mark);
    expect(all).toContain(NONE_MARK);
    const zip = await t.app.request('/api/staff/exports/submissions.zip', {
      headers: staffHeaders(signed.get('scoped-analyst') as Signed),
    });
    const exported = await textOf(zip);
    // Analysts get no text of unmoderated input: their own nämnd shows as its insats.
    expect(exported).toContain(FRITID.insats);
    expect(leaks(exported)).toEqual([]);
  });

  it('should let an admin allow input without an insats for a scoped account', async () => {
    const user = await addStaffUser(t.store, {
      email: 'utan@malmo.se',
      role: 'moderator',
      namnder: ['fritidsnamnden'],
      inputWithoutInsats: true,
    });
    expect(user.inputWithoutInsats).toBe(true);
    const who = await signIn(t.app, 'utan@malmo.se');
    signed.set('without', who);
    const queue = (await call('without', 'GET', '/api/staff/queue')).text;
    expect(queue).toContain(NONE_MARK);
    expect(queue).toContain(FRITID.mark);
    expect(queue).not.toContain(KULTUR.mark);
    expect(
      (JSON.parse((await call('without', 'GET', '/api/staff/queue/count')).text) as { count: number }).count,
    ).toBe(3);
  });

  it('should moderate by filter only what a scoped moderator sees', async () => {
    const account = signed.get('scoped-moderator') as Signed;
    const res = await t.app.request('/api/staff/moderation', {
      method: 'POST',
      headers: staffHeaders(account, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ target: { filter: {}, asOf: new Date().toISOString() }, action: 'approve' }),
    });
    expect(res.status).toBe(200);
    const done = (await res.json()) as { changed: number; ids: string[] };
    expect(done.changed).toBe(2);
    expect(done.ids).toContain(ids.fritidSubmission);
    expect((await t.store.getSubmission(ids.kulturSubmission))?.moderationStatus).toBe('pending');
    expect(await t.store.countQueue({}, new Date().toISOString())).toBe(4);
  });

  it('should refuse a scoped moderator an insats, indicator or move into another nämnd with 403', async () => {
    const send = (method: string, path: string, body: unknown, who = 'scoped-moderator') =>
      t.app.request(path, {
        method,
        headers: staffHeaders(signed.get(who) as Signed, {
          'Content-Type': 'application/json',
        }),
        body: JSON.stringify(body),
      });
    const insats = (namnd: string) => ({
      id: `ny-${namnd.slice(0, 5).toLowerCase()}`,
      ...fields('Ny insats', namnd),
    });
    expect((await send('POST', '/api/staff/insatser', insats('Kulturnämnden'))).status).toBe(403);
    expect(
      (
        await send('POST', '/api/staff/insatser', {
          ...insats('Fritidsnämnden'),
          namnder: ['Fritidsnämnden', 'Kulturnämnden'],
        })
      ).status,
    ).toBe(403);
    expect((await send('POST', '/api/staff/insatser', insats('Fritidsnämnden'))).status).toBe(201);
    expect(
      (await send('PATCH', `/api/staff/insatser/${FRITID.insats}`, { namnder: ['Kulturnämnden'] })).status,
    ).toBe(403);
    const indicator = {
      id: 'ny-indikator',
      name: { sv: 'Ny' },
      unit: 'antal',
      direction: 'higher',
      source: 'Malmö stad',
      geography: 'insats',
      insatsId: KULTUR.insats,
    };
    // Indicators are written by analysts.
    expect((await send('POST', '/api/staff/indicators', indicator, 'scoped-analyst')).status).toBe(403);
    const own = { ...indicator, insatsId: FRITID.insats };
    expect((await send('POST', '/api/staff/indicators', own, 'scoped-analyst')).status).toBe(201);
    const move = await send('PATCH', `/api/staff/submissions/${ids.fritidSubmission}`, {
      insatsId: KULTUR.insats,
    });
    expect(move.status).toBe(403);
    expect((await t.store.getSubmission(ids.fritidSubmission))?.insatsId).toBe(FRITID.insats);
  });
});
