import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODERATION_ACTIONS } from '../../../../common/wire/moderation.ts';
import type { AuditEntry } from '../../../../common/wire/staff.ts';
import { AUDIT_PHRASES, auditChanges, auditSentence, hasPhrase } from './sentences.ts';

const API = join(import.meta.dirname, '../../../../api');

/** Every non-test TypeScript file under api/ that writes audit rows. */
function auditWriters(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : auditWriters(path);
    if (!e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) return [];
    const text = readFileSync(path, 'utf8');
    return /auditRow\(|audit\(c|exportAudit|action: '/.test(text) ? [path] : [];
  });
}

/**
 * Codes built from a variable, and every value that variable takes. A new template literal
 * that is not listed here fails the test (its codes cannot be checked).
 */
const TEMPLATES: Record<string, readonly string[]> = {
  'submission.${action}': MODERATION_ACTIONS.map((a) => `submission.${a}`),
  'insats.${transition}': ['insats.publish', 'insats.unpublish', 'insats.archive'],
};

/** Dotted literals in those files that are column references (`alias.column`, `table.column`), not codes. */
function isColumn(literal: string): boolean {
  const first = literal.split('.')[0] ?? '';
  return first.length <= 2 || ['excluded', 'indicators', 'insatser', 'questions'].includes(first);
}

/** Every audit event code the API source writes. */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of auditWriters(API)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['`]([a-z][a-z-]*(?:\.[a-z_${}-]+)+)['`]/g)) {
      const literal = m[1] ?? '';
      if (literal.includes('${')) {
        const expanded = TEMPLATES[literal];
        if (!expanded) throw new Error(`${file}: audit code template ${literal} is not listed in TEMPLATES`);
        for (const c of expanded) codes.add(c);
      } else if (!isColumn(literal) && !literal.endsWith('.ts')) codes.add(literal);
    }
  }
  return codes;
}

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
  it('should have a Swedish and an English phrase for every event code the API writes', () => {
    const codes = codesInSource();
    // The scan finds the codes (a broken scan would pass with none).
    expect(codes.size).toBeGreaterThan(40);
    for (const known of ['submission.reject', 'user.create', 'export.contacts.done', 'insats.archive'])
      expect(codes).toContain(known);
    const missing = [...codes].filter((c) => !hasPhrase(c));
    expect(missing, 'audit codes without a sentence').toEqual([]);
    for (const code of codes) {
      expect(AUDIT_PHRASES[code]?.sv.trim(), code).toBeTruthy();
      expect(AUDIT_PHRASES[code]?.en.trim(), code).toBeTruthy();
    }
    // And no phrase for a code that no longer exists.
    expect(Object.keys(AUDIT_PHRASES).filter((c) => !codes.has(c))).toEqual([]);
  });

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
    expect(auditSentence(failed, 'sv')).toBe('Någon som inte var inloggad misslyckades att logga in: fel lösenord');
    expect(auditSentence(entry({ action: 'made.up' }), 'en')).toContain('(made.up)');
  });

  it('should list only the fields that changed', () => {
    expect(auditChanges({ role: 'moderator', active: true }, { role: 'admin', active: true })).toEqual([
      { field: 'role', before: 'moderator', after: 'admin' },
    ]);
    expect(auditChanges(null, { text: 'Tack!' })).toEqual([{ field: 'text', before: undefined, after: 'Tack!' }]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges([1], [2])).toEqual([{ field: 'value', before: [1], after: [2] }]);
  });
});
