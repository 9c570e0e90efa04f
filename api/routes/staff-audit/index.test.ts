import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../common/wire/staff.ts';
import type { AuditRecord } from '../../store/index.ts';
import { addStaffUser, type Signed, signIn, STORE_KINDS, type TestApp, testApp } from '../../test/index.ts';

/** 30 rows, one a minute from 07:00, alternating actions and actors. */
function rows(actorId: string): AuditRecord[] {
  return Array.from({ length: 30 }, (_, i) => ({
    id: randomUUID(),
    at: new Date(Date.parse('2026-11-01T07:00:00.000Z') + i * 60_000).toISOString(),
    actorId: i % 3 === 0 ? actorId : null,
    actorLabel: i % 3 === 0 ? 'someone@malmo.se' : 'cli',
    action: i % 2 === 0 ? 'user.update' : 'submission.contact.read',
    targetType: i % 2 === 0 ? 'staff_user' : 'submission',
    targetId: `target-${i}`,
    before: null,
    after: i % 2 === 0 ? { role: 'analyst' } : null,
    requestId: null,
  }));
}

describe.each(STORE_KINDS)('GET /api/staff/audit on %s', (kind) => {
  let t: TestApp;
  let admin: Signed;
  let seeded: AuditRecord[];
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: false });
    await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin' });
    admin = await signIn(t.app, 'admin@malmo.se');
    seeded = rows(admin.me.id);
    await t.store.recordAudit(seeded);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (query: string) => {
    const res = await t.app.request(`/api/staff/audit${query}`, { headers: { Cookie: admin.cookie } });
    return { status: res.status, body: (await res.json()) as AuditPage & { errors?: { path: string }[] } };
  };
  /** The seeded rows only (sign-in adds its own), newest first. */
  const window = '&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z';

  it('should page through every row newest first, with no row twice or missed', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await get(`?limit=7${window}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      expect(body.entries.length).toBeLessThanOrEqual(7);
      seen.push(...body.entries.map((e) => e.id));
      cursor = body.next;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(5);
    expect(seen).toEqual(seeded.map((r) => r.id).reverse());
  });

  it('should answer rows in the wire shape', async () => {
    const { body } = await get(`?limit=1${window}`);
    const last = seeded.at(-1) as AuditRecord;
    expect(body.entries).toEqual([
      {
        id: last.id,
        at: last.at,
        actor: { id: null, label: 'cli' },
        action: 'submission.contact.read',
        target: { type: 'submission', id: 'target-29' },
        before: null,
        after: null,
      },
    ]);
    expect(body.next).toEqual(expect.any(String));
  });

  it('should filter by actor, action (exact or prefix), target and time', async () => {
    const byActor = await get(`?actor=${admin.me.id}${window}`);
    expect(byActor.body.entries).toHaveLength(10);
    const exact = await get(`?action=submission.contact.read${window}`);
    expect(exact.body.entries).toHaveLength(15);
    const prefix = await get(`?action=user.${window}`);
    expect(prefix.body.entries.every((e) => e.action === 'user.update')).toBe(true);
    expect(prefix.body.entries).toHaveLength(15);
    const target = await get('?targetType=staff_user&targetId=target-4');
    expect(target.body.entries.map((e) => e.target.id)).toEqual(['target-4']);
    const time = await get('?from=2026-11-01T07:10:00Z&to=2026-11-01T07:13:00Z');
    expect(time.body.entries.map((e) => e.at)).toEqual([
      '2026-11-01T07:12:00.000Z',
      '2026-11-01T07:11:00.000Z',
      '2026-11-01T07:10:00.000Z',
    ]);
  });

  it('should default to 50 rows and include the sign-in', async () => {
    const { body } = await get('');
    expect(body.entries.length).toBeLessThanOrEqual(50);
    expect(body.entries[0]?.action).toBe('session.login');
  });

  it('should refuse a malformed query with 400 naming the parameter', async () => {
    for (const [query, path] of [
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=ten', 'limit'],
      ['?from=yesterday', 'from'],
      ['?cursor=not-a-cursor!', 'cursor'],
      [`?cursor=${Buffer.from('hello').toString('base64url')}`, 'cursor'],
      ['?actr=x', 'actr'],
    ] as const) {
      const { status, body } = await get(query);
      expect(status, query).toBe(400);
      expect(body.errors?.[0]?.path, query).toBe(path);
    }
  });
});
