import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuePage } from '../../../common/wire/moderation.ts';
import type { Themes } from '../../domain/themes/index.ts';
import {
  addStaffUser,
  answerItem,
  commentItem,
  type Signed,
  STORE_KINDS,
  send,
  signIn,
  type TestApp,
  testApp,
} from '../../test/index.ts';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const SOFIELUND = '11319';
const ELSEWHERE = '37302';

describe.each(STORE_KINDS)('GET /api/staff/themes on %s', (kind) => {
  let t: TestApp;
  let analyst: Signed;
  let moderator: Signed;
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: true, now: () => NOW });
    await addStaffUser(t.store, { email: 'analyst@malmo.se', role: 'analyst' });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    analyst = await signIn(t.app, 'analyst@malmo.se');
    moderator = await signIn(t.app, 'moderator@malmo.se');
    const here = (text: string, createdAt = '2026-10-10T10:00:00.000Z', deviceId = 'device-0123456789') =>
      commentItem({ text, createdAt, deviceId, location: { areaCode: SOFIELUND } });
    const there = (text: string) =>
      commentItem({ text, deviceId: 'device-9876543210', location: { areaCode: ELSEWHERE } });
    const results = await send(t, [
      here('Belysningen vid fotbollsplanen är trasig'),
      here('BELYSNINGEN är dålig på kvällen', '2026-11-02T10:00:00.000Z'),
      here('Ängen behöver belysning', '2026-11-03T10:00:00.000Z'),
      here('Fixa belysningen, skriv till anna.svensson@example.se', '2026-11-04T10:00:00.000Z'),
      // The same comment pasted by three phones: one text in the themes.
      here('Bygg en konstgräsplan nu!', '2026-11-05T10:00:00.000Z', 'device-aaaaaaaaaaaa'),
      here('bygg en konstgräsplan nu', '2026-11-05T11:00:00.000Z', 'device-bbbbbbbbbbbb'),
      here('Bygg en konstgräsplan, nu.', '2026-11-05T12:00:00.000Z', 'device-cccccccccccc'),
      here('En konstgräsplan vore fint', '2026-11-06T10:00:00.000Z'),
      there('Biblioteket borde ha öppet längre'),
      there('Biblioteket är för litet'),
      there('Belysningen på torget är bra'),
      // Choice answers carry no free text and are never in the themes.
      answerItem({ location: { areaCode: SOFIELUND } }),
    ]);
    expect(results.every((r) => r.status === 'created')).toBe(true);
    for (const r of results) await t.moderate(r.receipt as string, { status: 'approved' });
    // Not yet read by a moderator, and taken down: words analysts, or nobody, may see.
    const unread = await send(t, [
      here('Skatehallen stänger alltid för tidigt', '2026-11-07T10:00:00.000Z', 'device-dddddddddddd'),
      here('Skatehallen behöver fler ramper', '2026-11-08T10:00:00.000Z', 'device-eeeeeeeeeeee'),
    ]);
    const takenDown = await send(t, [
      here('Grannen Jönsdotter spelar hög musik', '2026-11-09T10:00:00.000Z', 'device-ffffffffffff'),
      here('Jönsdotter på tredje våningen är dum', '2026-11-10T10:00:00.000Z', 'device-gggggggggggg'),
    ]);
    expect([...unread, ...takenDown].every((r) => r.status === 'created')).toBe(true);
    for (const r of takenDown) await t.moderate(r.receipt as string, { status: 'rejected' });
  });
  afterAll(async () => {
    await t.close();
  });

  const themes = async (query: string, who: Signed | null = analyst) => {
    const res = await t.app.request(`/api/staff/themes${query}`, {
      headers: who ? { Cookie: who.cookie } : {},
    });
    const text = await res.text();
    const body = res.status === 200 ? (JSON.parse(text) as Themes & { area: string | null }) : undefined;
    return { status: res.status, type: res.headers.get('Content-Type'), text, body };
  };

  it('should refuse anonymous callers', async () => {
    expect((await themes(`?area=${SOFIELUND}`, null)).status).toBe(401);
  });

  it('should give staff the distinctive words of an area with exact counts', async () => {
    const { status, body } = await themes(`?area=${SOFIELUND}`);
    expect(status).toBe(200);
    expect(body?.area).toBe(SOFIELUND);
    expect(body).toMatchObject({
      texts: 8,
      distinct: 6,
      rest: 3,
      nearIdenticalGroups: 1,
      nearIdenticalTexts: 3,
    });
    const byTerm = new Map(body?.themes.map((th) => [th.term, th]));
    expect(byTerm.get('belysningen')).toMatchObject({
      count: 4,
      rest: 1,
      forms: ['belysningen', 'belysning'],
    });
    expect(byTerm.get('konstgräsplan')).toMatchObject({ count: 2, nearIdentical: 2 });
    expect(byTerm.get('belysningen')?.months).toEqual([
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: 3 },
    ]);
    expect(byTerm.has('biblioteket')).toBe(false);
  });

  it('should show words of texts not yet moderated only to moderators, and of rejected texts to nobody', async () => {
    const words = async (who: Signed) =>
      JSON.stringify((await themes(`?area=${SOFIELUND}`, who)).body).toLowerCase();
    expect(await words(analyst)).not.toContain('skatehallen');
    expect(await words(moderator)).toContain('skatehallen');
    for (const who of [analyst, moderator]) expect(await words(who)).not.toContain('jönsdotter');
  });

  it('should never answer an e-mail address or a number from the texts', async () => {
    const { text } = await themes(`?area=${SOFIELUND}&limit=100`);
    expect(text).not.toContain('anna');
    expect(text).not.toContain('example');
  });

  it('should answer problem+json to a query without a scope, an unknown area or a bad limit', async () => {
    for (const query of [
      '',
      '?limit=5',
      '?area=99999',
      '?area=abc',
      `?area=${SOFIELUND}&limit=0`,
      '?insats=x&bogus=1',
    ]) {
      const r = await themes(query);
      expect(r.status, query).toBe(400);
      expect(r.type).toContain('application/problem+json');
    }
  });

  it('should give the top themes of every area with texts, each against the rest', async () => {
    const res = await t.app.request('/api/staff/themes/areas?limit=3', {
      headers: { Cookie: analyst.cookie },
    });
    expect(res.status).toBe(200);
    const { areas } = (await res.json()) as { areas: (Themes & { area: string })[] };
    expect(areas.map((a) => a.area)).toEqual([SOFIELUND, ELSEWHERE]);
    expect(areas[0]).toMatchObject({ texts: 8, distinct: 6, rest: 3 });
    // Only two terms are in two texts or more there (the pasted comment is one text).
    expect(areas[0]?.themes.map((th) => th.term)).toEqual(['konstgräsplan', 'belysningen']);
    expect(areas[1]?.themes.map((th) => th.term)).toEqual(['biblioteket']);
    expect(
      (await t.app.request('/api/staff/themes/areas?limit=21', { headers: { Cookie: analyst.cookie } }))
        .status,
    ).toBe(400);
    expect((await t.app.request('/api/staff/themes/areas')).status).toBe(401);
  });

  it('should open the texts behind a term in the queue, whatever their case', async () => {
    const queue = async (query: string) => {
      // The texts were approved (the themes an analyst sees), so the queue is asked for those.
      const res = await t.app.request(`/api/staff/queue?status=approved&${query}`, {
        headers: { Cookie: moderator.cookie },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as QueuePage).items.map((i) => i.text);
    };
    expect((await queue(`area=${SOFIELUND}&text=belysningen,belysning`)).sort()).toEqual([
      'BELYSNINGEN är dålig på kvällen',
      'Belysningen vid fotbollsplanen är trasig',
      'Fixa belysningen, skriv till anna.svensson@example.se',
      'Ängen behöver belysning',
    ]);
    // Non-ASCII letters fold in both stores.
    expect(await queue('text=ängen')).toEqual(['Ängen behöver belysning']);
    // LIKE's wildcards are taken as the characters they are.
    expect(await queue('text=%25%25,__')).toEqual([]);
    const count = await t.app.request(`/api/staff/queue/count?status=approved&text=konstgräsplan`, {
      headers: { Cookie: moderator.cookie },
    });
    expect(((await count.json()) as { count: number }).count).toBe(4);
    const bad = await t.app.request('/api/staff/queue?text=a', { headers: { Cookie: moderator.cookie } });
    expect(bad.status).toBe(400);
  });
});
