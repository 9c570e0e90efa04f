import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, TRYGGARE, testStore } from '../../test/index.ts';
import { TEST_ACTOR, testSubmission } from '../testing.ts';
import type { NewSubmission, QueueFilter, QueueItem, Store, SubmissionFlag } from '../types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const EMAIL: SubmissionFlag = { kind: 'email', field: 'text', start: 0, end: 5, duplicateOf: null };
const PNR: SubmissionFlag = { kind: 'personnummer', field: 'text', start: 0, end: 5, duplicateOf: null };

/** Every item of the queue for `filter`, page by page (`limit` per page). */
async function all(store: Store, filter: QueueFilter, limit: number): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  let after: Parameters<Store['listQueue']>[1]['after'];
  for (let pages = 0; pages < 100; pages++) {
    const page = await store.listQueue(filter, { after, limit });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (page.next === null) return items;
    after = page.next;
  }
  throw new Error('the queue never ended');
}

/** Queue order: flagged first, then received_at, then id. */
const queueOrder = (a: NewSubmission, b: NewSubmission) =>
  Number((b.flags?.length ?? 0) > 0) - Number((a.flags?.length ?? 0) > 0) ||
  a.receivedAt.localeCompare(b.receivedAt) ||
  (a.id < b.id ? -1 : 1);

describe.each(STORE_KINDS)('the moderation queue in the %s store', (kind) => {
  it('should list flagged items first, then oldest first, each exactly once across keyset pages', async () => {
    ctx = await testStore({ kind });
    // Several share a received_at (one batch), so ids decide among them.
    const items = Array.from({ length: 23 }, (_, i) =>
      testSubmission({
        receivedAt: `2026-11-20T10:0${Math.floor(i / 4)}:00.000Z`,
        flags: i % 5 === 2 ? [EMAIL] : [],
      }),
    );
    const none = testSubmission({ kind: 'answer', text: null, moderationStatus: 'none' });
    await ctx.store.saveSubmissions([...items, none].reverse());
    const expected = [...items].sort(queueOrder).map((s) => s.id);

    for (const limit of [1, 4, 23, 50]) {
      const listed = await all(ctx.store, {}, limit);
      expect(listed.map((i) => i.id)).toEqual(expected);
    }
    // Approved items leave the pending queue and make the approved one, in the same order.
    const approved = [expected[0], expected[7], expected[8]] as string[];
    await ctx.store.moderateSubmissions({ ids: approved }, 'approve', {}, TEST_ACTOR);
    expect((await all(ctx.store, {}, 3)).map((i) => i.id)).toEqual(
      expected.filter((id) => !approved.includes(id)),
    );
    expect((await all(ctx.store, { statuses: ['approved'] }, 2)).map((i) => i.id)).toEqual(approved);
    // Several statuses at once: still one queue order over all of them.
    expect((await all(ctx.store, { statuses: ['approved', 'pending'] }, 5)).map((i) => i.id)).toEqual(
      expected,
    );
  });

  it('should filter by kind, insats, area, group, flags and dates, all together', async () => {
    ctx = await testStore({ kind });
    const s = {
      proposal: testSubmission({
        kind: 'proposal',
        title: 'Förslag',
        receivedAt: '2026-11-01T08:00:00.000Z',
        proposal: { offers: ['premises', 'other'], asks: ['funding'], otherText: 'En grill' },
      }),
      noInsats: testSubmission({ insatsId: null, receivedAt: '2026-11-02T08:00:00.000Z' }),
      elsewhere: testSubmission({
        receivedAt: '2026-11-03T08:00:00.000Z',
        tags: [
          { areaCode: '11320', source: 'chosen', boundaryVersion: 'malmo-delomraden-v1', primary: true },
          { areaCode: '11319', source: 'text', boundaryVersion: 'malmo-delomraden-v1', primary: false },
        ],
      }),
      resident: testSubmission({ respondentGroup: 'resident', receivedAt: '2026-11-04T08:00:00.000Z' }),
      pnr: testSubmission({ flags: [PNR, EMAIL], receivedAt: '2026-11-05T08:00:00.000Z' }),
      email: testSubmission({ flags: [EMAIL], receivedAt: '2026-11-06T08:00:00.000Z' }),
    };
    await ctx.store.saveSubmissions(Object.values(s));
    const ids = async (filter: QueueFilter) => (await all(ctx?.store as Store, filter, 50)).map((i) => i.id);

    expect(await ids({ kinds: ['proposal'] })).toEqual([s.proposal.id]);
    // Moderators see what a proposal offers and asks for, "other" included.
    const [proposal] = await all(ctx.store, { kinds: ['proposal'] }, 50);
    expect(proposal?.proposal).toEqual({
      offers: ['premises', 'other'],
      asks: ['funding'],
      otherText: 'En grill',
    });
    expect(await ids({ insatsId: null })).toEqual([s.noInsats.id]);
    expect(await ids({ insatsId: TRYGGARE.insatsId })).not.toContain(s.noInsats.id);
    expect(await ids({ area: { code: '11320' } })).toEqual([s.elsewhere.id]);
    // Primary by default: an area only named in the text does not put an item in its queue…
    expect(await ids({ area: { code: '11319' } })).not.toContain(s.elsewhere.id);
    // …unless any current tag is asked for.
    expect(await ids({ area: { code: '11319', match: 'any' } })).toContain(s.elsewhere.id);
    expect(await ids({ respondentGroups: ['resident'] })).toEqual([s.resident.id]);
    expect(await ids({ flagKind: 'personnummer' })).toEqual([s.pnr.id]);
    expect(await ids({ flaggedOnly: true })).toEqual([s.pnr.id, s.email.id]);
    expect(
      await ids({ receivedFrom: '2026-11-02T00:00:00.000Z', receivedTo: '2026-11-04T08:00:00.000Z' }),
    ).toEqual([s.noInsats.id, s.elsewhere.id]);
    expect(await ids({ flagKind: 'email', receivedFrom: '2026-11-06T00:00:00.000Z' })).toEqual([s.email.id]);
    expect(await ids({ kinds: ['proposal'], respondentGroups: ['resident'] })).toEqual([]);

    expect(await ctx.store.countQueue({ flaggedOnly: true }, '2026-12-01T00:00:00.000Z')).toBe(2);
    // A count as of a moment leaves out what arrived after it.
    expect(await ctx.store.countQueue({}, '2026-11-03T08:00:00.000Z')).toBe(3);
    expect(await ctx.store.countQueue({ statuses: ['approved'] }, '2026-12-01T00:00:00.000Z')).toBe(0);
  });

  it('should give what a moderator decides on, and never contact details or the device id', async () => {
    ctx = await testStore({ kind });
    const item = testSubmission({
      kind: 'answer',
      text: null,
      deviceId: 'device-secret-42',
      contact: { email: 'anna@example.com', phone: '+46701234567', consentVersion: 'v1' },
      answers: [
        { questionId: TRYGGARE.single, questionVersion: 1, value: 'varje-vecka' },
        { questionId: TRYGGARE.text, questionVersion: 1, value: 'Mer ljus vid busshållplatsen' },
      ],
      flags: [{ kind: 'link', field: `answers.${TRYGGARE.text}`, start: 4, end: 8, duplicateOf: null }],
      organisation: 'Föreningen Ljus',
    });
    await ctx.store.saveSubmissions([item]);
    await ctx.store.answerSubmission(item.id, 'Tack, vi tittar på det.', TEST_ACTOR);
    const page = await ctx.store.listQueue({}, { limit: 10 });
    expect(page.next).toBeNull();
    expect(page.items).toEqual([
      {
        id: item.id,
        kind: 'answer',
        status: 'pending',
        insatsId: TRYGGARE.insatsId,
        title: null,
        text: null,
        textAnswers: [
          { questionId: TRYGGARE.text, questionVersion: 1, text: 'Mer ljus vid busshållplatsen' },
        ],
        respondentGroup: 'youth',
        ageBand: '16-19',
        organisation: 'Föreningen Ljus',
        locale: 'sv',
        receivedAt: item.receivedAt,
        flagged: true,
        flags: item.flags,
        tags: item.tags,
        reason: null,
        reasonTemplateId: null,
        answer: { text: 'Tack, vi tittar på det.', answeredAt: TEST_ACTOR.at },
        moderatedAt: null,
        moderatedBy: null,
        hasContact: true,
        hasOriginals: false,
        proposal: null,
      },
    ]);
    const json = JSON.stringify(page);
    for (const secret of ['anna@example.com', '+46701234567', 'device-secret-42', 'varje-vecka'])
      expect(json).not.toContain(secret);
  });

  it('should tell whether contact details and restricted originals are kept, without either', async () => {
    ctx = await testStore({ kind });
    const store = ctx.store;
    const plain = testSubmission({
      text: 'Ring 070-123 45 67 om bänken',
      receivedAt: '2026-11-20T10:00:00.000Z',
    });
    const withContact = testSubmission({
      contact: { email: 'bo@example.com', phone: null, consentVersion: 'v1' },
      receivedAt: '2026-11-20T10:01:00.000Z',
    });
    await store.saveSubmissions([plain, withContact]);
    const kept = async () =>
      (await store.listQueue({}, { limit: 10 })).items.map((i) => [i.id, i.hasContact, i.hasOriginals]);
    expect(await kept()).toEqual([
      [plain.id, false, false],
      [withContact.id, true, false],
    ]);
    // A restricted redaction keeps the original: the item says so, the text stays out.
    const span = [{ start: 5, end: 18 }];
    expect(await store.redactSubmission(plain.id, 'text', span, 'restricted', TEST_ACTOR)).toMatchObject({
      status: 'redacted',
    });
    expect(await kept()).toEqual([
      [plain.id, false, true],
      [withContact.id, true, false],
    ]);
    const json = JSON.stringify(await store.listQueue({}, { limit: 10 }));
    expect(json).not.toContain('070-123 45 67');
    expect(json).not.toContain('bo@example.com');
    // A purge of the field destroys the earlier restricted original too: nothing left to read.
    await store.saveSetting('redaction', { mode: 'purge', gallringsbeslut: 'KS-2026-123 §4' }, TEST_ACTOR);
    expect(
      await store.redactSubmission(plain.id, 'text', [{ start: 0, end: 4 }], 'purge', TEST_ACTOR),
    ).toMatchObject({ status: 'redacted' });
    expect((await kept())[0]).toEqual([plain.id, false, false]);
  });

  it('should follow the primary delområde as staff and re-tagging change it', async () => {
    ctx = await testStore({ kind });
    const item = testSubmission();
    await ctx.store.saveSubmissions([item]);
    const inArea = async (code: string) =>
      (await ctx?.store.listQueue({ area: { code } }, { limit: 5 }))?.items.map((i) => i.id);
    expect(await inArea('11319')).toEqual([item.id]);

    await ctx.store.setSubmissionArea(item.id, '11320', TEST_ACTOR);
    expect(await inArea('11319')).toEqual([]);
    expect(await inArea('11320')).toEqual([item.id]);
    // The chosen area is still a current tag.
    expect(
      (await ctx.store.listQueue({ area: { code: '11319', match: 'any' } }, { limit: 5 })).items,
    ).toHaveLength(1);

    // A re-tag that makes another area primary moves the item with it.
    await ctx.query(
      'INSERT INTO retag_pending (submission_id, created_at) VALUES (?, ?)',
      item.id,
      TEST_ACTOR.at,
    );
    const tag = { source: 'point' as const, boundaryVersion: 'malmo-delomraden-v1' };
    const applied = await ctx.store.applyRetagPending({
      results: new Map([[item.id, [{ ...tag, areaCode: '25609', primary: true }]]]),
      at: '2026-11-21T00:00:00.000Z',
    });
    expect(applied).toBe(1);
    expect(await inArea('11320')).toEqual([]);
    expect(await inArea('25609')).toEqual([item.id]);
  });
});
