import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { Insats } from '../../common/wire/index.ts';
import { type TestStore, testStore } from '../test/index.ts';
import { EXAMPLE_INSATSER } from './examples.ts';
import { seed } from './index.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
});

describe('seed', () => {
  it("should load Malmö's 136 delområden once, however often the server starts", async () => {
    ctx = await testStore();
    await seed(ctx.store, { exampleContent: true });
    await seed(ctx.store, { exampleContent: true });
    const areas = await ctx.store.listAreas();
    expect(areas).toHaveLength(136);
    expect(areas.every((a) => /^\d{5}$/.test(a.code))).toBe(true);
    expect(areas.find((a) => a.code === '11316')).toMatchObject({ name: 'Möllevången', aliases: ['Möllan'] });
    expect((await ctx.store.activeBoundarySet())?.version).toBe('malmo-delomraden-v1');
  });

  it('should withdraw the examples when a database that had them starts with EXAMPLE_CONTENT off', async () => {
    ctx = await testStore({ exampleContent: true });
    expect(await ctx.store.listPublishedInsatser()).toHaveLength(3);
    await seed(ctx.store, { exampleContent: false });
    expect(await ctx.store.listPublishedInsatser()).toHaveLength(0);
  });

  it('should ship examples that pass the wire schema and say they are examples', () => {
    for (const insats of EXAMPLE_INSATSER) {
      expect(v.safeParse(Insats, insats).success).toBe(true);
      expect(insats.example).toBe(true);
      expect(insats.title.sv.startsWith('Exempel:')).toBe(true);
      for (const q of insats.questions) expect(q.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    }
  });
});
