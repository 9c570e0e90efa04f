import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe.each(STORE_KINDS)('place names in the %s store', (kind) => {
  it('should seed the gazetteer from the data file on first start', async () => {
    ctx = await testStore({ kind });
    const entries = await ctx.store.listGazetteer();
    expect(entries.filter((e) => e.id.startsWith('area:'))).toHaveLength(136);
    expect(entries.find((e) => e.id === 'alias:seved')).toMatchObject({ name: 'Seved', codes: ['11319'] });
    expect(entries.find((e) => e.id === 'area:25503')).toMatchObject({ ambiguous: 'word' });
  });

  it('should keep what staff changed when the seed runs again', async () => {
    ctx = await testStore({ kind });
    await ctx.store.saveGazetteerEntry({ id: 'alias:seved', name: 'Seved', codes: [], note: 'switched off' });
    await ctx.store.seedGazetteer([
      { id: 'alias:seved', name: 'Seved', codes: ['11319'] },
      { id: 'alias:new', name: 'Nytt', codes: ['11319'] },
    ]);
    const entries = await ctx.reopen().listGazetteer();
    expect(entries.find((e) => e.id === 'alias:seved')).toEqual({
      id: 'alias:seved',
      name: 'Seved',
      codes: [],
      ambiguous: null,
      vetoWords: [],
      note: 'switched off',
    });
    expect(entries.find((e) => e.id === 'alias:new')?.codes).toEqual(['11319']);
  });

  it('should hand back the same entries until one changes, then the new ones at once', async () => {
    ctx = await testStore({ kind });
    const first = await ctx.store.listGazetteer();
    expect(await ctx.store.listGazetteer()).toBe(first);
    await ctx.store.saveGazetteerEntry({
      id: 'alias:ribban',
      name: 'Ribban',
      codes: ['23101'],
      ambiguous: 'word',
      vetoWords: ['höja'],
    });
    const next = await ctx.store.listGazetteer();
    expect(next).not.toBe(first);
    expect(next.find((e) => e.id === 'alias:ribban')).toMatchObject({
      ambiguous: 'word',
      vetoWords: ['höja'],
    });
  });

  it('should rename areas, add new codes and keep aliases', async () => {
    ctx = await testStore({ kind });
    await ctx.store.saveAreaNames([
      { code: '11319', name: 'Sofielund Syd' },
      { code: '10199', name: 'Nya Hamnen', district: 'Norr' },
      { code: '10198' },
      { code: '11316' },
    ]);
    const areas = new Map((await ctx.store.listAreas()).map((a) => [a.code, a]));
    expect(areas.get('11319')).toEqual({
      code: '11319',
      name: 'Sofielund Syd',
      district: 'Innerstaden',
      aliases: ['Seved'],
    });
    expect(areas.get('10199')).toEqual({ code: '10199', name: 'Nya Hamnen', district: 'Norr', aliases: [] });
    expect(areas.get('10198')?.name).toBe('10198');
    expect(areas.get('11316')?.name).toBe('Möllevången');
  });
});
