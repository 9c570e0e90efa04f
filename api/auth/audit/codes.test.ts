/**
 * Every audit event code the API writes has a sentence in the staff audit log (client/staff/views/audit/sentences.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODERATION_ACTIONS } from '../../../common/wire/moderation.ts';
import { AUDIT_PHRASES, hasPhrase } from '../../../client/staff/views/audit/sentences.ts';

const API = join(import.meta.dirname, '../..');

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

describe('audit event codes', () => {
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
});
