import { afterEach, describe, expect, it } from 'vitest';
import {
  commentItem,
  malmoBoundaries,
  STORE_KINDS,
  send,
  type TestApp,
  TRYGGARE,
  testApp,
} from '../../test/index.ts';
import { buildGazetteer } from '../gazetteer/index.ts';
import { tagSubmission } from '../tagging/index.ts';
import { freeTexts, withTextTags } from './text-tags.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe.each(STORE_KINDS)('text tags through the API (%s)', (kind) => {
  it('should give a comment naming Seved, with no area, a primary text tag for Södra Sofielund', async () => {
    t = await testApp({ kind });
    const item = commentItem({ text: 'Det är mörkt på Seved på kvällen', location: {} });
    const [result] = await send(t, [item]);
    expect(result).toMatchObject({ status: 'created', tags: [{ areaCode: '11319', source: 'text' }] });
    const stored = await t.store.getSubmission(item.id);
    expect(stored?.tags).toEqual([
      { areaCode: '11319', source: 'text', boundaryVersion: malmoBoundaries().version, primary: true },
    ]);
  });

  it("should keep text tags below the person's chosen area", async () => {
    t = await testApp({ kind });
    const item = commentItem({ text: 'Vi går ofta till Möllan.', location: { areaCode: '11319' } });
    await send(t, [item]);
    const tags = (await t.store.getSubmission(item.id))?.tags;
    expect(tags?.map((tag) => [tag.areaCode, tag.source, tag.primary])).toEqual([
      ['11319', 'chosen', true],
      ['11316', 'text', false],
    ]);
  });

  it('should use a gazetteer entry staff added, without a restart', async () => {
    t = await testApp({ kind });
    await t.store.saveGazetteerEntry({ id: 'alias:folkets-park', name: 'Folkets park', codes: ['11316'] });
    const item = commentItem({ text: 'Folkets park behöver fler bänkar.', location: {} });
    const [result] = await send(t, [item]);
    expect(result?.tags).toEqual([{ areaCode: '11316', source: 'text' }]);
  });
});

describe('freeTexts', () => {
  const questions = new Map([
    [`${TRYGGARE.text}@1`, { id: TRYGGARE.text, version: 1, kind: 'text' as const, optionIds: [] }],
    [`${TRYGGARE.single}@1`, { id: TRYGGARE.single, version: 1, kind: 'single' as const, optionIds: ['a'] }],
  ]);

  it('should read the title, the text and short-text answers, not choices', () => {
    const item = {
      title: 'Ljus på Seved',
      text: 'Mer ljus',
      answers: [
        { questionId: TRYGGARE.text, questionVersion: 1, value: 'Vid Möllan' },
        { questionId: TRYGGARE.single, questionVersion: 1, value: 'a' },
      ],
    };
    expect(freeTexts(item, questions)).toEqual(['Ljus på Seved', 'Mer ljus', 'Vid Möllan']);
  });
});

describe('withTextTags', () => {
  const malmo = malmoBoundaries();
  const gazetteer = buildGazetteer([
    { id: 'alias:seved', name: 'Seved', codes: ['11319'] },
    { id: 'area:99999', name: 'Nowhere', codes: ['99999'] },
  ]);

  it('should leave out areas the active boundary set does not have', () => {
    expect(withTextTags([], ['Nowhere och Seved'], gazetteer, malmo)).toEqual([
      { areaCode: '11319', source: 'text', boundaryVersion: malmo.version, primary: true },
    ]);
  });

  it('should keep a point tag primary over a text tag', () => {
    const point = tagSubmission({ point: { lat: 55.5913, lon: 13.0081 } }, malmo);
    expect(
      withTextTags(point, ['på Seved'], gazetteer, malmo).map((tag) => [tag.source, tag.primary]),
    ).toEqual([
      ['point', true],
      ['text', false],
    ]);
  });

  it('should not run a title on into the text: each is its own sentence', () => {
    const g = buildGazetteer([{ id: 'area:37306', name: 'Oxie Kyrkby', codes: ['37306'] }]);
    expect(withTextTags([], ['Bo i Oxie', 'Kyrkby'], g, malmo)).toEqual([]);
  });
});
