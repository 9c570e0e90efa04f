import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSwedishLater, setLanguage } from '../../i18n/index.ts';
import { protectedCount } from './format.ts';

beforeAll(async () => {
  (globalThis as { document?: unknown }).document = { documentElement: {} };
  // This screen opens after the rest of Swedish has loaded (the router waits for it).
  await loadSwedishLater();
});
afterAll(async () => {
  await setLanguage('sv', false);
  delete (globalThis as { document?: unknown }).document;
});

describe('protected counts in words', () => {
  it.each([
    ['sv', 'färre än 5', '1\u00a0235'],
    ['en', 'fewer than 5', '1,235'],
    ['ar', 'أقل من 5', '1,235'],
  ])(
    'should write "fewer than 5" in words and published figures as numbers in %s',
    async (code, fewer, big) => {
      await setLanguage(code, false);
      expect(protectedCount({ count: null, fewerThan5: true })).toBe(fewer);
      expect(protectedCount({ count: 1235, fewerThan5: false })).toBe(big);
    },
  );

  it('should never show a figure for a protected cell, even if one slipped into the data', async () => {
    await setLanguage('sv', false);
    expect(protectedCount({ count: 3, fewerThan5: true })).toBe('färre än 5');
  });
});
