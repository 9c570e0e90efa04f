import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, type GazetteerEntry, parseGazetteerFile } from './index.ts';

const DATA = new URL('../../data/malmo/', import.meta.url);
const entries = parseGazetteerFile(JSON.parse(readFileSync(new URL('gazetteer.json', DATA), 'utf8')));
const gazetteer = buildGazetteer(entries);
const arabic = (e: GazetteerEntry) => /[\u0600-\u06FF]/.test(e.name);

/**
 * For every entry marked ambiguous, one sentence where it is the place and one where it is not,
 * written from the rule its kind stands for, so an entry marked wrongly (or a rule that breaks)
 * shows here by name.
 */
const marked = entries.filter((e) => e.codes.length > 0 && e.ambiguous);

describe('each ambiguous entry', () => {
  it('should include the words, first names and other places named in the data notes', () => {
    const byId = new Map(entries.map((e) => [e.id, e.ambiguous]));
    expect(byId.get('alias:seved')).toBe('name');
    expect(byId.get('alias:sorgenfri')).toBe('word');
    expect(byId.get('area:36109')).toBe('elsewhere');
    expect(byId.get('area:11312')).toBe('elsewhere');
    expect(byId.get('landmark:triangeln')).toBe('word');
  });

  it.each(marked.map((e) => [e.id, e] as const))('%s should follow its rule', (_, e) => {
    const ar = arabic(e);
    const place = e.name;
    const at = ar ? `ساكن في ${place}` : `Vi träffas ofta vid ${place} på kvällen.`;
    const codes = [...new Set(e.codes)];
    const found = (text: string) => gazetteer.mentions(text).filter((m) => m.entryId === e.id);
    switch (e.ambiguous) {
      case 'word':
        expect(found(at).map((m) => m.codes)).toEqual([codes]);
        expect(found(`vi träffas ofta vid ${place.toLowerCase()} på kvällen.`), 'lower case').toEqual([]);
        break;
      case 'place':
        expect(found(at).map((m) => m.codes)).toEqual([codes]);
        expect(found(ar ? `رحنا على ${place}` : `Vi åkte till ${place} i helgen.`), 'after till').toEqual([]);
        break;
      case 'name':
        expect(found(at).map((m) => m.codes)).toEqual([codes]);
        expect(found(ar ? `عمي ${place} جاي` : `Min morfar ${place} fyller år.`), 'a person').toEqual([]);
        break;
      case 'elsewhere':
        expect(found(at).map((m) => m.codes)).toEqual([codes]);
        expect(found(ar ? `${place} في الدنمارك` : `Vi var vid ${place} i Ystad.`), 'another town').toEqual(
          [],
        );
        break;
    }
  });
});

describe('a veto reaches only its own clause', () => {
  it.each([
    ['Jag pluggar i Lund men tränar vid Stadion.', ['25503']],
    ['Vi såg Stadion i Stockholm.', []],
    ['Min faster bor i Göteborg, själv bor jag vid Slussen.', ['11425']],
    ['I grew up in Ystad and now live near Gamla Staden.', ['11312']],
    ['Augustenborgs slott ligger på Als.', []],
  ])('%s', (text, codes) => {
    expect(gazetteer.codes(text)).toEqual(codes);
  });
});

describe('a hyphenated compound', () => {
  const codesOf = (id: string) => entries.find((e) => e.id === id)?.codes ?? [];
  it.each([
    ['Möllan-festen var kul.', []],
    ['Seved-gänget hänger där.', []],
    ['Vägen Fosie-Oxie är mörk.', [...codesOf('stadsdel:fosie'), ...codesOf('stadsdel:oxie')]],
    ['Limhamn-Bunkeflo växer.', codesOf('stadsdel:limhamn-bunkeflo')],
  ])('%s', (text, codes) => {
    expect(gazetteer.codes(text)).toEqual(codes);
  });
});

describe('Arabic script', () => {
  it.each([
    ['بيتي بروزنغورد', '48207'],
    ['الجو بارد بهولما', '25611'],
    ['أنا من أوغستنبورغ', '36109'],
    ['وسيفيد صار أحسن', '11319'],
  ])('%s', (text, code) => {
    expect(gazetteer.codes(text)).toContain(code);
  });
});

describe('a name that is also a Swedish word, first in a sentence', () => {
  it.each([
    ['Törnrosen needs better lighting on the paths.', ['48205']],
    ['Herrgården has nothing for teenagers.', ['48208']],
    ['Törnrosen blommar i juni.', []],
    ['Herrgården var stängd för besökare.', []],
  ])('%s', (text, codes) => {
    expect(gazetteer.codes(text)).toEqual(codes);
  });
});
