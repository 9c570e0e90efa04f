import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, type GazetteerEntry, parseGazetteerFile, tokenize } from './index.ts';

const DATA = new URL('../../data/malmo/', import.meta.url);
const entries = parseGazetteerFile(JSON.parse(readFileSync(new URL('gazetteer.json', DATA), 'utf8')));
const fixture = JSON.parse(readFileSync(new URL('gazetteer-fixture.json', DATA), 'utf8')) as {
  text: string;
  expect: string[];
  why: string;
}[];

/** The lookup csv: code → display name and stadsdel (1996–2013), the reference for the data. */
const csv = readFileSync(new URL('malmo_delomraden_lookup.csv', DATA), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [, code = '', name = '', stadsdel = ''] = /^(\d+),"[^"]*","([^"]*)","([^"]*)"/.exec(line) ?? [];
    return { code, name, stadsdel };
  });

/** Fixture expectations: codes, or `stadsdel:Name` for every delområde of that stadsdel. */
function expand(expected: string[]): string[] {
  return expected.flatMap((e) =>
    e.startsWith('stadsdel:') ? csv.filter((r) => r.stadsdel === e.slice(9)).map((r) => r.code) : [e],
  );
}

describe('the gazetteer fixture', () => {
  const gazetteer = buildGazetteer(entries);

  it('should have at least 60 Swedish sentences, traps among them', () => {
    const swedish = fixture.filter(
      (f) => /[åäö]|\b(och|är|på|vi|jag|det)\b/i.test(f.text) && !/[\u0600-\u06FF]/.test(f.text),
    );
    expect(swedish.length).toBeGreaterThanOrEqual(60);
    expect(fixture.filter((f) => f.why.startsWith('trap')).length).toBeGreaterThanOrEqual(20);
  });

  it.each(fixture.map((f) => [f.text, f] as const))('%s', (_, f) => {
    expect(gazetteer.codes(f.text), f.why).toEqual(expand(f.expect));
  });
});

describe('the gazetteer data', () => {
  it('should name every one of the 136 delområden as the lookup csv does', () => {
    const areaEntries = entries.filter((e) => e.id.startsWith('area:'));
    expect(areaEntries.map((e) => [e.codes, e.name])).toEqual(csv.map((r) => [[r.code], r.name]));
  });

  it('should only use codes that exist', () => {
    const known = new Set(csv.map((r) => r.code));
    for (const e of entries)
      for (const code of e.codes) expect(known.has(code), `${e.id}: ${code}`).toBe(true);
  });

  it('should map Rosengård to every delområde of stadsdel Rosengård', () => {
    const rosengard = entries.find((e) => e.id === 'stadsdel:rosengard');
    expect(rosengard?.codes).toEqual(csv.filter((r) => r.stadsdel === 'Rosengård').map((r) => r.code));
    expect(rosengard?.codes).toHaveLength(10);
  });
});

describe('matching rules', () => {
  const entry = (over: Partial<GazetteerEntry>): GazetteerEntry => ({
    id: 'x:y',
    name: 'Holma',
    codes: ['1'],
    ...over,
  });

  it('should report where each mention is, as written', () => {
    const g = buildGazetteer([entry({ name: 'Södra Sofielund', codes: ['11319'] })]);
    expect(g.mentions('Bor du i södra  Sofielunds norra del?')).toEqual([
      { entryId: 'x:y', codes: ['11319'], text: 'södra  Sofielunds', start: 9, end: 26 },
    ]);
  });

  it('should not match a name across a sentence break', () => {
    const g = buildGazetteer([entry({ name: 'Oxie Kyrkby', codes: ['37306'] })]);
    expect(g.codes('Vi bor i Oxie. Kyrkby är ett ord.')).toEqual([]);
  });

  it('should skip entries that are switched off (no codes)', () => {
    expect(buildGazetteer([entry({ codes: [] })]).codes('i Holma')).toEqual([]);
  });

  it("should let an entry's own veto words rule it out", () => {
    const g = buildGazetteer([entry({ name: 'Slussen', ambiguous: 'word', vetoWords: ['tunnelbana'] })]);
    expect(g.codes('Vi väntade vid Slussen.')).toEqual(['1']);
    expect(g.codes('Vi tog tunnelbana till Slussen.')).toEqual([]);
  });

  it('should treat a text without case as giving no proper-noun signal', () => {
    expect(tokenize('hej på dig').usesCase).toBe(false);
    expect(tokenize('HEJ PÅ DIG').usesCase).toBe(false);
    expect(tokenize('Hej på dig').usesCase).toBe(true);
  });

  it('should match a place-ambiguous name only right after a locative preposition', () => {
    const g = buildGazetteer([entry({ name: 'Flensburg', ambiguous: 'place' })]);
    expect(g.codes('Det är stökigt i Flensburg.')).toEqual(['1']);
    expect(g.codes('Det är stökigt i hela Flensburg.')).toEqual([]);
  });
});
