import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerDistribution, Dashboard } from '../../../common/wire/insights.ts';
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

describe.each(STORE_KINDS)('GET /api/staff/dashboard on %s', (kind) => {
  let t: TestApp;
  let analyst: Signed;
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: true, now: () => NOW });
    await addStaffUser(t.store, { email: 'analyst@malmo.se', role: 'analyst' });
    analyst = await signIn(t.app, 'analyst@malmo.se');
    const results = await send(t, [
      // Stockholm days 10-25 (Sunday, ISO week 43; summer time ended that night) and 10-26 (week 44).
      answerItem({ createdAt: '2026-10-24T22:30:00.000Z' }),
      answerItem({
        createdAt: '2026-10-25T23:30:00.000Z',
        respondent: { group: 'resident' },
        location: { areaCode: '37302' },
        answers: [{ questionId: 'trygg-ute', questionVersion: 1, value: 'sallan' }],
      }),
      commentItem({ createdAt: '2026-11-02T10:00:00.000Z' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created']);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async <T>(path: string, who: Signed | null = analyst) => {
    const res = await t.app.request(`/api/staff/dashboard${path}`, {
      headers: who ? { Cookie: who.cookie } : {},
    });
    return { status: res.status, type: res.headers.get('Content-Type'), body: (await res.json()) as T };
  };

  it('should refuse anonymous callers', async () => {
    expect((await get('', null)).status).toBe(401);
    expect((await get('/answers?insats=exempel-tryggare-malmo', null)).status).toBe(401);
  });

  it('should give an analyst the counts, every area and every ISO week of the period, zeros included', async () => {
    const { status, body } = await get<Dashboard>('?from=2026-10-12&to=2026-11-08');
    expect(status).toBe(200);
    expect(body.filter).toEqual({ from: '2026-10-12', to: '2026-11-08', basis: 'primary' });
    expect(body.total).toBe(3);
    expect(body.weeks).toEqual([
      { week: '2026-W42', start: '2026-10-12', count: 0 },
      { week: '2026-W43', start: '2026-10-19', count: 1 },
      { week: '2026-W44', start: '2026-10-26', count: 1 },
      { week: '2026-W45', start: '2026-11-02', count: 1 },
    ]);
    const areas = await t.store.listAreas();
    expect(body.byArea).toHaveLength(areas.length);
    expect(body.byArea.filter((r) => r.count > 0)).toEqual([
      { key: '11319', count: 2 },
      { key: '37302', count: 1 },
    ]);
    expect(body.untagged).toBe(0);
    expect(body.byDistrict.filter((r) => r.count > 0)).toEqual([
      { key: 'Innerstaden', count: 2 },
      { key: 'Söder', count: 1 },
    ]);
    expect(body.byDistrict.length).toBe(new Set(areas.map((a) => a.district)).size);
    expect(body.byInsats).toEqual([{ key: 'exempel-tryggare-malmo', count: 3 }]);
    expect(body.byKind).toEqual([
      { key: 'answer', count: 2 },
      { key: 'comment', count: 1 },
      { key: 'proposal', count: 0 },
    ]);
    expect(body.byGroup.filter((r) => r.count > 0)).toEqual([
      { key: 'youth', count: 2 },
      { key: 'resident', count: 1 },
    ]);
    expect(body.byAgeBand).toEqual([
      { key: null, count: 1 },
      { key: '16-19', count: 2 },
    ]);
  });

  it('should combine filters: an insats and a stadsområde, one area and a group, a short period', async () => {
    const inner = await get<Dashboard>(
      '?insats=exempel-tryggare-malmo&district=Innerstaden&from=2026-10-01&to=2026-11-30',
    );
    expect(inner.body.total).toBe(2);
    expect(inner.body.byDistrict.filter((r) => r.count > 0)).toEqual([{ key: 'Innerstaden', count: 2 }]);
    const resident = await get<Dashboard>('?area=37302&group=resident&from=2026-10-01&to=2026-11-30');
    expect(resident.body.total).toBe(1);
    const week44 = await get<Dashboard>('?from=2026-10-26&to=2026-11-01');
    expect(week44.body.total).toBe(1);
    expect(week44.body.weeks).toEqual([{ week: '2026-W44', start: '2026-10-26', count: 1 }]);
  });

  it('should default to the last 365 days up to today in Malmö', async () => {
    const { body } = await get<Dashboard>('');
    expect(body.filter).toEqual({ from: '2025-11-25', to: '2026-11-24', basis: 'primary' });
    expect(body.total).toBe(3);
    expect(body.weeks[0]).toEqual({ week: '2025-W48', start: '2025-11-24', count: 0 });
    expect(body.weeks.at(-1)).toEqual({ week: '2026-W48', start: '2026-11-23', count: 0 });
  });

  it('should answer 400 problem+json for a bad filter', async () => {
    for (const query of [
      '?foo=1',
      '?area=11319&district=Innerstaden',
      '?from=2026-11-02&to=2026-11-01',
      '?from=2026-02-30',
      '?district=Atlantis',
      '?area=99999',
      '?group=aliens',
      '?basis=some',
      '?from=2020-01-01&to=2026-01-01',
    ]) {
      const res = await get<{ errors: unknown[] }>(query);
      expect(res.status, query).toBe(400);
      expect(res.type).toBe('application/problem+json');
      expect(res.body.errors.length, query).toBeGreaterThan(0);
    }
    expect((await get('/answers')).status).toBe(400);
    expect((await get('/answers?insats=none')).status).toBe(400);
  });

  it('should give the answer distribution of each question version', async () => {
    const { status, body } = await get<AnswerDistribution>(
      '/answers?insats=exempel-tryggare-malmo&from=2026-10-01&to=2026-11-30',
    );
    expect(status).toBe(200);
    const ute = body.questions.find((q) => q.questionId === 'trygg-ute');
    expect(ute?.answered).toBe(2);
    expect(ute?.options.map((o) => [o.id, o.count])).toEqual([
      ['varje-dag', 0],
      ['varje-vecka', 1],
      ['sallan', 1],
    ]);
    const vad = body.questions.find((q) => q.questionId === 'trygg-vad');
    expect(vad?.answered).toBe(1);
    expect(vad?.options.filter((o) => o.count > 0).map((o) => o.id)).toEqual(['ljus', 'platser']);
    const kvall = body.questions.find((q) => q.questionId === 'trygg-kvall');
    // The steps by the words of the version answered, then "don't know" (offered, not answered).
    expect(kvall?.options.map((o) => [o.id, o.label?.sv ?? null, o.count])).toEqual([
      ['1', 'Inte alls trygg', 0],
      ['2', null, 0],
      ['3', 'Mittemellan', 1],
      ['4', null, 0],
      ['5', 'Mycket trygg', 0],
      ['dont-know', 'Vet inte', 0],
    ]);
    // Filtered to the resident in Glostorp: only their answer.
    const one = await get<AnswerDistribution>(
      '/answers?insats=exempel-tryggare-malmo&group=resident&from=2026-10-01',
    );
    expect(one.body.questions.find((q) => q.questionId === 'trygg-ute')?.answered).toBe(1);
    expect(one.body.questions.find((q) => q.questionId === 'trygg-vad')?.answered).toBe(0);
  });
});
