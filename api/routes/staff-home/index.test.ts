import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueCount, StaffHome } from '../../../common/wire/moderation.ts';
import {
  addStaffUser,
  type Signed,
  send,
  signIn,
  STORE_KINDS,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';
import { ownComment } from '../staff-queue/testing.ts';

const DAY = 86_400_000;

describe.each(STORE_KINDS)('GET /api/staff/home on %s', (kind) => {
  let t: TestApp;
  let moderator: Signed;
  let analyst: Signed;
  let clock = Date.parse('2026-11-01T09:00:00.000Z');
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: true, now: () => clock });
    const contact = { email: 'ung.person@example.se', consentVersion: 'v1' };
    // Ten days before "now": one plain, one flagged, one with a contact (answered later), one with a contact.
    await send(t, [
      ownComment('Fler bänkar i parken, tack.'),
      ownComment('Ring mig på 070-123 45 67 om lekplatsen.'),
      ownComment('Varför är det mörkt i tunneln?', { contact }),
      ownComment('När öppnar fritidsgården?', { contact }),
    ]);
    clock += 10 * DAY;
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    await addStaffUser(t.store, { email: 'analyst@malmo.se', role: 'analyst' });
    moderator = await signIn(t.app, 'moderator@malmo.se');
    analyst = await signIn(t.app, 'analyst@malmo.se');
    // Today: a fresh one with a contact.
    await send(t, [ownComment('Mer belysning vid skolan.', { contact })]);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async <T>(path: string, who = moderator) => {
    const res = await t.app.request(path, { headers: { Cookie: who.cookie } });
    return { status: res.status, body: (await res.json()) as T };
  };

  it('should count what needs doing, each with a queue query that lists exactly those items', async () => {
    const before = await get<StaffHome>('/api/staff/home');
    expect(before.status).toBe(200);
    expect(before.body.waitingDays).toBe(7);
    expect(before.body.pending.count).toBe(5);
    expect(before.body.flagged.count).toBe(1);
    expect(before.body.waiting.count).toBe(4);
    expect(before.body.awaitingAnswer.count).toBe(3);
    // An official answer takes an item off the "answers not yet given" count.
    const { body: page } = await get<{ items: { id: string; text: string }[] }>(
      `/api/staff/queue?${before.body.awaitingAnswer.query}`,
    );
    const tunnel = page.items.find((i) => i.text.includes('tunneln'));
    expect(tunnel).toBeDefined();
    const answered = await t.app.request(`/api/staff/submissions/${tunnel?.id}/answer`, {
      method: 'PUT',
      headers: { ...staffHeaders(moderator), 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Vi byter belysningen i december.' }),
    });
    expect(answered.status).toBe(200);
    const after = await get<StaffHome>('/api/staff/home?waitingDays=11');
    expect(after.body.awaitingAnswer.count).toBe(2);
    // Nothing has waited 11 days.
    expect(after.body.waiting.count).toBe(0);
    for (const entry of ['pending', 'flagged', 'waiting', 'awaitingAnswer'] as const) {
      const listed = await get<{ items: unknown[] }>(`/api/staff/queue?${after.body[entry].query}&limit=100`);
      const counted = await get<QueueCount>(`/api/staff/queue/count?${after.body[entry].query}`);
      expect(listed.status).toBe(200);
      expect(listed.body.items.length, entry).toBe(after.body[entry].count);
      expect(counted.body.count, entry).toBe(after.body[entry].count);
    }
  });

  it('should refuse a malformed waitingDays with problem+json, and analysts', async () => {
    for (const bad of ['0', '366', 'sju', '1.5']) {
      const res = await t.app.request(`/api/staff/home?waitingDays=${bad}`, {
        headers: { Cookie: moderator.cookie },
      });
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
    expect(
      (await t.app.request('/api/staff/home?other=1', { headers: { Cookie: moderator.cookie } })).status,
    ).toBe(400);
    // The queue's own filters refuse malformed values the same way.
    for (const bad of ['waitingDays=abc', 'waitingDays=0', 'waitingDays=366', 'awaitingAnswer=2'])
      expect((await get(`/api/staff/queue?${bad}`)).status, bad).toBe(400);
    expect((await get('/api/staff/home', analyst)).status).toBe(403);
    expect((await t.app.request('/api/staff/home')).status).toBe(401);
  });
});
