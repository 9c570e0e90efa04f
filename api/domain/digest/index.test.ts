import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ACTOR, testSubmission } from '../../store/testing.ts';
import { addStaffUser, STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import { queueDigest, startDigestScheduler } from './index.ts';

const URL = 'https://delta.example.se';

describe.each(STORE_KINDS)('staff digest (%s)', (kind) => {
  let ctx: TestStore;
  beforeEach(async () => {
    ctx = await testStore({ kind });
  });
  afterEach(() => ctx.close());

  async function digestRows() {
    return ctx.query<{ dedup_key: string; recipient: string; subject: string; body_text: string }>(
      "SELECT dedup_key, recipient, subject, body_text FROM mail_outbox WHERE kind = 'digest' ORDER BY dedup_key",
    );
  }

  async function setUp() {
    await ctx.store.saveSetting('digest', { enabled: true, time: '07:00' }, TEST_ACTOR);
    const moderator = await addStaffUser(ctx.store, { email: 'moderator@example.se', role: 'moderator' });
    const admin = await addStaffUser(ctx.store, { email: 'admin@example.se', role: 'admin' });
    await addStaffUser(ctx.store, { email: 'tyst@example.se', role: 'moderator' });
    await ctx.store.setDigestOptIn(moderator.id, true, TEST_ACTOR);
    await ctx.store.setDigestOptIn(admin.id, true, TEST_ACTOR);
    // Two pending items, one flagged; a proposal received the day before the digest.
    await ctx.store.saveSubmissions([
      testSubmission({
        text: 'Ring mig på 070-123 45 67',
        receivedAt: '2026-11-23T12:00:00.000Z',
        flags: [{ kind: 'phone', field: 'text', start: 11, end: 25, duplicateOf: null }],
      }),
      testSubmission({
        kind: 'proposal',
        title: 'Hemligt förslag',
        text: 'Bygg en bro',
        insatsId: null,
        receivedAt: '2026-11-23T12:00:00.000Z',
      }),
    ]);
    return { moderator, admin };
  }

  it('should queue one digest per opted-in recipient at the set time, counts only, once a day', async () => {
    const { moderator, admin } = await setUp();
    // 06:30 in Stockholm (UTC+1 in November): not yet.
    expect(await queueDigest(ctx.store, { now: Date.parse('2026-11-24T05:30:00Z'), publicUrl: URL })).toEqual(
      {
        status: 'not-yet',
      },
    );
    expect(await digestRows()).toEqual([]);

    const at = Date.parse('2026-11-24T06:01:00Z');
    expect(await queueDigest(ctx.store, { now: at, publicUrl: URL })).toMatchObject({
      status: 'due',
      date: '2026-11-24',
      recipients: 2,
      queued: 2,
    });
    // Asked again the same day: nothing more.
    expect(await queueDigest(ctx.store, { now: at + 3_600_000, publicUrl: URL })).toMatchObject({
      queued: 0,
    });
    const rows = await digestRows();
    expect(rows.map((r) => r.dedup_key).sort()).toEqual(
      [`digest:2026-11-24:${moderator.id}`, `digest:2026-11-24:${admin.id}`].sort(),
    );
    const body = rows[0]?.body_text ?? '';
    expect(body).toContain('Flaggade inspel som väntar på granskning: 1');
    expect(body).toContain('Inspel som väntar på granskning totalt: 2');
    expect(body).toContain('Nya förslag sedan förra sammanfattningen: 1');
    expect(body).toContain('https://delta.example.se/personal/granska');
    expect(body).not.toContain('070');
    expect(body).not.toContain('Hemligt');
    expect(rows.map((r) => r.recipient)).not.toContain('tyst@example.se');

    // The next day's digest: proposals of the day before no longer count as new.
    await queueDigest(ctx.store, { now: at + 86_400_000, publicUrl: URL });
    const next = (await digestRows()).filter((r) => r.dedup_key.startsWith('digest:2026-11-25:'));
    expect(next).toHaveLength(2);
    expect(next[0]?.body_text).toContain('Nya förslag sedan förra sammanfattningen: 0');
  });

  it("should count for a moderator given nämnder only those nämnders' input", async () => {
    await setUp();
    const fritid = await addStaffUser(ctx.store, {
      email: 'fritid@example.se',
      role: 'moderator',
      namnder: ['fritidsnamnden'],
    });
    const skola = await addStaffUser(ctx.store, {
      email: 'skola@example.se',
      role: 'moderator',
      namnder: ['grundskolenamnden'],
      inputWithoutInsats: true,
    });
    await ctx.store.setDigestOptIn(fritid.id, true, TEST_ACTOR);
    await ctx.store.setDigestOptIn(skola.id, true, TEST_ACTOR);
    await queueDigest(ctx.store, { now: Date.parse('2026-11-24T06:01:00Z'), publicUrl: URL });
    const rows = await digestRows();
    const bodyOf = (email: string) => rows.find((r) => r.recipient === email)?.body_text ?? '';
    // The flagged comment is about Tryggare Malmö (fritidsnämnden among others); the proposal about no insats.
    expect(bodyOf('fritid@example.se')).toContain('Inspel som väntar på granskning totalt: 1');
    expect(bodyOf('fritid@example.se')).toContain('Nya förslag sedan förra sammanfattningen: 0');
    expect(bodyOf('skola@example.se')).toContain('Flaggade inspel som väntar på granskning: 0');
    expect(bodyOf('skola@example.se')).toContain('Nya förslag sedan förra sammanfattningen: 1');
    expect(bodyOf('admin@example.se')).toContain('Inspel som väntar på granskning totalt: 2');
  });

  it('should queue nothing when the digest is turned off', async () => {
    await setUp();
    await ctx.store.saveSetting('digest', { enabled: false, time: '07:00' }, TEST_ACTOR);
    expect(await queueDigest(ctx.store, { now: Date.parse('2026-11-24T12:00:00Z'), publicUrl: URL })).toEqual(
      {
        status: 'off',
      },
    );
    expect(await digestRows()).toEqual([]);
  });

  it('should queue each digest once when two instances run the scheduler at the same moment', async () => {
    await setUp();
    const clock = Date.parse('2026-11-24T06:00:30Z');
    const queued: number[] = [];
    const schedulers = [ctx.store, ctx.reopen()].map((store) =>
      startDigestScheduler({
        store,
        publicUrl: URL,
        now: () => clock,
        intervalMs: 10,
        onQueued: (n) => queued.push(n),
      }),
    );
    try {
      const until = Date.now() + 5_000;
      while ((await digestRows()).length < 2 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      for (const s of schedulers) await s.stop();
    }
    expect(await digestRows()).toHaveLength(2);
    expect(queued.reduce((a, b) => a + b, 0)).toBe(2);
  });
});
