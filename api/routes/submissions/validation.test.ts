import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const answer = (questionId: string, value: unknown, questionVersion = 1) =>
  answerItem({ answers: [{ questionId, questionVersion, value } as never] });

describe.each(STORE_KINDS)('POST /api/submissions checks answers against the catalogue on %s', (kind) => {
  // One app for the file: every item here is new or rejected, so the tests cannot disturb each other.
  beforeAll(async () => {
    t = await testApp({ kind });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['an option of a single-choice question', answer(TRYGGARE.single, 'sallan')],
    ['options of a multiple-choice question', answer(TRYGGARE.multiple, ['ljus', 'gront', 'vuxna'])],
    ['a scale value from 1 to 5', answer(TRYGGARE.scale, 5)],
    ['free text for a text question', answer(TRYGGARE.text, 'Gångtunneln vid stationen.')],
  ])('should accept %s', async (_, item) => {
    expect((await send(t, [item]))[0]?.status).toBe('created');
  });

  it.each([
    ['an option the question does not have', answer(TRYGGARE.single, 'ibland'), 'answers.0.value'],
    [
      'several values for a single-choice question',
      answer(TRYGGARE.single, ['sallan', 'varje-dag']),
      'answers.0.value',
    ],
    ['an option twice', answer(TRYGGARE.multiple, ['ljus', 'ljus']), 'answers.0.value'],
    ['a scale value of 6', answer(TRYGGARE.scale, 6), 'answers.0.value'],
    ['a scale value of 2.5', answer(TRYGGARE.scale, 2.5), 'answers.0.value'],
    ['text for a scale question', answer(TRYGGARE.scale, 'bra'), 'answers.0.value'],
    ['a number for a text question', answer(TRYGGARE.text, 3), 'answers.0.value'],
    ['a question version that does not exist', answer(TRYGGARE.scale, 3, 9), 'answers.0.questionId'],
    ['a question of another insats', answer('uis-latt', 3), 'answers.0.questionId'],
    ['an insats that does not exist', answerItem({ insatsId: 'finns-inte' }), 'insatsId'],
    ['an unknown delområde', commentItem({ location: { areaCode: '99999' } }), 'location.areaCode'],
    ['an answer without insats', { ...answerItem(), insatsId: undefined }, 'insatsId'],
    ['a proposal without title', commentItem({ kind: 'proposal' }), 'title'],
    ['a comment with only spaces', commentItem({ text: '    ' }), 'text'],
    ['text over 5,000 characters', commentItem({ text: 'x'.repeat(5001) }), 'text'],
    ['an id that is not a UUID', commentItem({ id: 'not-a-uuid' }), 'id'],
  ])('should reject %s, naming the field', async (_, item, path) => {
    const [result] = await send(t, [item]);
    expect(result?.status).toBe('rejected');
    expect(result?.errors?.map((e) => e.path)).toContain(path);
  });

  it('should reject the same question answered twice', async () => {
    const item = answerItem({
      answers: [
        { questionId: TRYGGARE.scale, questionVersion: 1, value: 2 },
        { questionId: TRYGGARE.scale, questionVersion: 1, value: 4 },
      ],
    });
    const [result] = await send(t, [item]);
    expect(result).toMatchObject({ status: 'rejected', errors: [{ path: 'answers.1.questionId' }] });
  });

  it('should answer each junk item with rejected, never a server error', async () => {
    const junk = [
      null,
      1,
      'x',
      [],
      {},
      { schemaVersion: 2 },
      { schemaVersion: 1, id: 5 },
      { ...commentItem(), extra: true },
    ];
    const results = await send(t, junk);
    expect(results).toHaveLength(junk.length);
    for (const r of results) expect(r.status).toBe('rejected');
  });
});
