import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SubmissionItem } from './index.ts';

const item = {
  schemaVersion: 3,
  id: '0190c2a4-7b1e-7cc0-8f00-0123456789ab',
  kind: 'answer',
  insatsId: 'exempel-tryggare-malmo',
  answers: [{ questionId: 'trygg-kvall', questionVersion: 1, value: 4 }],
  respondent: { group: 'youth', ageBand: '16-19' },
  location: { areaCode: '11319' },
  deviceId: 'device-0123456789',
  locale: 'sv',
  createdAt: '2026-12-07T12:00:00.000Z',
};
const accepts = (locale: string) => v.safeParse(SubmissionItem, { ...item, locale }).success;

describe("a submission's locale", () => {
  it('should take every language the app offers, easy-read Swedish (a private-use tag) included', () => {
    // Refusing one would lose what a person wrote in that language.
    for (const code of [
      'sv',
      'sv-x-lattlast',
      'en',
      'ar',
      'ckb',
      'fa',
      'so',
      'ti',
      'kmr',
      'tr',
      'sh',
      'pl',
    ]) {
      expect([code, accepts(code)]).toEqual([code, true]);
    }
  });

  it('should refuse what is not a language tag', () => {
    expect(accepts('')).toBe(false);
    expect(accepts('sv_SE')).toBe(false);
    expect(accepts('<script>')).toBe(false);
  });
});
