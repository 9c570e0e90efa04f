import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import { AUDIT_APPEND_ONLY } from '../migrations/0006_staff.ts';
import type { AuditQuery, AuditRecord } from '../types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

function entry(over: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: randomUUID(),
    at: '2026-11-20T10:00:00.000Z',
    actorId: 'admin-1',
    actorLabel: 'admin@malmo.se',
    action: 'user.update',
    targetType: 'user',
    targetId: 'user-1',
    before: { role: 'analyst' },
    after: { role: 'moderator' },
    requestId: 'req-1',
    ...over,
  };
}

/** Newest first, as listAudit promises: by `at`, then `id`, both descending. */
const newestFirst = (rows: readonly AuditRecord[]) =>
  [...rows].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));

/** A mixed log: three actors, several actions and targets, timestamps shared by several rows. */
function mixedLog(): AuditRecord[] {
  const actions = ['user.create', 'user.update', 'session.login', 'submission.contact.read', 'userx.other'];
  return Array.from({ length: 30 }, (_, i) =>
    entry({
      id: `a${String((i * 7) % 30).padStart(2, '0')}`,
      at: `2026-11-${String(10 + Math.floor(i / 3)).padStart(2, '0')}T08:00:00.000Z`,
      actorId: i % 3 === 0 ? null : `admin-${i % 3}`,
      actorLabel: i % 3 === 0 ? 'system' : `admin${i % 3}@malmo.se`,
      action: actions[i % actions.length] as string,
      targetType: i % 5 === 3 ? 'submission' : 'user',
      targetId: `t${i % 4}`,
      before: i % 2 ? null : { n: i },
      after: { n: i, nested: { list: [i] } },
    }),
  );
}

describe.each(STORE_KINDS)('the audit log in the %s store', (kind) => {
  it('should refuse UPDATE and DELETE of audit rows, and keep the row as it was', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const row = entry();
    await ctx.store.recordAudit([row]);
    const raw = () => ctx?.query('SELECT * FROM audit_log WHERE id = ?', row.id);
    const stored = await raw();
    expect(stored).toHaveLength(1);

    await expect(ctx.query("UPDATE audit_log SET action = 'nothing' WHERE id = ?", row.id)).rejects.toThrow(
      AUDIT_APPEND_ONLY,
    );
    await expect(ctx.query("UPDATE audit_log SET after_json = '{}'")).rejects.toThrow(AUDIT_APPEND_ONLY);
    await expect(ctx.query('DELETE FROM audit_log WHERE id = ?', row.id)).rejects.toThrow(AUDIT_APPEND_ONLY);
    await expect(ctx.query('DELETE FROM audit_log')).rejects.toThrow(AUDIT_APPEND_ONLY);
    if (kind === 'postgres') {
      await expect(ctx.query('TRUNCATE audit_log')).rejects.toThrow(AUDIT_APPEND_ONLY);
    }
    expect(await raw()).toEqual(stored);
    expect(await ctx.reopen().listAudit({ limit: 10 })).toEqual([row]);
  });

  it('should append a batch of rows all or nothing', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const first = entry();
    await ctx.store.recordAudit([first]);
    await ctx.store.recordAudit([]);
    // The second row reuses the first's id: the whole batch is refused.
    await expect(ctx.store.recordAudit([entry(), { ...entry(), id: first.id }])).rejects.toThrow();
    expect(await ctx.store.listAudit({ limit: 10 })).toEqual([first]);
  });

  it('should give back what was recorded: JSON before and after, nulls as null', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const rows = [
      entry({ before: { list: [1, 'två'], nested: { ok: true } }, after: 'text' }),
      entry({
        at: '2026-11-20T11:00:00.000Z',
        actorId: null,
        actorLabel: 'cli',
        targetId: null,
        before: null,
        after: null,
        requestId: null,
      }),
    ];
    await ctx.store.recordAudit(rows);
    expect(await ctx.store.listAudit({ limit: 10 })).toEqual(newestFirst(rows));
  });

  it('should filter by actor, exact action, action prefix, target and time', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const log = mixedLog();
    await ctx.store.recordAudit(log);
    const cases: [Omit<AuditQuery, 'limit'>, (r: AuditRecord) => boolean][] = [
      [{}, () => true],
      [{ actorId: 'admin-1' }, (r) => r.actorId === 'admin-1'],
      [{ action: 'user.update' }, (r) => r.action === 'user.update'],
      [{ action: 'user.' }, (r) => r.action.startsWith('user.')],
      [{ action: 'submission.contact.' }, (r) => r.action === 'submission.contact.read'],
      // Not a prefix without the dot: exact only.
      [{ action: 'user' }, () => false],
      [{ targetType: 'submission' }, (r) => r.targetType === 'submission'],
      [{ targetType: 'user', targetId: 't1' }, (r) => r.targetType === 'user' && r.targetId === 't1'],
      [
        { from: '2026-11-12T08:00:00.000Z', to: '2026-11-15T08:00:00.000Z' },
        (r) => r.at >= '2026-11-12T08:00:00.000Z' && r.at < '2026-11-15T08:00:00.000Z',
      ],
      [
        { actorId: 'admin-2', action: 'user.', from: '2026-11-13T00:00:00.000Z' },
        (r) => r.actorId === 'admin-2' && r.action.startsWith('user.') && r.at >= '2026-11-13T00:00:00.000Z',
      ],
    ];
    for (const [query, keep] of cases) {
      const expected = newestFirst(log.filter(keep));
      expect(await ctx.store.listAudit({ ...query, limit: 100 }), JSON.stringify(query)).toEqual(expected);
    }
    expect(await ctx.store.listAudit({ limit: 3 })).toEqual(newestFirst(log).slice(0, 3));
  });

  it('should not treat _ or % in an action prefix as wildcards', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const rows = [entry({ action: 'a_b.x' }), entry({ action: 'axb.x' }), entry({ action: 'A_B.x' })];
    await ctx.store.recordAudit(rows);
    expect((await ctx.store.listAudit({ action: 'a_b.', limit: 10 })).map((r) => r.action)).toEqual([
      'a_b.x',
    ]);
    expect(await ctx.store.listAudit({ action: '%.', limit: 10 })).toEqual([]);
  });

  it('should page through the log with the keyset, each row exactly once, filtered or not', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const log = mixedLog();
    await ctx.store.recordAudit(log);
    for (const filter of [{}, { action: 'user.' }, { targetType: 'user' }]) {
      const seen: AuditRecord[] = [];
      let before: AuditQuery['before'];
      for (let pages = 0; pages < 20; pages++) {
        const page = await ctx.store.listAudit({ ...filter, before, limit: 4 });
        seen.push(...page);
        const last = page.at(-1);
        if (page.length < 4 || !last) break;
        before = { at: last.at, id: last.id };
      }
      const all = await ctx.store.listAudit({ ...filter, limit: 100 });
      expect(all.length).toBeGreaterThan(4);
      expect(seen).toEqual(all);
    }
  });
});
