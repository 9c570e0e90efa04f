import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import type { AuditActor, InsatsFields } from '../types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const MODERATOR: AuditActor = {
  at: '2026-11-24T09:00:00.000Z',
  actorId: 'moderator-1',
  actorLabel: 'moderator@malmo.se',
  requestId: null,
};

const FIELDS: InsatsFields = {
  title: { sv: 'Ljus i parken', en: 'Light in the park' },
  summary: { sv: 'Nya lampor längs gångvägen.' },
  namnder: ['Tekniska nämnden'],
  areaCodes: ['11319'],
  dimensions: ['social', 'environmental'],
  kind: 'kraftsamlande',
  status: 'ongoing',
  period: { start: '2027-03-01' },
};

describe.each(STORE_KINDS)('insatser managed by staff in the %s store', (kind) => {
  it('should give seeded examples a lifecycle, and keep an archived example archived when examples are switched', async () => {
    ctx = await testStore({ kind, exampleContent: true });
    const examples = await ctx.store.listStaffInsatser();
    expect(examples.length).toBeGreaterThan(0);
    expect(new Set(examples.map((i) => i.lifecycle))).toEqual(new Set(['published']));
    const [first, second] = examples;
    if (!first || !second) throw new Error('two examples expected');
    await ctx.store.transitionInsats(first.id, 'archive', MODERATOR);
    await ctx.store.setExamplesPublished(false);
    expect((await ctx.store.getStaffInsats(first.id))?.lifecycle).toBe('archived');
    expect((await ctx.store.getStaffInsats(second.id))?.lifecycle).toBe('unpublished');
    await ctx.store.setExamplesPublished(true);
    expect((await ctx.store.getStaffInsats(first.id))?.lifecycle).toBe('archived');
    expect((await ctx.store.getStaffInsats(second.id))?.lifecycle).toBe('published');
    expect((await ctx.store.listPublishedInsatser()).map((i) => i.id)).not.toContain(first.id);
  });

  it('should put published and archived insatser in the ingest catalogue, archived ones as closed, and neither drafts nor unpublished ones', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const ids = ['utkast', 'publicerad', 'arkiverad', 'tillbakadragen'];
    for (const id of ids) expect((await ctx.store.createInsats(id, FIELDS, MODERATOR)).status).toBe('saved');
    for (const id of ids.slice(1)) await ctx.store.transitionInsats(id, 'publish', MODERATOR);
    await ctx.store.transitionInsats('arkiverad', 'archive', MODERATOR);
    await ctx.store.transitionInsats('tillbakadragen', 'unpublish', MODERATOR);
    const catalogue = await ctx.store.lookupCatalogue({ insatsIds: ids, areaCodes: [] });
    expect([...catalogue.insatser.keys()].sort()).toEqual(['arkiverad', 'publicerad']);
    expect([...(catalogue.closed ?? [])]).toEqual(['arkiverad']);
    // Archived is final.
    expect(await ctx.store.transitionInsats('arkiverad', 'publish', MODERATOR)).toMatchObject({
      status: 'invalid',
    });
  });

  it('should refuse invalid questions and orders, and a typo fix that changes options', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    await ctx.store.createInsats('ljus', FIELDS, MODERATOR);
    const single = {
      id: 'q-ljus',
      kind: 'single' as const,
      text: { sv: 'Behövs mer ljus?' },
      options: [
        { id: 'ja', label: { sv: 'Ja' } },
        { id: 'nej', label: { sv: 'Nej' } },
      ],
      audience: 'everyone' as const,
    };
    expect(await ctx.store.addQuestion('ljus', { ...single, options: [] }, MODERATOR)).toMatchObject({
      status: 'invalid',
    });
    expect((await ctx.store.addQuestion('ljus', single, MODERATOR)).status).toBe('saved');
    expect(await ctx.store.addQuestion('ljus', single, MODERATOR)).toMatchObject({ status: 'invalid' });
    const renamed = { ...single, options: [single.options[0], { id: 'kanske', label: { sv: 'Kanske' } }] };
    expect(
      await ctx.store.updateQuestion(
        'ljus',
        'q-ljus',
        renamed as typeof single,
        { typoFix: true },
        MODERATOR,
      ),
    ).toMatchObject({ status: 'invalid' });
    expect(await ctx.store.reorderQuestions('ljus', ['q-ljus', 'q-ljus'], MODERATOR)).toMatchObject({
      status: 'invalid',
    });
    expect(await ctx.store.updateQuestion('ljus', 'q-ingen', single, { typoFix: false }, MODERATOR)).toEqual({
      status: 'not-found',
    });
    expect(await ctx.store.removeQuestion('ingen', 'q-ljus', MODERATOR)).toBe('not-found');
  });
});
