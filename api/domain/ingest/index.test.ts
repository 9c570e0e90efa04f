import { describe, expect, it } from 'vitest';
import type { SubmissionItem } from '../../../common/wire/index.ts';
import type { Catalogue } from '../../store/index.ts';
import { checkAgainstCatalogue, contentHash, newReceipt } from './index.ts';

describe('contentHash', () => {
  it('should hash the same content equally whatever the key order', () => {
    const a = {
      id: 'x',
      location: { areaCode: '11319', point: { lat: 1, lon: 2 } },
      answers: [{ q: 1, v: 2 }],
    };
    const b = {
      answers: [{ v: 2, q: 1 }],
      location: { point: { lon: 2, lat: 1 }, areaCode: '11319' },
      id: 'x',
    };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should tell different content apart, including the order of list items and whitespace', () => {
    const base = { text: 'Hej', answers: ['a', 'b'] };
    expect(contentHash(base)).not.toBe(contentHash({ ...base, text: 'Hej ' }));
    expect(contentHash(base)).not.toBe(contentHash({ ...base, answers: ['b', 'a'] }));
  });
});

describe('newReceipt', () => {
  it('should be 22 base64url characters (128 bits) and never repeat', () => {
    const receipts = Array.from({ length: 10_000 }, newReceipt);
    for (const r of receipts.slice(0, 100)) expect(r).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(receipts).size).toBe(receipts.length);
  });
});

describe('checkAgainstCatalogue', () => {
  const catalogue: Catalogue = {
    insatser: new Map([
      [
        'i1',
        new Map([
          ['q1@1', { id: 'q1', version: 1, kind: 'single' as const, optionIds: ['a', 'b'] }],
          ['q2@1', { id: 'q2', version: 1, kind: 'multiple' as const, optionIds: ['a', 'b'] }],
        ]),
      ],
    ]),
    areaCodes: new Set(['11319']),
  };
  const item = (over: Partial<SubmissionItem>) =>
    ({ insatsId: 'i1', answers: [], location: {}, ...over }) as unknown as SubmissionItem;

  it('should accept answers that fit their questions', () => {
    const answers = [
      { questionId: 'q1', questionVersion: 1, value: 'a' },
      { questionId: 'q2', questionVersion: 1, value: ['a', 'b'] },
    ];
    expect(checkAgainstCatalogue(item({ answers, location: { areaCode: '11319' } }), catalogue)).toEqual([]);
  });

  it('should name every problem, not only the first', () => {
    const answers = [
      { questionId: 'q1', questionVersion: 1, value: 'c' },
      { questionId: 'q2', questionVersion: 1, value: ['a', 'zz'] },
    ];
    const errors = checkAgainstCatalogue(item({ answers, location: { areaCode: '12345' } }), catalogue);
    expect(errors.map((e) => e.path)).toEqual(['location.areaCode', 'answers.0.value', 'answers.1.value']);
  });

  it('should accept a comment about no insats with a known area', () => {
    expect(
      checkAgainstCatalogue(item({ insatsId: undefined, location: { areaCode: '11319' } }), catalogue),
    ).toEqual([]);
  });
});
