import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import { SEEDED_REASON_TEMPLATES } from '../migrations/0007_moderation.ts';
import type { AuditActor, ReasonTemplate } from '../types.ts';

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

describe.each(STORE_KINDS)('reason templates in the %s store', (kind) => {
  it('should start with the seeded templates, Swedish and English, in order', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const templates = await ctx.store.listReasonTemplates();
    expect(templates.map((t) => t.id)).toEqual(SEEDED_REASON_TEMPLATES.map((t) => t.id));
    expect(templates.map((t) => t.id)).toEqual([
      'personuppgifter',
      'krankande',
      'inte-relevant',
      'dubblett',
      'reklam',
    ]);
    for (const t of templates) {
      expect(t.label.sv).not.toBe('');
      expect(t.text.en).not.toBe('');
      expect(t.active).toBe(true);
    }
  });

  it('should create, change, deactivate and delete templates, each audited', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const template: Omit<ReasonTemplate, 'createdAt' | 'updatedAt'> = {
      id: 'fel-kanal',
      position: 5,
      active: true,
      label: { sv: 'Fel kanal', en: 'Wrong channel' },
      text: { sv: 'Felanmälan görs på malmo.se/felanmalan.' },
    };
    const created = await ctx.store.saveReasonTemplate(template, ADMIN);
    expect(created).toMatchObject({
      status: 'saved',
      before: null,
      after: { ...template, createdAt: ADMIN.at },
    });
    expect((await ctx.store.listReasonTemplates())[0]?.id).toBe('fel-kanal');
    // The same content in another key order is no change.
    const reordered = { ...template, label: { en: 'Wrong channel', sv: 'Fel kanal' } };
    expect(await ctx.store.saveReasonTemplate(reordered, ADMIN)).toMatchObject({ status: 'unchanged' });

    const later = { ...ADMIN, at: '2026-11-22T09:00:00.000Z' };
    const changed = await ctx.store.saveReasonTemplate({ ...template, active: false }, later);
    expect(changed).toMatchObject({
      status: 'saved',
      after: { active: false, createdAt: ADMIN.at, updatedAt: later.at },
    });
    expect((await ctx.store.listReasonTemplates()).map((t) => t.id)).not.toContain('fel-kanal');
    expect((await ctx.store.listReasonTemplates({ includeInactive: true })).map((t) => t.id)).toContain(
      'fel-kanal',
    );

    expect(await ctx.store.deleteReasonTemplate('fel-kanal', later)).toBe(true);
    expect(await ctx.store.deleteReasonTemplate('fel-kanal', later)).toBe(false);
    const audit = await ctx.store.listAudit({ targetType: 'reason-template', limit: 10 });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'reason-template.delete',
      'reason-template.save',
      'reason-template.save',
    ]);
  });

  it('should refuse a template without Swedish, with a bad id, or with overlong text', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const base = { id: 'ok', position: 1, active: true, label: { sv: 'A' }, text: { sv: 'B' } };
    for (const bad of [
      { ...base, label: { sv: ' ', en: 'A' } },
      { ...base, text: { en: 'B' } as unknown as { sv: string } },
      { ...base, id: 'Med Mellanslag' },
      { ...base, text: { sv: 'x'.repeat(2001) } },
      { ...base, position: 1.5 },
    ]) {
      expect(await ctx.store.saveReasonTemplate(bad, ADMIN)).toMatchObject({ status: 'invalid' });
    }
    expect(await ctx.store.listAudit({ targetType: 'reason-template', limit: 10 })).toEqual([]);
  });
});
