import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshOutbox, makeItem } from '../test/helpers.ts';
import { asGeneralComment, insatsGone, wordsOf } from './closed-insats.ts';

const answerForClosedInsats = () =>
  makeItem({
    kind: 'answer',
    insatsId: 'sommarlov-2026',
    answers: [
      { questionId: 'q1', questionVersion: 1, value: 'bra' },
      { questionId: 'q2', questionVersion: 1, value: 'Mer fotboll på kvällarna.' },
    ],
    text: 'Tack för i somras.',
  } as never);

describe('an item whose insats was unpublished before it synced', () => {
  it('should be recognised from the API refusing its insatsId, and keep every word for copying', async () => {
    const { outbox } = freshOutbox();
    const record = await outbox.enqueue(answerForClosedInsats());
    await outbox.settle([
      {
        id: record.id,
        state: 'attention',
        status: 'rejected',
        errors: [{ path: 'insatsId', message: 'sommarlov-2026 is not a published insats' }],
      },
    ]);
    const stored = await outbox.get(record.id);
    expect(stored && insatsGone(stored)).toBe(true);
    // `bra` is a chosen option (an id), not words.
    expect(wordsOf(record.item)).toBe('Mer fotboll på kvällarna.\n\nTack för i somras.');
  });

  it('should not call any other refusal "insats closed"', async () => {
    const { outbox } = freshOutbox();
    const record = await outbox.enqueue(answerForClosedInsats());
    await outbox.settle([
      {
        id: record.id,
        state: 'attention',
        status: 'rejected',
        errors: [{ path: 'text', message: 'too long' }],
      },
    ]);
    const stored = await outbox.get(record.id);
    expect(stored && insatsGone(stored)).toBe(false);
  });

  it('should be sent as a general comment instead: the same words, no insats, a new id, in one step', async () => {
    const { outbox } = freshOutbox();
    const record = await outbox.enqueue(answerForClosedInsats());
    await outbox.settle([
      { id: record.id, state: 'attention', status: 'rejected', errors: [{ path: 'insatsId', message: 'x' }] },
    ]);
    const comment = asGeneralComment(record.item, '01939a6e-0000-7000-8000-000000000001', Date.now());
    expect(comment).toMatchObject({ kind: 'comment', text: wordsOf(record.item) });
    expect(comment).not.toHaveProperty('insatsId');
    expect(comment).not.toHaveProperty('answers');
    const next = await outbox.replace(record.id, comment);
    expect(await outbox.get(record.id)).toBeUndefined();
    expect(await outbox.pending()).toEqual([next]);
    expect(next.item).toMatchObject({ location: { areaCode: '11319' }, respondent: { group: 'youth' } });
  });

  it('should refuse to replace an item that is not waiting for the person', async () => {
    const { outbox } = freshOutbox();
    const record = await outbox.enqueue(answerForClosedInsats());
    await expect(outbox.replace(record.id, makeItem())).rejects.toThrow();
    expect(await outbox.get(record.id)).toMatchObject({ state: 'queued' });
  });
});
