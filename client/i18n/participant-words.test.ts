/**
 * Participant screens use plain words, not the city's internal ones: the project's name
 * ("Kraftsamla", "kraftsamlande insats") is for staff screens only (client/staff/i18n), and the
 * words a 13-year-old with Swedish as a second language stumbled on are gone from Swedish.
 */
import { describe, expect, it } from 'vitest';
import ar from './ar.ts';
import en from './en.ts';
import sv from './sv.ts';

const catalogues = { sv, en, ar } as Record<string, Record<string, string>>;

/** Swedish words that read as internal or hard, as they were found in the participant texts. */
const STUMBLING = [
  /\bLäge\b/, // for status
  /ungefärligt läge/i,
  /hemskärm/i,
  /ta bort bocken/i,
  /raderas/i,
  /frivilligt/i,
  /avrundade nedåt/i,
  /summan av talen/i,
  /\binsats(en|er|erna)?\b/i,
];

describe('participant words', () => {
  it.each(Object.keys(catalogues))('should never name Kraftsamla in %s', (code) => {
    const found = Object.entries(catalogues[code] ?? {})
      .filter(([, text]) => /kraftsaml/i.test(text))
      .map(([key]) => key);
    expect(found).toEqual([]);
  });

  it('should use none of the words young readers stumbled on, in Swedish', () => {
    const found = Object.entries(sv).flatMap(([key, text]) =>
      STUMBLING.filter((word) => word.test(text)).map((word) => `${key}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it('should give a next step for items the city could not take', () => {
    for (const code of Object.keys(catalogues)) {
      const c = catalogues[code] ?? {};
      // The button the text names is the button the screen shows.
      const remove = (c['my.remove'] ?? '').toLowerCase();
      expect([code, (c['attention.conflict'] ?? '').toLowerCase()]).toEqual([
        code,
        expect.stringContaining(remove),
      ]);
      expect([code, (c['attention.rejected'] ?? '').toLowerCase()]).toEqual([
        code,
        expect.stringContaining(remove),
      ]);
    }
  });

  it('should name a stadsområde in Arabic with a word no smaller than the one for an area', () => {
    expect(ar['openData.district']).not.toMatch(/الحي/);
    expect(ar['openData.district']).not.toBe(ar['openData.area']);
  });
});
