import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { Insats } from '../../common/wire/index.ts';
import { STORE_KINDS, type TestStore, testStore } from '../test/index.ts';
import { EXAMPLE_INSATSER } from './examples.ts';
import { seed } from './index.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe.each(STORE_KINDS)('seed on %s', (kind) => {
  it("should load Malmö's 136 delområden once, however often the server starts", async () => {
    ctx = await testStore({ kind });
    await seed(ctx.store, { exampleContent: true });
    await seed(ctx.store, { exampleContent: true });
    const areas = await ctx.store.listAreas();
    expect(areas).toHaveLength(136);
    expect(areas.every((a) => /^\d{5}$/.test(a.code))).toBe(true);
    expect(areas.find((a) => a.code === '11316')).toMatchObject({ name: 'Möllevången', aliases: ['Möllan'] });
    expect((await ctx.store.activeBoundarySet())?.version).toBe('malmo-delomraden-v1');
  });

  it('should withdraw the examples when a database that had them starts with EXAMPLE_CONTENT off', async () => {
    ctx = await testStore({ kind, exampleContent: true });
    expect(await ctx.store.listPublishedInsatser()).toHaveLength(3);
    await seed(ctx.store, { exampleContent: false });
    expect(await ctx.store.listPublishedInsatser()).toHaveLength(0);
  });

  it('should seed from several instances starting at once without an error or a second copy', async () => {
    ctx = await testStore({ kind, exampleContent: true });
    // PostgreSQL: three pools, as three instances would have; SQLite has one writer per file.
    const stores = kind === 'postgres' ? [ctx.store, ctx.reopen(), ctx.reopen()] : [ctx.store];
    await Promise.all(
      stores.flatMap((s) => [seed(s, { exampleContent: true }), seed(s, { exampleContent: true })]),
    );
    expect(await ctx.store.listAreas()).toHaveLength(136);
    expect(await ctx.query('SELECT version FROM boundary_sets')).toHaveLength(1);
    expect(await ctx.store.listPublishedInsatser()).toHaveLength(3);
  });
});

describe('the example content', () => {
  it('should ship examples that pass the wire schema and say they are examples', () => {
    for (const insats of EXAMPLE_INSATSER) {
      expect(v.safeParse(Insats, insats).success).toBe(true);
      expect(insats.example).toBe(true);
      expect(insats.title.sv.startsWith('Exempel:')).toBe(true);
      for (const q of insats.questions) expect(q.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    }
  });
});
