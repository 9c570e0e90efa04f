import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../common/wire/staff.ts';
import { auditChanges, auditSentence } from './sentences.ts';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 'a1',
  at: '2026-11-01T09:00:00.000Z',
  actor: { id: 'u1', label: 'anna.berg@malmo.se' },
  action: 'submission.approve',
  target: { type: 'submission', id: 's1' },
  before: null,
  after: null,
  ...over,
});

describe('the audit log as sentences', () => {
  it('should say who, what and why', () => {
    const names = new Map([['u1', 'Anna Berg']]);
    const rejected = entry({
      action: 'submission.reject',
      after: { status: 'rejected', reason: 'Personuppgifter', reasonTemplateId: 't1' },
    });
    expect(auditSentence(rejected, 'sv', names)).toBe('Anna Berg avvisade ett inlägg: Personuppgifter');
    expect(auditSentence(rejected, 'en', names)).toBe('Anna Berg rejected a post: Personuppgifter');
    // Without a display name: the label the log kept.
    expect(auditSentence(entry({}), 'sv')).toBe('anna.berg@malmo.se godkände ett inlägg');
    const failed = entry({
      actor: { id: null, label: 'anonymous' },
      action: 'session.login_failed',
      after: { reason: 'wrong-password' },
    });
    expect(auditSentence(failed, 'sv')).toBe(
      'Någon som inte var inloggad misslyckades att logga in: fel lösenord',
    );
    expect(auditSentence(entry({ action: 'made.up' }), 'en')).toContain('(made.up)');
  });

  it('should list only the fields that changed', () => {
    expect(auditChanges({ role: 'moderator', active: true }, { role: 'admin', active: true })).toEqual([
      { field: 'role', before: 'moderator', after: 'admin' },
    ]);
    expect(auditChanges(null, { text: 'Tack!' })).toEqual([
      { field: 'text', before: undefined, after: 'Tack!' },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges({ status: 'pending' }, { status: 'approved', reasonTemplateId: null })).toEqual([
      { field: 'status', before: 'pending', after: 'approved' },
    ]);
    expect(auditChanges([1], [2])).toEqual([{ field: 'value', before: [1], after: [2] }]);
  });
});
