import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testSubmission } from '../../store/testing.ts';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import { RETENTION_LEASE, runRetention, startRetentionJob } from './index.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(STORE_KINDS)('retention job (%s)', (kind) => {
  let ctx: TestStore;
  beforeEach(async () => {
    ctx = await testStore({ kind });
  });
  afterEach(() => ctx.close());

  const runs = async () => (await ctx.store.listAudit({ action: 'retention.apply', limit: 50 })).length;

  it('should delete contacts older than 12 months and blank device ids older than 30 days, keeping newer ones', async () => {
    const contact = (email: string) => ({ email, phone: null, consentVersion: 'v1' });
    const oldContact = testSubmission({
      receivedAt: '2025-11-01T10:00:00.000Z',
      contact: contact('gammal@example.org'),
    });
    const newContact = testSubmission({
      receivedAt: '2025-12-20T10:00:00.000Z',
      contact: contact('ny@example.org'),
    });
    const oldDevice = testSubmission({ receivedAt: iso(NOW - 40 * DAY), deviceId: 'device-gammal-0001' });
    const newDevice = testSubmission({ receivedAt: iso(NOW - 10 * DAY), deviceId: 'device-ny-00000001' });
    await ctx.store.saveSubmissions([oldContact, newContact, oldDevice, newDevice]);

    const outcome = await runRetention(ctx.store, { now: NOW, holder: 'test' });
    expect(outcome).toMatchObject({ status: 'applied', result: { contacts: 1 } });

    expect(await ctx.store.getSubmissionContact(oldContact.id)).toBeNull();
    expect(await ctx.store.getSubmissionContact(newContact.id)).toMatchObject({ email: 'ny@example.org' });
    expect((await ctx.store.getSubmission(oldDevice.id))?.deviceId).toBe('');
    expect((await ctx.store.getSubmission(newDevice.id))?.deviceId).toBe('device-ny-00000001');
    // Submissions themselves stay: no gallringsbeslut is recorded.
    expect(await ctx.store.getSubmission(oldContact.id)).toBeDefined();

    const [row] = await ctx.store.listAudit({ action: 'retention.apply', limit: 1 });
    expect(row).toMatchObject({ actorId: null, actorLabel: 'system', at: iso(NOW) });
    expect(JSON.stringify(row)).not.toContain('gammal@example.org');
  });

  it('should run at most once per Stockholm day, and again the next day', async () => {
    expect((await runRetention(ctx.store, { now: NOW, holder: 'a' })).status).toBe('applied');
    expect((await runRetention(ctx.store, { now: NOW + 3 * 3_600_000, holder: 'b' })).status).toBe(
      'done-today',
    );
    // 23:30 UTC is 00:30 the next day in Stockholm.
    expect(
      (await runRetention(ctx.store, { now: Date.parse('2026-11-24T23:30:00Z'), holder: 'a' })).status,
    ).toBe('applied');
    expect(await runs()).toBe(2);
  });

  it('should leave the run to the instance holding the lease', async () => {
    expect(await ctx.store.claimLease(RETENTION_LEASE, 'other', 60_000)).toBe(true);
    expect(await runRetention(ctx.store, { now: NOW, holder: 'me' })).toEqual({ status: 'busy' });
    expect(await runs()).toBe(0);
  });

  it('should run once a day with the jobs of two instances on the same database', async () => {
    let clock = NOW;
    const applied: number[] = [];
    const jobs = [ctx.store, ctx.reopen()].map((store, i) =>
      startRetentionJob({ store, now: () => clock, intervalMs: 5, onApplied: () => applied.push(i) }),
    );
    const settle = async (count: number) => {
      const until = Date.now() + 5_000;
      while ((await runs()) < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      // Both jobs keep checking for a while after the run.
      await new Promise((r) => setTimeout(r, 300));
    };
    try {
      await settle(1);
      expect(await runs()).toBe(1);
      clock += DAY;
      await settle(2);
      expect(await runs()).toBe(2);
    } finally {
      for (const job of jobs) await job.stop();
    }
    expect(applied).toHaveLength(2);
  });
});
