import { describe, expect, it } from 'vitest';
import { PASTED, ROSENGARD, TRYGGARE, themeFixture } from './fixture.ts';
import { computeAreaThemes } from './city.ts';
import { computeThemes, logOdds, MIN_COUNT } from './index.ts';
import { duplicateKey, stemOf, tokenise } from './tokens.ts';

describe('tokenise', () => {
  it('should stem inflections together and keep the form people wrote', () => {
    const tokens = tokenise('Belysningen och BELYSNING, lamporna', 'sv');
    expect(tokens.map((t) => [t.form, t.stop])).toEqual([
      ['belysningen', false],
      ['och', true],
      ['belysning', false],
      ['lamporna', false],
    ]);
    expect(stemOf('belysningen', 'sv')).toBe(stemOf('belysning', 'sv'));
    expect(stemOf('lights', 'en')).toBe(stemOf('lighting', 'en'));
  });

  it('should stem Arabic with and without the article and the conjunction', () => {
    expect(stemOf('الإضاءة', 'ar')).toBe(stemOf('إضاءة', 'ar'));
    expect(stemOf('والإضاءة', 'ar')).toBe(stemOf('الإضاءة', 'ar'));
    expect(tokenise('في الملعب', 'ar').map((t) => t.stop)).toEqual([true, false]);
  });

  it('should mark where punctuation breaks a phrase', () => {
    expect(tokenise('Trasig lampa, mörk park', 'sv').map((t) => t.after)).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });

  it('should never make a term of digits, an e-mail address or a link', () => {
    const forms = tokenise(
      'Ring 070-123 45 67 eller anna.svensson@example.se, se https://x.se/sida',
      'sv',
    ).map((t) => t.form);
    expect(forms).toEqual(['ring', 'eller', 'se']);
  });

  it('should give copies that differ in case, punctuation and spacing one key', () => {
    expect(duplicateKey(PASTED)).toBe(duplicateKey(`  ${PASTED.toLowerCase().replace('!', '.')} `));
    expect(duplicateKey(PASTED)).not.toBe(duplicateKey('Bygg en konstgräsplan i Rosengård sen!'));
  });
});

describe('logOdds', () => {
  it('should be zero for the same rate and grow with the difference', () => {
    expect(logOdds(10, 100, 10, 100, 1, 10).z).toBeCloseTo(0, 10);
    expect(logOdds(30, 100, 10, 100, 1, 10).z).toBeGreaterThan(logOdds(20, 100, 10, 100, 1, 10).z);
  });
});

describe('computeThemes on the three-language fixture', () => {
  const docs = themeFixture();
  const area = computeThemes(docs, { area: ROSENGARD }, 100);
  const byTerm = new Map(area.themes.map((t) => [t.term, t]));

  it('should count the scope, fold the pasted copies and count the rest', () => {
    expect(area.texts).toBe(123);
    expect(area.distinct).toBe(104);
    expect(area.rest).toBe(240);
    expect(area.nearIdenticalGroups).toBe(1);
    expect(area.nearIdenticalTexts).toBe(20);
  });

  it('should put the lighting and the football pitch first, in all three languages', () => {
    const top = area.themes.map((t) => t.term);
    expect(new Set(top.slice(0, 2))).toEqual(new Set(['fotbollsplanen', 'belysningen']));
    expect(new Set(top.slice(2, 5))).toEqual(new Set(['lighting', 'الإضاءة', 'الملعب']));
    for (const term of ['lighting', 'الإضاءة', 'الملعب']) expect(byTerm.get(term)?.count).toBe(25);
    expect(byTerm.get('fotbollsplanen')).toMatchObject({ count: 40, rest: 0, kind: 'word' });
    expect(byTerm.get('football pitch')).toMatchObject({ count: 17, rest: 0, kind: 'phrase' });
  });

  it('should show the written forms behind a stem, most common first', () => {
    expect(byTerm.get('belysningen')).toMatchObject({
      count: 50,
      rest: 20,
      forms: ['belysningen', 'belysning'],
    });
    expect(byTerm.get('الإضاءة')?.forms).toEqual(['الإضاءة', 'إضاءة', 'والإضاءة']);
    expect(byTerm.get('trasig')?.forms).toEqual(['trasig', 'trasiga']);
  });

  it('should count a pasted comment once and say how many copies stood behind it', () => {
    expect(byTerm.get('konstgräsplan')).toMatchObject({ count: 4, nearIdentical: 19 });
    expect(area.themes.findIndex((t) => t.term === 'konstgräsplan')).toBeGreaterThan(10);
  });

  it('should leave out stop words, words seen once and the rest of the city’s own words', () => {
    for (const word of ['och', 'the', 'في', 'är', 'rosengård', 'biblioteket', 'library', 'المكتبة']) {
      expect(byTerm.has(word), word).toBe(false);
    }
    for (const t of area.themes) expect(t.count).toBeGreaterThanOrEqual(MIN_COUNT);
  });

  it('should give each theme its texts per month, copies included', () => {
    const months = byTerm.get('fotbollsplanen')?.months ?? [];
    expect(months.map((m) => m.month)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
    ]);
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(40);
    const pasted = byTerm.get('konstgräsplan')?.months ?? [];
    expect(pasted.reduce((n, m) => n + m.count, 0)).toBe(23);
  });

  it('should rank an insats against the texts of every other insats and of none', () => {
    const insats = computeThemes(docs, { insatsId: TRYGGARE }, 3);
    expect(insats.themes[0]).toMatchObject({ term: 'belysningen', count: 70, rest: 0 });
    expect(insats.themes.map((t) => t.term)).not.toContain('الإضاءة');
  });

  it('should rank in z order and stop at the limit', () => {
    const five = computeThemes(docs, { area: ROSENGARD }, 5).themes;
    expect(five).toHaveLength(5);
    for (let i = 1; i < area.themes.length; i++) {
      expect(area.themes[i - 1]?.z ?? 0).toBeGreaterThanOrEqual(area.themes[i]?.z ?? 0);
    }
  });
});

describe('computeAreaThemes', () => {
  it('should give every area the same themes as asking for it alone', () => {
    const docs = themeFixture();
    const all = computeAreaThemes(docs, 10);
    expect([...all.keys()].sort()).toEqual(['11319', '21120', '37302', ROSENGARD]);
    for (const [area, themes] of all) expect(themes, area).toEqual(computeThemes(docs, { area }, 10));
  });
});
