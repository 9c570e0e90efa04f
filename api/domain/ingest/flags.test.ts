import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueQuestion, Store } from '../../store/index.ts';
import {
  answerItem,
  commentItem,
  malmoBoundaries,
  STORE_KINDS,
  send,
  TRYGGARE,
  type TestApp,
  testApp,
} from '../../test/index.ts';
import { freeTextFields, spanFlags } from './flags.ts';
import { ingestBatch } from './index.ts';

const PERSONNUMMER = '850709-9805';

describe('freeTextFields and spanFlags', () => {
  const questions = new Map<string, CatalogueQuestion>([
    ['fri@1', { id: 'fri', version: 1, kind: 'text', optionIds: [] }],
    ['val@1', { id: 'val', version: 1, kind: 'single', optionIds: ['a'] }],
  ]);

  it('should name title, text and short-text answers, and leave out choices and empty texts', () => {
    const fields = freeTextFields(
      {
        title: 'Rubrik',
        text: '  ',
        answers: [
          { questionId: 'val', questionVersion: 1, value: 'a' },
          { questionId: 'fri', questionVersion: 1, value: 'Svar' },
        ],
      },
      questions,
    );
    expect(fields).toEqual([
      { field: 'title', text: 'Rubrik' },
      { field: 'answers.fri', text: 'Svar', questionId: 'fri' },
    ]);
  });

  it("should name the organisation's name, typed by the person, as a field of both versions", () => {
    expect(
      freeTextFields({ text: 'Idé', respondent: { organisation: 'Ring 070-123 45 67' } }, undefined),
    ).toEqual([
      { field: 'text', text: 'Idé' },
      { field: 'organisation', text: 'Ring 070-123 45 67' },
    ]);
    const flags = spanFlags(
      freeTextFields({ organisation: { name: `Förening ${PERSONNUMMER}` } }, undefined),
    );
    expect(flags).toEqual([
      { kind: 'personnummer', field: 'organisation', start: 9, end: 20, duplicateOf: null },
    ]);
  });

  it('should give spans into each field as stored, field by field', () => {
    const flags = spanFlags([
      { field: 'title', text: 'Ring 070-123 45 67' },
      { field: 'text', text: `Mitt nummer är ${PERSONNUMMER}.` },
    ]);
    expect(flags).toEqual([
      { kind: 'phone', field: 'title', start: 5, end: 18, duplicateOf: null },
      { kind: 'personnummer', field: 'text', start: 15, end: 26, duplicateOf: null },
    ]);
  });
});

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe.each(STORE_KINDS)('flags at ingest on %s', (kind) => {
  it('should store a personnummer flag with its span on a comment, which waits for moderation', async () => {
    t = await testApp({ kind });
    const text = `Ring mig, mitt personnummer är ${PERSONNUMMER}.`;
    const item = commentItem({ text });
    const [result] = await send(t, [item]);
    expect(result?.status).toBe('created');
    const stored = await t.store.getSubmission(item.id);
    expect(stored?.moderationStatus).toBe('pending');
    expect(stored?.flags).toEqual([
      {
        kind: 'personnummer',
        field: 'text',
        start: text.indexOf(PERSONNUMMER),
        end: text.indexOf(PERSONNUMMER) + 11,
        duplicateOf: null,
      },
    ]);
    const [row] = await t.query<{ flagged: number }>('SELECT flagged FROM submissions WHERE id = ?', item.id);
    expect(row?.flagged).toBe(1);
    // Positions only: the matched digits are nowhere but in the text itself.
    const flagRows = await t.query<Record<string, unknown>>(
      'SELECT * FROM submission_flags WHERE submission_id = ?',
      item.id,
    );
    expect(JSON.stringify(flagRows)).not.toContain('9805');
  });

  it('should flag a short-text answer, and keep a choice-only answer unflagged and unmoderated', async () => {
    t = await testApp({ kind });
    const choices = answerItem();
    const texted = answerItem({
      answers: [{ questionId: TRYGGARE.text, questionVersion: 1, value: 'Mejla anna@example.com' }],
    });
    await send(t, [choices, texted]);
    const plain = await t.store.getSubmission(choices.id);
    expect(plain?.moderationStatus).toBe('none');
    expect(plain?.flags).toEqual([]);
    const withText = await t.store.getSubmission(texted.id);
    expect(withText?.moderationStatus).toBe('pending');
    expect(withText?.flags).toEqual([
      { kind: 'email', field: `answers.${TRYGGARE.text}`, start: 6, end: 22, duplicateOf: null },
    ]);
  });

  it('should flag a near-identical text from the same device within minutes, not from another device', async () => {
    t = await testApp({ kind });
    let now = new Date('2026-11-20T10:00:00.000Z');
    // Straight to ingest, to move its clock.
    const ingest = (items: unknown[]) =>
      ingestBatch(items, { store: t?.store as Store, boundaries: malmoBoundaries(), now: () => now });
    const text = 'Det behövs mycket mer belysning längs cykelbanan vid skolan, det är mörkt.';
    const first = commentItem({ text, deviceId: 'device-aaaaaaaa' });
    await ingest([first]);

    now = new Date('2026-11-20T10:04:00.000Z');
    const again = commentItem({ text: `${text}!`, deviceId: 'device-aaaaaaaa' });
    const other = commentItem({ text, deviceId: 'device-bbbbbbbb' });
    // In one batch: the second copy repeats the first one of the batch too.
    const third = commentItem({ text, deviceId: 'device-bbbbbbbb' });
    await ingest([again, other, third]);
    expect((await t.store.getSubmission(again.id))?.flags).toEqual([
      { kind: 'near-duplicate', field: null, start: null, end: null, duplicateOf: first.id },
    ]);
    expect((await t.store.getSubmission(other.id))?.flags).toEqual([]);
    expect((await t.store.getSubmission(third.id))?.flags).toEqual([
      { kind: 'near-duplicate', field: null, start: null, end: null, duplicateOf: other.id },
    ]);

    // More than ten minutes after the last one it is a new message, not a repeat.
    now = new Date('2026-11-20T10:14:30.000Z');
    const later = commentItem({ text, deviceId: 'device-aaaaaaaa', id: randomUUID() });
    await ingest([later]);
    expect((await t.store.getSubmission(later.id))?.flags).toEqual([]);
  });

  it('should store flags once: a retry is a duplicate and adds none, nor flags itself', async () => {
    t = await testApp({ kind });
    const item = commentItem({ text: `Mitt nummer ${PERSONNUMMER}, och det är viktigt att ni ringer.` });
    await send(t, [item]);
    const [again] = await send(t, [item]);
    expect(again?.status).toBe('duplicate');
    const rows = await t.query<{ kind: string }>(
      'SELECT kind FROM submission_flags WHERE submission_id = ?',
      item.id,
    );
    expect(rows.map((r) => r.kind)).toEqual(['personnummer']);
  });
});
