import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, TRYGGARE, testStore } from '../../test/index.ts';
import { TEST_ACTOR, testSubmission } from '../testing.ts';
import type { NewSubmission, PublicFilter, PublicSubmissionRecord, Store } from '../types.ts';
import { publicKey } from './public.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/** Every public item for `filter`, page by page. */
async function all(store: Store, filter: PublicFilter, limit: number): Promise<PublicSubmissionRecord[]> {
  const items: PublicSubmissionRecord[] = [];
  let after: Parameters<Store['listPublicSubmissions']>[1]['after'];
  for (let pages = 0; pages < 200; pages++) {
    const page = await store.listPublicSubmissions(filter, { after, limit });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (page.next === null) return items;
    after = page.next;
  }
  throw new Error('the listing never ended');
}

async function approve(store: Store, items: readonly NewSubmission[]) {
  const done = await store.moderateSubmissions({ ids: items.map((s) => s.id) }, 'approve', {}, TEST_ACTOR);
  expect(done.status).toBe('done');
}

describe.each(STORE_KINDS)('the public listing in the %s store', (kind) => {
  it('should list only approved items, newest first, each exactly once across keyset pages', async () => {
    ctx = await testStore({ kind });
    // Batches share a received_at: 4 per minute, so page ends fall inside such groups.
    const items = Array.from({ length: 17 }, (_, i) =>
      testSubmission({
        receivedAt: `2026-11-20T10:0${Math.floor(i / 4)}:00.000Z`,
        flags: i % 3 === 0 ? [{ kind: 'link', field: 'text', start: 0, end: 4, duplicateOf: null }] : [],
      }),
    );
    const pending = testSubmission({ receivedAt: '2026-11-20T11:00:00.000Z' });
    const rejected = testSubmission({ receivedAt: '2026-11-20T11:00:00.000Z' });
    await ctx.store.saveSubmissions([...items, pending, rejected]);
    await approve(ctx.store, items);
    await ctx.store.moderateSubmissions({ ids: [rejected.id] }, 'reject', { text: 'Nej' }, TEST_ACTOR);

    const keys = new Map(items.map((s) => [publicKey(s.id), s]));
    const expected = [...keys.entries()]
      .sort(([ka, a], [kb, b]) => b.receivedAt.localeCompare(a.receivedAt) || (ka < kb ? 1 : -1))
      .map(([k]) => k);
    for (const limit of [1, 3, 4, 5, 50]) {
      expect((await all(ctx.store, {}, limit)).map((i) => i.key)).toEqual(expected);
    }
  });

  it('should never hand out a submission id, device id, receipt or contact detail', async () => {
    ctx = await testStore({ kind });
    const s = testSubmission({
      kind: 'proposal',
      title: 'Parklet',
      organisation: 'Föreningen Sofielund',
      contact: { email: 'anna@example.se', phone: '+46701234567', consentVersion: 'v1' },
    });
    await ctx.store.saveSubmissions([s]);
    await approve(ctx.store, [s]);
    const [item] = (await ctx.store.listPublicSubmissions({}, { limit: 10 })).items;
    expect(item).toMatchObject({ kind: 'proposal', title: 'Parklet', organisation: 'Föreningen Sofielund' });
    const json = JSON.stringify(item);
    for (const secret of [s.id, s.deviceId, s.receipt, 'anna@example.se', '+46701234567']) {
      expect(json).not.toContain(secret);
    }
  });

  it('should filter by insats and primary delområde, with the area name, answer and short-text answers', async () => {
    ctx = await testStore({ kind });
    const here = testSubmission({ organisation: 'Ignored for comments' });
    const noInsats = testSubmission({ insatsId: null });
    const elsewhere = testSubmission({
      tags: [
        { areaCode: '11320', source: 'chosen', boundaryVersion: 'malmo-delomraden-v1', primary: true },
        { areaCode: '11319', source: 'text', boundaryVersion: 'malmo-delomraden-v1', primary: false },
      ],
    });
    const answer = testSubmission({
      kind: 'answer',
      text: null,
      answers: [
        { questionId: TRYGGARE.single, questionVersion: 1, value: 'varje-vecka' },
        { questionId: TRYGGARE.text, questionVersion: 1, value: 'Vid stationen' },
      ],
    });
    await ctx.store.saveSubmissions([here, noInsats, elsewhere, answer]);
    await approve(ctx.store, [here, noInsats, elsewhere, answer]);
    await ctx.store.answerSubmission(here.id, 'Vi sätter upp belysning i vår.', TEST_ACTOR);

    const keysOf = async (filter: PublicFilter) =>
      (await all(ctx?.store as Store, filter, 10)).map((i) => i.key);
    expect(new Set(await keysOf({ insatsId: TRYGGARE.insatsId }))).toEqual(
      new Set([here, elsewhere, answer].map((s) => publicKey(s.id))),
    );
    expect(new Set(await keysOf({ areaCode: '11319' }))).toEqual(
      new Set([here, noInsats, answer].map((s) => publicKey(s.id))),
    );
    expect(await keysOf({ areaCode: '11320', insatsId: TRYGGARE.insatsId })).toEqual([
      publicKey(elsewhere.id),
    ]);

    const items = await all(ctx.store, {}, 10);
    const byKey = new Map(items.map((i) => [i.key, i]));
    expect(byKey.get(publicKey(here.id))).toMatchObject({
      organisation: null,
      area: { code: '11319', name: 'Södra Sofielund' },
      answer: { text: 'Vi sätter upp belysning i vår.' },
    });
    // Choice answers are shown only in aggregates: only the short text is listed.
    expect(byKey.get(publicKey(answer.id))?.answers).toEqual([
      { questionId: TRYGGARE.text, text: 'Vid stationen' },
    ]);
    // Withdrawing the insatser withdraws their items; those about no insats stay.
    await ctx.store.setExamplesPublished(false);
    expect(await keysOf({})).toEqual([publicKey(noInsats.id)]);
  });
});
