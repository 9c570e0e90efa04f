import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueCount, QueuePage } from '../../../common/wire/moderation.ts';
import {
  addStaffUser,
  type Signed,
  send,
  signIn,
  STORE_KINDS,
  type TestApp,
  testApp,
} from '../../test/index.ts';
import { stockholmDay } from '../../domain/local-time/index.ts';
import { ownComment } from './testing.ts';

describe.each(STORE_KINDS)('GET /api/staff/queue on %s', (kind) => {
  let t: TestApp;
  let moderator: Signed;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: true });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    moderator = await signIn(t.app, 'moderator@malmo.se');
    const items = {
      plain1: ownComment('Fler bänkar i parken, tack.'),
      email: ownComment('Hör av er på anna.svensson@example.se om bänkarna.'),
      plain2: ownComment('Bättre belysning vid skolan.', { location: { areaCode: '11320' } }),
      pnr: ownComment('Jag heter Anna, 19811218-9876, och vill ha en lekplats.'),
      proposal: ownComment('Odlingslotter på taket.', { kind: 'proposal', title: 'Takodling' }),
      noInsats: ownComment('Allmänt: fler papperskorgar.', {
        insatsId: undefined,
        respondent: { group: 'resident' },
      }),
      plain3: ownComment('Cykelparkering vid stationen.'),
    };
    for (const [name, item] of Object.entries(items)) {
      // One per request, so received_at follows this order.
      const [result] = await send(t, [item]);
      expect(result?.status).toBe('created');
      ids[name] = item.id;
      await new Promise((r) => setTimeout(r, 3));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async <T>(query: string, who = moderator) => {
    const res = await t.app.request(`/api/staff/queue${query}`, { headers: { Cookie: who.cookie } });
    return { status: res.status, body: (await res.json()) as T };
  };
  /** Every id the queue lists for `query` (like `?kind=proposal`), page by page. */
  const listed = async (query: string) => {
    const out: string[] = [];
    const params = new URLSearchParams(query);
    for (let i = 0; i < 50; i++) {
      const { status, body } = await get<QueuePage>(`?${params}`);
      expect(status).toBe(200);
      out.push(...body.items.map((item) => item.id));
      if (body.next === null) return out;
      params.set('cursor', body.next);
    }
    throw new Error('the queue never ended');
  };

  it('should list flagged items first, then oldest first, across pages without repeats', async () => {
    const all = await listed('?limit=2');
    expect(all).toEqual(
      [ids.email, ids.pnr, ids.plain1, ids.plain2, ids.proposal, ids.noInsats, ids.plain3].map(String),
    );
    const { body } = await get<QueuePage>('?limit=25');
    const pnr = body.items.find((i) => i.id === ids.pnr);
    expect(pnr?.flagged).toBe(true);
    // The span points at the number in the text, so the screen can highlight it.
    const flag = pnr?.flags.find((f) => f.kind === 'personnummer');
    expect(pnr?.text?.slice(flag?.start ?? 0, flag?.end ?? 0)).toBe('19811218-9876');
    expect(Date.parse(body.asOf)).not.toBeNaN();
    // Never contact details or device ids in the queue.
    expect(JSON.stringify(body)).not.toMatch(/device-|contact/);
  });

  it('should narrow by each filter, and count what the filter matches', async () => {
    expect(await listed('?kind=proposal')).toEqual([ids.proposal]);
    expect(await listed('?insats=none')).toEqual([ids.noInsats]);
    expect(await listed('?area=11320')).toEqual([ids.plain2]);
    expect(await listed('?flag=email')).toEqual([ids.email]);
    expect(await listed('?flagged=1')).toEqual([ids.email, ids.pnr]);
    expect(await listed('?group=resident')).toEqual([ids.noInsats]);
    expect(await listed('?kind=comment&flagged=1&insats=exempel-tryggare-malmo')).toEqual([
      ids.email,
      ids.pnr,
    ]);
    expect(await listed('?status=approved')).toEqual([]);
    // The filter's days are Stockholm's: just after midnight there, UTC is still on yesterday.
    const today = stockholmDay(new Date().toISOString());
    expect(await listed(`?from=2000-01-01&to=2000-01-02`)).toEqual([]);
    expect((await listed(`?from=${today}&to=${today}`)).length).toBeGreaterThanOrEqual(6);

    const count = await t.app.request('/api/staff/queue/count?flagged=1', {
      headers: { Cookie: moderator.cookie },
    });
    expect(count.status).toBe(200);
    expect(((await count.json()) as QueueCount).count).toBe(2);
  });

  it('should refuse malformed filters, limits and cursors with field errors', async () => {
    for (const [query, path] of [
      ['?kind=rant', 'kind.0'],
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['?to=2026-02-30', 'to'],
      ['?flagged=maybe', 'flagged'],
      ['?stauts=pending', 'stauts'],
    ] as const) {
      const { status, body } = await get<{ errors: { path: string }[] }>(query);
      expect(status, query).toBe(400);
      expect(
        body.errors.map((e) => e.path),
        query,
      ).toContain(path);
    }
  });
});
