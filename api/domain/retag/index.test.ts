import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MALMO_BOUNDARY_VERSION } from '../../seed/index.ts';
import type { Store, StoredTag } from '../../store/index.ts';
import { commentItem, malmoBoundaries, STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import { ingestBatch } from '../ingest/index.ts';
import type { BoundarySet } from '../tagging/index.ts';
import {
  activateBoundarySet,
  cellTagger,
  RETAG_LEASE,
  retagProgress,
  retagStep,
  retagSubmission,
  runRetagToEnd,
  startRetagRunner,
  type StepOutcome,
  watchActiveBoundaries,
} from './index.ts';
import {
  CITY_BOX,
  cellsWhere,
  malmoVariant,
  VARIANT,
  VARIANT_VERSION,
  type VariantPlaces,
  variantBoundaries,
  variantPlaces,
} from './testing.ts';

const CITY = CITY_BOX;
let malmo: BoundarySet;
let variant: BoundarySet;
let geojson: string;
let places: VariantPlaces;

beforeAll(() => {
  malmo = malmoBoundaries();
  variant = variantBoundaries();
  geojson = malmoVariant().geojson;
  places = variantPlaces(malmo, variant);
});

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/** Stores items through the real ingest, tagged against `boundaries`; returns their ids. */
async function ingest(store: Store, boundaries: BoundarySet, items: ReturnType<typeof commentItem>[]) {
  const results = await ingestBatch(items, { store, boundaries });
  for (const r of results) expect(r.status).toBe('created');
  return items.map((i) => i.id);
}
const at = (point: { lat: number; lon: number }, areaCode?: string) =>
  commentItem({ location: { point, pointConsentVersion: 'v1', ...(areaCode ? { areaCode } : {}) } });
const chose = (areaCode: string) => commentItem({ location: { areaCode } });
const brief = (tags: StoredTag[]) => tags.map((t) => `${t.source}:${t.areaCode}${t.uncertain ? '?' : ''}`);

describe.each(STORE_KINDS)('activating a changed boundary set (%s)', (kind) => {
  it('should move the affected tags, mark border cases uncertain and keep the old tags as history', async () => {
    ctx = await testStore({ kind, exampleContent: true });
    const { store } = ctx;
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson });
    const [movedInside, movedBorder, unchangedBorder, mergedInside, choseMerged, bothMerged, nowhere] =
      await ingest(store, malmo, [
        at(places.movedInside),
        at(places.movedBorder),
        at(places.unchangedBorder),
        at(places.mergedInside),
        chose(VARIANT.merged.from),
        at(places.mergedInside, VARIANT.merged.from),
        commentItem({ location: {} }),
      ]);
    const before = await store.getSubmission(unchangedBorder as string);

    const job = await activateBoundarySet(store, VARIANT_VERSION, { runToEnd: { chunkSize: 2 } });
    expect(job).toMatchObject({
      status: 'done',
      processed: 7,
      total: 7,
      previousVersion: MALMO_BOUNDARY_VERSION,
    });
    expect((await store.listBoundarySets()).filter((s) => s.active).map((s) => s.version)).toEqual([
      VARIANT_VERSION,
    ]);

    const current = async (id: string | undefined) => (await store.getSubmission(id as string))?.tags ?? [];
    expect(brief(await current(movedInside))).toEqual([`point:${VARIANT.moved.to}`]);
    expect(brief(await current(movedBorder))).toEqual([`point:${variant.locate(places.movedBorder)}?`]);
    expect(brief(await current(unchangedBorder))).toEqual(brief(before?.tags ?? []));
    expect(brief(await current(mergedInside))).toEqual([`point:${VARIANT.merged.into}`]);
    expect(brief(await current(choseMerged))).toEqual([`chosen:${VARIANT.merged.from}?`]);
    expect(await current(bothMerged)).toEqual([
      { areaCode: VARIANT.merged.into, source: 'point', boundaryVersion: VARIANT_VERSION, primary: true },
      {
        areaCode: VARIANT.merged.from,
        source: 'chosen',
        boundaryVersion: VARIANT_VERSION,
        primary: false,
        uncertain: true,
      },
    ]);
    expect(await current(nowhere)).toEqual([]);

    const history = await store.tagHistory(movedInside as string);
    expect(history.map((t) => [t.current, t.boundaryVersion, t.areaCode, t.supersededAt !== null])).toEqual([
      [true, VARIANT_VERSION, VARIANT.moved.to, false],
      [false, MALMO_BOUNDARY_VERSION, VARIANT.moved.from, true],
    ]);
  });

  it('should resume a re-tag cut off half-way from its cursor and end with exactly the right tags', async () => {
    ctx = await testStore({ kind, exampleContent: true });
    const { store } = ctx;
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson });
    // Points on a grid over the city (some outside it), every fifth with a chosen area too.
    const points = cellsWhere(CITY, () => true).filter((_, i) => i % 37 === 0);
    const items = points.map((c, i) => at(c.centre, i % 5 === 0 ? VARIANT.merged.from : undefined));
    const ids = await ingest(store, malmo, items);
    const originals = new Map(
      await Promise.all(ids.map(async (id) => [id, await store.getSubmission(id)] as const)),
    );
    await activateBoundarySet(store, VARIANT_VERSION);

    // The first runner does three chunks, then its process dies while applying the fourth.
    const chunkSize = 5;
    for (let i = 0; i < 3; i++) expect((await retagStep(store, { chunkSize })).kind).toBe('job');
    const dying: Store = {
      ...store,
      applyRetagChunk: () => Promise.reject(new Error('killed before the commit')),
    };
    await expect(retagStep(dying, { chunkSize })).rejects.toThrow('killed');
    expect(await store.claimLease(RETAG_LEASE, 'the-dead-runner', 300)).toBe(true);
    const halfway = await retagProgress(store);
    expect(halfway?.job.processed).toBe(3 * chunkSize);

    // A new runner waits out the dead one's lease, then goes on from the cursor.
    const runner = startRetagRunner({ store: ctx.reopen(), chunkSize, pollMs: 50, pauseMs: 0 });
    try {
      await until(async () => (await store.retagJob())?.status === 'done');
    } finally {
      await runner.stop();
    }
    expect((await retagProgress(store))?.job).toMatchObject({ processed: ids.length, total: ids.length });

    const expectedCtx = {
      cells: cellTagger(variant),
      codes: new Set(variant.codes),
      previousSet: (v: string) => (v === malmo.version ? malmo : undefined),
    };
    for (const id of ids) {
      const original = originals.get(id);
      const expected = retagSubmission(
        { cell: original?.cell ?? null, tags: original?.tags ?? [] },
        expectedCtx,
      );
      expect((await store.getSubmission(id))?.tags, id).toEqual(expected);
      // History: the original tags once, superseded; the new ones once, current. No duplicates.
      const history = await store.tagHistory(id);
      expect(history.filter((t) => !t.current)).toHaveLength(original?.tags.length ?? 0);
      expect(history.filter((t) => t.current)).toHaveLength(expected.length);
    }
  });

  it('should let only one of two runners work on a job (the lease), and apply each chunk once', async () => {
    ctx = await testStore({ kind, exampleContent: true });
    const { store } = ctx;
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson });
    const ids = await ingest(
      store,
      malmo,
      cellsWhere(CITY, () => true)
        .filter((_, i) => i % 61 === 0)
        .map((c) => at(c.centre)),
    );
    await activateBoundarySet(store, VARIANT_VERSION);
    const chunks: Record<string, StepOutcome[]> = { a: [], b: [] };
    const runners = (['a', 'b'] as const).map((name) =>
      startRetagRunner({
        store: ctx?.reopen() as Store,
        holder: name,
        chunkSize: 3,
        pollMs: 20,
        pauseMs: 5,
        onProgress: (o) => chunks[name]?.push(o),
      }),
    );
    try {
      await until(async () => (await store.retagJob())?.status === 'done');
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
    const worked = Object.entries(chunks).filter(([, list]) => list.length > 0);
    expect(worked).toHaveLength(1);
    const applied = worked[0]?.[1] ?? [];
    expect(applied.every((o) => o.kind === 'job' && o.applied)).toBe(true);
    expect((await store.retagJob())?.processed).toBe(ids.length);
  });

  it('should refuse a chunk read before another runner moved the cursor', async () => {
    ctx = await testStore({ kind, exampleContent: true });
    const { store } = ctx;
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson });
    await ingest(store, malmo, [at(places.movedInside), at(places.mergedInside)]);
    const job = await activateBoundarySet(store, VARIANT_VERSION);
    const stale = { id: job?.id ?? '', from: '', cursor: 'zzz', done: false };
    await retagStep(store, { chunkSize: 1 });
    expect(await store.applyRetagChunk(stale, { results: new Map(), at: new Date().toISOString() })).toBe(
      false,
    );
    expect((await store.retagJob())?.processed).toBe(1);
  });

  it('should grant a lease to one holder at a time, and to another once it expired or was given up', async () => {
    ctx = await testStore({ kind });
    const { store } = ctx;
    expect(await store.claimLease('l', 'a', 200)).toBe(true);
    expect(await store.claimLease('l', 'b', 200)).toBe(false);
    expect(await store.claimLease('l', 'a', 200)).toBe(true); // renewal
    await new Promise((r) => setTimeout(r, 250));
    expect(await store.claimLease('l', 'b', 10_000)).toBe(true);
    expect(await store.claimLease('l', 'a', 200)).toBe(false);
    await store.releaseLease('l', 'a'); // not a's: nothing happens
    expect(await store.claimLease('l', 'a', 200)).toBe(false);
    await store.releaseLease('l', 'b');
    expect(await store.claimLease('l', 'a', 200)).toBe(true);
  });

  it('should queue what an instance tagged against an older set, and re-tag it', async () => {
    ctx = await testStore({ kind, exampleContent: true });
    const { store } = ctx;
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson });
    await activateBoundarySet(store, VARIANT_VERSION, { runToEnd: true });
    // An instance that has not seen the activation yet, and one that has.
    const [stale] = await ingest(store, malmo, [at(places.mergedInside)]);
    await ingest(store, variant, [at(places.mergedInside)]);
    expect((await store.readRetagPending(10)).map((s) => s.id)).toEqual([stale]);
    expect(await retagStep(store)).toEqual({ kind: 'pending', count: 1 });
    expect(await store.getSubmission(stale as string)).toMatchObject({
      tags: [{ areaCode: VARIANT.merged.into, boundaryVersion: VARIANT_VERSION }],
    });
    expect(await store.readRetagPending(10)).toEqual([]);
  });

  it('should make exactly one set active, refuse an unknown version, and not re-tag for the active one', async () => {
    ctx = await testStore({ kind });
    const { store } = ctx;
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson });
    await expect(activateBoundarySet(store, 'no-such-version')).rejects.toThrow('no-such-version');
    const job = await activateBoundarySet(store, VARIANT_VERSION);
    expect(await activateBoundarySet(store, VARIANT_VERSION)).toEqual(job);
    const sets = await store.listBoundarySets();
    expect(sets.map((s) => [s.version, s.active])).toEqual([
      [MALMO_BOUNDARY_VERSION, false],
      [VARIANT_VERSION, true],
    ]);
    // Back to the first set: the running job is superseded by the new one.
    const back = await activateBoundarySet(store, MALMO_BOUNDARY_VERSION);
    expect((await store.retagJob(job?.id))?.status).toBe('superseded');
    expect(await store.retagJob()).toEqual(back);
    expect(await store.activeBoundaryVersion()).toBe(MALMO_BOUNDARY_VERSION);
  });

  it('should have every instance follow an activation within its poll interval', async () => {
    ctx = await testStore({ kind });
    const { store } = ctx;
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson });
    const elsewhere = await watchActiveBoundaries(ctx.reopen(), { intervalMs: 50 });
    try {
      expect(elsewhere.current().version).toBe(MALMO_BOUNDARY_VERSION);
      await activateBoundarySet(store, VARIANT_VERSION);
      await until(async () => elsewhere.current().version === VARIANT_VERSION);
      expect(elsewhere.current().locate(places.mergedInside)).toBe(VARIANT.merged.into);
    } finally {
      elsewhere.stop();
    }
  });
});

describe('runRetagToEnd', () => {
  it('should do nothing when there is no job and nothing queued', async () => {
    ctx = await testStore();
    await expect(runRetagToEnd(ctx.store)).resolves.toBeUndefined();
    expect(await retagProgress(ctx.store)).toBeUndefined();
  });
});

/** Polls `check` until it holds (or fails after `ms`). */
async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
