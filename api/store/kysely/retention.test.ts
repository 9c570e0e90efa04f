import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, TRYGGARE, testStore } from '../../test/index.ts';
import { AUDIT_APPEND_ONLY } from '../migrations/0006_staff.ts';
import { TEST_ACTOR, testSubmission } from '../testing.ts';
import type { AuditRecord, RetentionCutoffs } from '../types.ts';
import { retentionCutoffs } from './retention.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const NONE: RetentionCutoffs = {
  contactsBefore: null,
  deviceIdsBefore: null,
  mailBefore: null,
  submissionsBefore: null,
  auditBefore: null,
};
const OLD = '2025-01-10T10:00:00.000Z';
const NEW = '2026-11-10T10:00:00.000Z';
const CUTOFF = '2026-01-01T00:00:00.000Z';

function auditAt(at: string): AuditRecord {
  return {
    id: randomUUID(),
    at,
    actorId: null,
    actorLabel: 'test',
    action: 'user.update',
    targetType: 'user',
    targetId: 'u',
    before: null,
    after: null,
    requestId: null,
  };
}

describe('retentionCutoffs', () => {
  it('should count months and days back from now, and keep public records without a decision', () => {
    const now = new Date('2026-03-31T12:00:00.000Z');
    expect(retentionCutoffs(DEFAULT_SETTINGS.retention, now)).toEqual({
      contactsBefore: '2025-03-31T12:00:00.000Z',
      deviceIdsBefore: '2026-03-01T12:00:00.000Z',
      mailBefore: '2026-03-01T12:00:00.000Z',
      submissionsBefore: null,
      auditBefore: null,
    });
    const decided = {
      ...DEFAULT_SETTINGS.retention,
      contactMonths: 1,
      submissionMonths: 36,
      auditMonths: 120,
      gallringsbeslut: 'KS-1',
    };
    // 31 March minus one month is the last day of February.
    expect(retentionCutoffs(decided, now)).toMatchObject({
      contactsBefore: '2026-02-28T12:00:00.000Z',
      submissionsBefore: '2023-03-31T12:00:00.000Z',
      auditBefore: '2016-03-31T12:00:00.000Z',
    });
    expect(retentionCutoffs({ ...decided, gallringsbeslut: null }, now)).toMatchObject({
      submissionsBefore: null,
      auditBefore: null,
    });
  });
});

describe.each(STORE_KINDS)('retention in the %s store', (kind) => {
  it('should delete old contact details and blank old device ids, leaving newer ones and the submissions', async () => {
    ctx = await testStore({ kind });
    const contact = { email: 'anna@example.com', phone: null, consentVersion: 'v1' };
    const old = testSubmission({ receivedAt: OLD, contact, deviceId: 'device-old-000001' });
    const recent = testSubmission({ receivedAt: NEW, contact, deviceId: 'device-new-000001' });
    await ctx.store.saveSubmissions([old, recent]);
    const result = await ctx.store.applyRetention(
      { ...NONE, contactsBefore: CUTOFF, deviceIdsBefore: CUTOFF },
      TEST_ACTOR,
    );
    expect(result).toMatchObject({ contacts: 1, deviceIds: 1, submissions: 0, audit: 0 });
    expect(await ctx.store.getSubmissionContact(old.id)).toBeNull();
    expect(await ctx.store.getSubmissionContact(recent.id)).toEqual(contact);
    expect((await ctx.store.getSubmission(old.id))?.deviceId).toBe('');
    expect((await ctx.store.getSubmission(recent.id))?.deviceId).toBe('device-new-000001');
    // Run again: nothing left to do.
    const later = { ...TEST_ACTOR, at: '2026-11-21T12:00:00.000Z' };
    expect(
      await ctx.store.applyRetention({ ...NONE, contactsBefore: CUTOFF, deviceIdsBefore: CUTOFF }, later),
    ).toMatchObject({
      contacts: 0,
      deviceIds: 0,
    });
    const [audit] = await ctx.store.listAudit({ action: 'retention.apply', limit: 5 });
    expect(audit?.after).toMatchObject({ result: { contacts: 0 } });
  });

  it('should delete old sent e-mails only', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const mail = (createdAt: string) => ({
      id: randomUUID(),
      key: randomUUID(),
      kind: 'answer',
      recipient: 'anna@example.com',
      subject: 's',
      text: 't',
      html: null,
      createdAt,
    });
    const sent = mail(OLD);
    const waiting = mail(OLD);
    const fresh = mail(NEW);
    for (const m of [sent, waiting, fresh]) await ctx.store.enqueueMail(m);
    await ctx.store.claimMail('s', OLD, 1000, 10);
    await ctx.store.markMailSent(sent.id, 's', OLD);
    await ctx.store.claimMail('s', NEW, 1000, 10);
    await ctx.store.markMailSent(fresh.id, 's', NEW);
    expect(await ctx.store.applyRetention({ ...NONE, mailBefore: CUTOFF }, TEST_ACTOR)).toMatchObject({
      mail: 1,
    });
    const left = await ctx.query<{ id: string }>('SELECT id FROM mail_outbox ORDER BY created_at');
    expect(left.map((r) => r.id).sort()).toEqual([waiting.id, fresh.id].sort());
  });

  it('should delete old submissions with everything attached to them, and nothing newer', async () => {
    ctx = await testStore({ kind });
    const parts = {
      contact: { email: 'anna@example.com', phone: null, consentVersion: 'v1' },
      answers: [{ questionId: TRYGGARE.text, questionVersion: 1, value: 'Ring 070-123 45 67' }],
      flags: [
        { kind: 'phone' as const, field: `answers.${TRYGGARE.text}`, start: 5, end: 18, duplicateOf: null },
      ],
    };
    const old = testSubmission({ kind: 'answer', receivedAt: OLD, ...parts });
    const recent = testSubmission({ kind: 'answer', receivedAt: NEW, ...parts });
    await ctx.store.saveSubmissions([old, recent]);
    for (const s of [old, recent]) {
      await ctx.store.answerSubmission(s.id, 'Tack!', TEST_ACTOR);
      await ctx.store.redactSubmission(
        s.id,
        `answers.${TRYGGARE.text}`,
        [{ start: 5, end: 18 }],
        'restricted',
        TEST_ACTOR,
      );
      await ctx.store.setSubmissionArea(s.id, '11320', TEST_ACTOR);
    }
    const count = async (id: string) => {
      const tables = [
        'submissions',
        'submission_answers',
        'tags',
        'contacts',
        'official_answers',
        'redactions',
        'restricted_originals',
      ];
      let n = 0;
      for (const table of tables) {
        const column = table === 'submissions' ? 'id' : 'submission_id';
        const [row] =
          (await ctx?.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`, id)) ??
          [];
        n += Number(row?.n ?? 0);
      }
      return n;
    };
    const before = await count(recent.id);
    expect(await count(old.id)).toBe(before);
    expect(await ctx.store.applyRetention({ ...NONE, submissionsBefore: CUTOFF }, TEST_ACTOR)).toMatchObject({
      submissions: 1,
    });
    expect(await count(old.id)).toBe(0);
    expect(await count(recent.id)).toBe(before);
    expect(await ctx.store.getSubmission(old.id)).toBeUndefined();
  });

  it('should delete only audit rows older than the cutoff, and the database still refuses the rest', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const old = [auditAt('2020-01-01T00:00:00.000Z'), auditAt('2020-06-01T00:00:00.000Z')];
    const kept = auditAt('2024-01-01T00:00:00.000Z');
    const recent = auditAt(new Date().toISOString());
    await ctx.store.recordAudit([...old, kept, recent]);
    // Before any retention, no row may be deleted at all.
    await expect(ctx.query('DELETE FROM audit_log WHERE id = ?', old[0]?.id)).rejects.toThrow(
      AUDIT_APPEND_ONLY,
    );

    const result = await ctx.store.applyRetention(
      { ...NONE, auditBefore: '2021-01-01T00:00:00.000Z' },
      TEST_ACTOR,
    );
    expect(result).toMatchObject({ audit: 2, auditCutoff: '2021-01-01T00:00:00.000Z' });
    const ids = (await ctx.store.listAudit({ limit: 50 })).map((a) => a.id);
    expect(ids).not.toContain(old[0]?.id);
    expect(ids).toEqual(expect.arrayContaining([kept.id, recent.id]));
    // Newer rows stay as protected as before; no row may ever be changed.
    await expect(ctx.query('DELETE FROM audit_log WHERE id = ?', kept.id)).rejects.toThrow(AUDIT_APPEND_ONLY);
    await expect(ctx.query("UPDATE audit_log SET action = 'x' WHERE id = ?", kept.id)).rejects.toThrow(
      AUDIT_APPEND_ONLY,
    );

    // A cutoff in the future is cut back: the last 30 days are never deleted, whatever is asked.
    const far = await ctx.store.applyRetention(
      { ...NONE, auditBefore: '2999-01-01T00:00:00.000Z' },
      TEST_ACTOR,
    );
    expect(far.auditCutoff && far.auditCutoff < new Date().toISOString()).toBe(true);
    const left = (await ctx.store.listAudit({ limit: 50 })).map((a) => a.id);
    expect(left).not.toContain(kept.id);
    expect(left).toContain(recent.id);
    // Even writing the cutoff table by hand does not unlock recent rows.
    await ctx.query('UPDATE audit_retention SET cutoff = ? WHERE id = 1', '2999-01-01T00:00:00.000Z');
    await expect(ctx.query('DELETE FROM audit_log WHERE id = ?', recent.id)).rejects.toThrow(
      AUDIT_APPEND_ONLY,
    );
    if (kind === 'postgres') await expect(ctx.query('TRUNCATE audit_log')).rejects.toThrow(AUDIT_APPEND_ONLY);
  });
});
