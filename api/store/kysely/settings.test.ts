import { afterEach, describe, expect, it } from 'vitest';
import { addStaffUser, STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import type { AuditActor, Settings } from '../types.ts';
import { DEFAULT_SETTINGS, settingProblem } from './settings.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const ADMIN: AuditActor = {
  at: '2026-11-21T09:00:00.000Z',
  actorId: 'admin-1',
  actorLabel: 'admin@malmo.se',
  requestId: null,
};

describe('settingProblem', () => {
  it('should allow purge only with a gallringsbeslut reference', () => {
    expect(settingProblem('redaction', { mode: 'restricted' })).toBeUndefined();
    expect(settingProblem('redaction', { mode: 'purge', gallringsbeslut: 'KS-2026-123' })).toBeUndefined();
    expect(settingProblem('redaction', { mode: 'purge' })).toMatch(/gallringsbeslut/);
    expect(settingProblem('redaction', { mode: 'purge', gallringsbeslut: '  ' })).toMatch(/gallringsbeslut/);
    expect(settingProblem('redaction', { mode: 'erase' })).toBeDefined();
  });

  it('should want a decision before submissions or audit rows can be deleted, and sane periods', () => {
    const retention = DEFAULT_SETTINGS.retention;
    expect(settingProblem('retention', retention)).toBeUndefined();
    expect(settingProblem('retention', { ...retention, submissionMonths: 36 })).toMatch(/gallringsbeslut/);
    expect(
      settingProblem('retention', { ...retention, auditMonths: 60, gallringsbeslut: 'KS-1' }),
    ).toBeUndefined();
    expect(settingProblem('retention', { ...retention, deviceIdDays: 0 })).toBeDefined();
    expect(settingProblem('retention', { ...retention, contactMonths: 1.5 })).toBeDefined();
    expect(settingProblem('digest', { enabled: true, time: '24:00' })).toBeDefined();
    expect(settingProblem('digest', { enabled: false, time: '06:30' })).toBeUndefined();
    expect(settingProblem('colour', {})).toBeDefined();
  });
});

describe.each(STORE_KINDS)('settings in the %s store', (kind) => {
  it('should read the defaults until a setting is saved, then the saved value, audited', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    expect(await ctx.store.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.redaction).toEqual({ mode: 'restricted' });
    expect(DEFAULT_SETTINGS.retention).toMatchObject({
      contactMonths: 12,
      deviceIdDays: 30,
      submissionMonths: null,
      auditMonths: null,
    });

    const purge: Settings['redaction'] = { mode: 'purge', gallringsbeslut: 'KS-2026-123 §4' };
    expect(await ctx.store.saveSetting('redaction', purge, ADMIN)).toEqual({
      status: 'saved',
      before: { mode: 'restricted' },
      after: purge,
    });
    expect(await ctx.store.saveSetting('redaction', purge, ADMIN)).toEqual({
      status: 'unchanged',
      value: purge,
    });
    expect(
      await ctx.store.saveSetting('redaction', { mode: 'purge' } as Settings['redaction'], ADMIN),
    ).toMatchObject({ status: 'invalid' });
    expect((await ctx.reopen().getSettings()).redaction).toEqual(purge);

    const [audit] = await ctx.store.listAudit({ action: 'settings.update', limit: 5 });
    expect(audit).toMatchObject({
      targetType: 'settings',
      targetId: 'redaction',
      before: { mode: 'restricted' },
      after: purge,
    });
    expect(await ctx.store.listAudit({ action: 'settings.update', limit: 5 })).toHaveLength(1);
  });

  it('should complete a stored value that lacks newer fields with their defaults', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    await ctx.query(
      'INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)',
      'retention',
      JSON.stringify({ contactMonths: 6, unknown: 1 }),
      ADMIN.at,
      null,
    );
    expect((await ctx.store.getSettings()).retention).toEqual({
      ...DEFAULT_SETTINGS.retention,
      contactMonths: 6,
    });
  });

  it('should keep the digest opt-in per staff member and list only active moderators and admins', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const moderator = await addStaffUser(ctx.store, {
      email: 'mod@malmo.se',
      role: 'moderator',
      password: null,
    });
    const analyst = await addStaffUser(ctx.store, {
      email: 'analys@malmo.se',
      role: 'analyst',
      password: null,
    });
    const gone = await addStaffUser(ctx.store, {
      email: 'gone@malmo.se',
      role: 'admin',
      password: null,
      active: false,
    });
    expect(await ctx.store.digestRecipients()).toEqual([]);
    for (const user of [moderator, analyst, gone])
      expect(await ctx.store.setDigestOptIn(user.id, true, ADMIN)).toEqual({
        status: 'saved',
        before: false,
        after: true,
      });
    expect(await ctx.store.setDigestOptIn(moderator.id, true, ADMIN)).toEqual({
      status: 'unchanged',
      value: true,
    });
    expect(await ctx.store.setDigestOptIn('nobody', true, ADMIN)).toEqual({ status: 'not-found' });
    expect(await ctx.store.digestRecipients()).toEqual([
      { id: moderator.id, email: 'mod@malmo.se', name: 'mod', role: 'moderator' },
    ]);
    expect(
      await ctx.store.listAudit({ action: 'user.digest', targetId: moderator.id, limit: 5 }),
    ).toMatchObject([{ before: { digest: false }, after: { digest: true } }]);
  });
});
