import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { enqueueMany, freshOutbox, makeItem } from '../test/helpers.ts';
import { ValidationError } from './index.ts';

describe('outbox', () => {
  it('should return queued items oldest first', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 5);
    expect((await outbox.pending()).map((r) => r.id)).toEqual(ids);
    expect((await outbox.all()).map((r) => r.id)).toEqual(ids);
  });

  it('should order by the time an item was queued, not by when it was created', async () => {
    const { outbox, clock } = freshOutbox();
    const late = makeItem({ createdAt: '2026-11-20T12:00:00.000Z' });
    const early = makeItem({ createdAt: '2026-11-20T08:00:00.000Z' });
    await outbox.enqueue(late);
    clock.now += 1;
    await outbox.enqueue(early);
    expect((await outbox.pending()).map((r) => r.id)).toEqual([late.id, early.id]);
  });

  it('should record a whole batch of answers in one change, so open screens redraw once', async () => {
    const { outbox, clock, changes } = freshOutbox();
    const [a, b, c] = await enqueueMany(outbox, clock, 3);
    const before = changes.count;
    await outbox.settle([
      {
        id: a as string,
        state: 'sent',
        receipt: 'r'.repeat(22),
        tags: [{ areaCode: '11319', source: 'chosen' }],
      },
      { id: b as string, state: 'sent', receipt: 's'.repeat(22) },
      { id: c as string, state: 'attention', status: 'rejected', errors: [{ path: 'text', message: 'x' }] },
    ]);
    expect(changes.count - before).toBe(1);
    expect(await outbox.get(a as string)).toMatchObject({ state: 'sent', receipt: 'r'.repeat(22) });
    expect(await outbox.get(c as string)).toMatchObject({ state: 'attention', status: 'rejected' });
    expect(await outbox.count('queued')).toBe(0);
  });

  it('should never move a sent item back to attention', async () => {
    const { outbox, clock } = freshOutbox();
    const [id] = await enqueueMany(outbox, clock, 1);
    await outbox.settle([{ id: id as string, state: 'sent', receipt: 'r'.repeat(22) }]);
    await outbox.settle([{ id: id as string, state: 'attention', status: 'conflict' }]);
    expect(await outbox.get(id as string)).toMatchObject({ state: 'sent' });
  });

  it('should start a new item as queued with no attempts', async () => {
    const { outbox, clock } = freshOutbox();
    const record = await outbox.enqueue(makeItem());
    expect(record).toMatchObject({ state: 'queued', attempts: 0, queuedAt: clock.now });
    expect(await outbox.count()).toBe(1);
    expect(await outbox.count('queued')).toBe(1);
  });

  it('should refuse an item the wire schema rejects and store nothing', async () => {
    const { outbox } = freshOutbox();
    const bad = makeItem({ kind: 'answer', insatsId: undefined, answers: [] });
    const error = await outbox.enqueue(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['insatsId', 'answers']),
    );
    expect(await outbox.count()).toBe(0);
  });

  it('should refuse a location point from a child under 13', async () => {
    const { outbox } = freshOutbox();
    const item = makeItem({
      respondent: { group: 'youth', ageBand: 'under13' },
      location: { point: { lat: 55.59, lon: 13.01 }, pointConsentVersion: 'point-1' },
    });
    await expect(outbox.enqueue(item)).rejects.toBeInstanceOf(ValidationError);
  });

  it('should keep one record when the same id is queued twice', async () => {
    const { outbox, clock } = freshOutbox();
    const item = makeItem();
    const first = await outbox.enqueue(item);
    clock.now += 5000;
    const second = await outbox.enqueue({ ...item, text: 'Något annat' });
    expect(second).toEqual(first);
    expect(await outbox.count()).toBe(1);
  });

  it('should keep sent items with their receipt and tags, out of the queue', async () => {
    const { outbox, clock } = freshOutbox();
    const [a, b] = await enqueueMany(outbox, clock, 2);
    await outbox.markSent(a as string, 'AAAAAAAAAAAAAAAAAAAAAA', [{ areaCode: '11319', source: 'chosen' }]);
    expect((await outbox.pending()).map((r) => r.id)).toEqual([b]);
    const sent = await outbox.get(a as string);
    expect(sent).toMatchObject({
      state: 'sent',
      receipt: 'AAAAAAAAAAAAAAAAAAAAAA',
      tags: [{ areaCode: '11319', source: 'chosen' }],
      sentAt: clock.now,
      attempts: 1,
    });
    expect(await outbox.count('sent')).toBe(1);
  });

  it('should not turn a sent item back into one that needs attention', async () => {
    const { outbox, clock } = freshOutbox();
    const [a] = await enqueueMany(outbox, clock, 1);
    await outbox.markSent(a as string, 'AAAAAAAAAAAAAAAAAAAAAA');
    await outbox.markAttention(a as string, 'conflict');
    expect((await outbox.get(a as string))?.state).toBe('sent');
  });

  it('should put an item that needs attention back in the queue when asked', async () => {
    const { outbox, clock } = freshOutbox();
    const [a] = await enqueueMany(outbox, clock, 1);
    await outbox.markAttention(a as string, 'http_400', [{ path: '', message: 'bad' }]);
    expect(await outbox.pending()).toEqual([]);
    await outbox.requeue(a as string);
    const record = await outbox.get(a as string);
    expect(record?.state).toBe('queued');
    expect(record?.errors).toBeUndefined();
  });

  it('should store receipt statuses on the sent items', async () => {
    const { outbox, clock } = freshOutbox();
    const [a] = await enqueueMany(outbox, clock, 1);
    await outbox.markSent(a as string, 'BBBBBBBBBBBBBBBBBBBBBB');
    await outbox.setReceiptStatuses([
      { receipt: 'BBBBBBBBBBBBBBBBBBBBBB', status: 'not_published', reason: 'Innehöll namn' },
    ]);
    expect((await outbox.get(a as string))?.receiptInfo).toMatchObject({
      status: 'not_published',
      reason: 'Innehöll namn',
    });
  });

  it("should replace the device's copy of redacted fields with the stored ones, and leave the rest", async () => {
    const { outbox, clock } = freshOutbox();
    const [a, b] = await enqueueMany(outbox, clock, 2, {
      kind: 'answer',
      insatsId: 'exempel',
      text: 'Ring mig, 19121212-1212.',
      respondent: { group: 'association', organisation: 'Klubben 070-123 45 67' },
      answers: [
        { questionId: 'fri', questionVersion: 1, value: 'Mejla a@example.se' },
        { questionId: 'val', questionVersion: 1, value: 'a' },
      ],
    });
    await outbox.markSent(a as string, 'CCCCCCCCCCCCCCCCCCCCCC');
    await outbox.markSent(b as string, 'DDDDDDDDDDDDDDDDDDDDDD');
    await outbox.setReceiptStatuses([
      {
        receipt: 'CCCCCCCCCCCCCCCCCCCCCC',
        status: 'published',
        redacted: {
          text: 'Ring mig, [borttaget].',
          title: 'Not in the item',
          organisation: 'Klubben [borttaget]',
          answers: { fri: 'Mejla [borttaget]' },
        },
      },
      { receipt: 'DDDDDDDDDDDDDDDDDDDDDD', status: 'received' },
    ]);
    const redacted = await outbox.get(a as string);
    expect(redacted?.item).toMatchObject({
      text: 'Ring mig, [borttaget].',
      respondent: { organisation: 'Klubben [borttaget]' },
      answers: [
        { questionId: 'fri', value: 'Mejla [borttaget]' },
        { questionId: 'val', value: 'a' },
      ],
    });
    expect(redacted?.item).not.toHaveProperty('title');
    expect(JSON.stringify(redacted)).not.toContain('19121212');
    // Stored: a later read (after a reload) sees the redacted copy too.
    expect((await outbox.all()).find((r) => r.id === a)?.item.text).toBe('Ring mig, [borttaget].');
    expect((await outbox.get(b as string))?.item.text).toBe('Ring mig, 19121212-1212.');
  });

  it('should empty the outbox on clear', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 3);
    await outbox.clear();
    expect(await outbox.count()).toBe(0);
  });
});
