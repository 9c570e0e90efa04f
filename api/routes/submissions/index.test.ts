import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  answerItem,
  commentItem,
  STORE_KINDS,
  send,
  type TestApp,
  TRYGGARE,
  testApp,
} from '../../test/index.ts';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

const storedCount = async (id: string) =>
  (await t.query<{ n: number }>('SELECT count(*) AS n FROM submissions WHERE id = ?', id))[0]?.n;

/** The same object with its keys (at every level) in reverse order. */
function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reorderKeys(v)]),
  );
}

describe.each(STORE_KINDS)('POST /api/submissions on %s', (kind) => {
  beforeEach(async () => {
    t = await testApp({ kind });
  });

  it('should store an answer and give a 128-bit receipt and the chosen delområde as primary tag', async () => {
    const item = answerItem();
    const [result] = await send(t, [item]);
    expect(result).toMatchObject({
      id: item.id,
      status: 'created',
      tags: [{ areaCode: '11319', source: 'chosen' }],
    });
    expect(result?.receipt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(result?.receipt).not.toContain(item.id.slice(0, 8));
    // Committed before the answer: another connection sees it at once.
    expect(await storedCount(item.id)).toBe(1);
  });

  it('should answer duplicate with the same receipt when keys are reordered, storing nothing new', async () => {
    const item = answerItem({
      location: { areaCode: '11319', point: { lat: 55.5913, lon: 13.0081 }, pointConsentVersion: 'v1' },
    });
    const [first] = await send(t, [item]);
    const [again] = await send(t, [reorderKeys(item)]);
    expect(again).toEqual({ id: item.id, status: 'duplicate', receipt: first?.receipt, tags: first?.tags });
    expect(await storedCount(item.id)).toBe(1);
    const answers = await t.query('SELECT * FROM submission_answers WHERE submission_id = ?', item.id);
    expect(answers).toHaveLength(3);
  });

  it('should answer conflict for the same id with other content and keep the first', async () => {
    const item = commentItem();
    await send(t, [item]);
    const [result] = await send(t, [{ ...item, text: 'Något helt annat.' }]);
    expect(result).toEqual({ id: item.id, status: 'conflict' });
    expect((await t.store.getSubmission(item.id))?.text).toBe(item.text);
  });

  it('should treat the same id twice in one batch like a retry: duplicate, or conflict if changed', async () => {
    const a = commentItem();
    const b = commentItem();
    const results = await send(t, [a, reorderKeys(a), b, { ...b, text: 'Ändrad' }]);
    expect(results.map((r) => r.status)).toEqual(['created', 'duplicate', 'created', 'conflict']);
    expect(results[1]?.receipt).toBe(results[0]?.receipt);
    expect(await storedCount(a.id)).toBe(1);
    expect(await storedCount(b.id)).toBe(1);
  });

  it('should store the valid items of a batch and reject the bad one with field errors, in order', async () => {
    const good1 = answerItem();
    const bad = { ...commentItem(), text: '   ', respondent: { group: 'alien' } };
    const good2 = commentItem();
    const results = await send(t, [good1, bad, good2]);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [good1.id, 'created'],
      [bad.id, 'rejected'],
      [good2.id, 'created'],
    ]);
    const paths = results[1]?.errors?.map((e) => e.path);
    expect(paths).toContain('respondent.group');
    expect(results[1]).not.toHaveProperty('receipt');
    expect(await storedCount(bad.id)).toBe(0);
    expect(await storedCount(good2.id)).toBe(1);
  });

  it('should reject contact details and location points from children under 13', async () => {
    const withContact = commentItem({
      respondent: { group: 'youth', ageBand: 'under13' },
      contact: { email: 'barn@example.se', consentVersion: 'v1' },
    });
    const withPoint = commentItem({
      respondent: { group: 'youth', ageBand: 'under13' },
      location: { point: { lat: 55.5913, lon: 13.0081 }, pointConsentVersion: 'v1' },
    });
    const [contact, point] = await send(t, [withContact, withPoint]);
    expect(contact).toMatchObject({ status: 'rejected', errors: [{ path: 'contact' }] });
    expect(point).toMatchObject({ status: 'rejected', errors: [{ path: 'location.point' }] });
    expect(await t.query('SELECT * FROM contacts')).toHaveLength(0);
  });

  it('should reject text with a NUL character (PostgreSQL cannot store it) rather than fail', async () => {
    const withNul = commentItem({ text: 'Hej\u0000då' });
    const titled = { ...commentItem({ kind: 'proposal' }), title: 'Förslag\u0000' };
    const results = await send(t, [withNul, titled, commentItem()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'created']);
    expect(results[0]?.errors).toEqual([{ path: 'text', message: expect.stringContaining('NUL') }]);
    expect(await storedCount(withNul.id)).toBe(0);
  });

  it('should keep contact details apart from the submission, for staff only', async () => {
    const item = commentItem({
      contact: { email: 'anna@example.se', consentVersion: 'v1' },
      respondent: { group: 'association', organisation: 'Seveds IF' },
    });
    await send(t, [item]);
    const [row] = await t.query<Record<string, unknown>>('SELECT * FROM submissions WHERE id = ?', item.id);
    expect(row?.organisation).toBe('Seveds IF');
    expect(JSON.stringify(row)).not.toContain('anna@example.se');
    expect(await t.query('SELECT email FROM contacts WHERE submission_id = ?', item.id)).toEqual([
      { email: 'anna@example.se' },
    ]);
  });

  it('should tag a point to the delområde it lies in, keep the chosen area primary, and never store the point', async () => {
    const item = answerItem({
      location: { areaCode: '11319', point: { lat: 55.591312, lon: 13.008145 }, pointConsentVersion: 'v1' },
    });
    const [result] = await send(t, [item]);
    expect(result?.tags).toEqual([
      { areaCode: '11319', source: 'chosen' },
      { areaCode: '11316', source: 'point' },
    ]);
    const stored = await t.store.getSubmission(item.id);
    expect(stored?.cell).toBe('55.590,13.005');
    // Nothing in any table holds the exact coordinates.
    for (const table of ['submissions', 'submission_answers', 'tags', 'contacts']) {
      const dump = JSON.stringify(await t.query(`SELECT * FROM ${table}`));
      expect(dump).not.toContain('55.591312');
      expect(dump).not.toContain('13.008145');
    }
  });

  it('should tag points in several real delområden', async () => {
    const places = [
      { lat: 55.5913, lon: 13.0081, code: '11316' }, // Möllevångstorget, Möllevången
      { lat: 55.5857, lon: 13.0129, code: '11319' }, // Sevedsplan, Södra Sofielund
      { lat: 55.6131, lon: 12.9766, code: '10101' }, // Turning Torso, Västra Hamnen
      { lat: 55.5636, lon: 12.9763, code: '25612' }, // Hyllie station, Hyllievång
    ];
    const items = places.map(({ lat, lon }) =>
      commentItem({ location: { point: { lat, lon }, pointConsentVersion: 'v1' } }),
    );
    const results = await send(t, items);
    expect(results.map((r) => r.tags)).toEqual(
      places.map(({ code }) => [{ areaCode: code, source: 'point' }]),
    );
  });

  it('should accept a point outside Malmö with no point tag', async () => {
    const item = commentItem({
      location: { point: { lat: 55.6761, lon: 12.5683 }, pointConsentVersion: 'v1' },
    });
    const [result] = await send(t, [item]);
    expect(result).toMatchObject({ status: 'created', tags: [] });
  });

  it('should still answer duplicate for a stored item whose insats was withdrawn since', async () => {
    const item = answerItem();
    const [first] = await send(t, [item]);
    await t.store.setExamplesPublished(false);
    const [retry] = await send(t, [item]);
    expect(retry).toMatchObject({ status: 'duplicate', receipt: first?.receipt });
    const [fresh] = await send(t, [answerItem()]);
    expect(fresh).toMatchObject({ status: 'rejected', errors: [{ path: 'insatsId' }] });
  });

  it('should keep accepting answers to an older version of a question', async () => {
    const insats = await t.store.getPublishedInsats(TRYGGARE.insatsId);
    if (!insats) throw new Error('example insats missing');
    const questions = insats.questions.map((q) =>
      q.id === TRYGGARE.scale
        ? { ...q, version: 2, text: { sv: 'Hur trygg känner du dig på kvällen nu?' } }
        : q,
    );
    await t.store.saveInsats({ ...insats, questions }, { published: true });
    const [old, current] = await send(t, [
      answerItem(),
      answerItem({ answers: [{ questionId: TRYGGARE.scale, questionVersion: 2, value: 4 }] }),
    ]);
    expect(old?.status).toBe('created');
    expect(current?.status).toBe('created');
  });
});
