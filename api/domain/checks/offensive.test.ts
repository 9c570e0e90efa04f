import { describe, expect, it } from 'vitest';
import { compileWordList, defaultWordLists, findOffensive, type WordList } from './offensive.ts';

function found(text: string, lists?: readonly WordList[]): string[] {
  return findOffensive(text, lists).map((span) => text.slice(span.start, span.end));
}

describe('defaultWordLists', () => {
  it('should load the shipped Swedish, English and Arabic lists without problems', () => {
    const lists = defaultWordLists();
    expect(lists.map((list) => list.language)).toEqual(['ar', 'en', 'sv']);
    for (const list of lists) {
      expect(list.problems).toEqual([]);
      expect(list.entries).toBeGreaterThan(10);
    }
  });
});

describe('findOffensive', () => {
  it('should find Swedish slurs, insults and threats in any case and inflection', () => {
    expect(found('Jävla Idioter! Din HORA. Svartskallarna ska bort. Jag ska döda dig.')).toEqual([
      'Jävla Idioter',
      'HORA',
      'Svartskallarna',
      'döda dig',
    ]);
  });

  it('should find English slurs, insults and threats', () => {
    expect(found('You motherfuckers, bitches. Kill   yourself, retard.')).toEqual([
      'motherfuckers',
      'bitches',
      'Kill   yourself',
      'retard',
    ]);
  });

  it('should find Arabic insults and threats, also with joined proclitics', () => {
    expect(found('يا كلب، انت شرموطة والشرموطة أمك. سأقتلك')).toEqual([
      'يا كلب',
      'شرموطة',
      'والشرموطة',
      'سأقتلك',
    ]);
  });

  it('should ignore Arabic diacritics and tatweel, and span them in the original text', () => {
    expect(found('يَا كَلْب و شـــرموطة')).toEqual(['يَا كَلْب', 'شـــرموطة']);
  });

  it('should undo simple leetspeak inside words but leave numbers alone', () => {
    expect(found('h0ra, $ubba, fuck1ng, b1tch')).toEqual(['h0ra', '$ubba', 'fuck1ng', 'b1tch']);
    expect(found('år 2030, ring 112, 4 st, 10 %')).toEqual([]);
  });

  it('should not flag everyday words that contain or begin like a listed word', () => {
    const harmless = [
      'Skånegatan',
      'analys',
      'Scunthorpe United',
      'Fittja centrum',
      'spick och span',
      'till slut, slutet, slutsats',
      'horisont och horn',
      'de döda digitala tjänsterna',
      'döda ersättare',
      'fager och fagert',
      'assistent, klassiker',
      'Mongoliet',
      'kukumber',
      'my cocktail',
      'كلب لطيف وحمار في المزرعة',
      'عبد الله',
      'يا حبيبي',
    ];
    for (const text of harmless) expect(found(text), text).toEqual([]);
  });

  it('should compose a decomposed letter before matching', () => {
    expect(found('do\u0308da dig')).toEqual(['do\u0308da dig']);
  });
});

describe('compileWordList', () => {
  it('should match whole words, stems and phrases as the file says', () => {
    const list = compileWordList('xx', '# comment\nbad\ngrim* # trailing comment\nvery bad*\n');
    expect(list.entries).toBe(3);
    expect(found('bad badly grimmer very   badness', [list])).toEqual(['bad', 'grimmer', 'very   badness']);
  });

  it('should skip and report unusable lines instead of throwing', () => {
    const list = compileWordList('xx', 'ok\na*b\nab*\n!bang\n');
    expect(list.entries).toBe(1);
    expect(list.problems).toEqual([
      'xx.txt line 2: a `*` is only allowed at the end of an entry',
      'xx.txt line 3: a stem needs at least 3 letters',
      'xx.txt line 4: an entry must start with a letter',
    ]);
  });

  it('should treat regex characters in an entry literally', () => {
    const list = compileWordList('xx', 'a.b\n');
    expect(found('a.b axb', [list])).toEqual(['a.b']);
  });

  it('should match nothing for an empty list', () => {
    expect(found('anything', [compileWordList('xx', '# only comments\n\n')])).toEqual([]);
  });
});
