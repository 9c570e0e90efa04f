import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, parseGazetteerFile } from './index.ts';
import { type Districts, formatScores, type LabelledSentence, scoreGazetteer } from './score.ts';

const DATA = new URL('../../data/malmo/', import.meta.url);
const entries = parseGazetteerFile(JSON.parse(readFileSync(new URL('gazetteer.json', DATA), 'utf8')));
// Written by hand before the rules they test, in the way residents write: kept apart from
// gazetteer-fixture.json so the score is not of sentences the rules were tuned on.
const sentences = JSON.parse(
  readFileSync(new URL('gazetteer-fixture-residents.json', DATA), 'utf8'),
) as LabelledSentence[];

const districts: Districts = (() => {
  const map = new Map<string, string[]>();
  for (const line of readFileSync(new URL('malmo_delomraden_lookup.csv', DATA), 'utf8')
    .trim()
    .split('\n')
    .slice(1)) {
    const [, code = '', stadsdel = ''] = /^(\d+),"[^"]*","[^"]*","([^"]*)"/.exec(line) ?? [];
    map.set(stadsdel, [...(map.get(stadsdel) ?? []), code]);
  }
  return map;
})();

const heldOut = JSON.parse(
  readFileSync(new URL('gazetteer-fixture-heldout.json', DATA), 'utf8'),
) as LabelledSentence[];

describe('the residents fixture', () => {
  const scores = scoreGazetteer(buildGazetteer(entries), sentences, districts);

  it('should have at least 150 sentences in Swedish, English and Arabic', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(150);
    expect([...scores.keys()].sort()).toEqual(['ar', 'en', 'sv']);
  });

  it('should find at least 95 % of the places meant, and be right at least 95 % of the time, in each language', () => {
    // Printed so the numbers are in the test report, misses included, for reading.
    console.log(`gazetteer on the residents fixture:\n${formatScores(scores)}`);
    for (const [lang, s] of scores)
      for (const m of s.misses) console.log(`  ${lang} miss: ${m.text}  got [${m.got}] want [${m.want}]`);
    for (const s of scores.values()) {
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
      expect(s.recall).toBeGreaterThanOrEqual(0.95);
    }
  });
});

// Written after the rules, by someone who had not read them, as a check of sentences the rules
// were not tuned on. Changing a rule because of one of these sentences makes it a tuning set.
describe('the held-out fixture', () => {
  const scores = scoreGazetteer(buildGazetteer(entries), heldOut, districts);

  it('should find at least 95 % of the places meant, and be right at least 95 % of the time, in each language', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(60);
    console.log(`gazetteer on the held-out fixture:\n${formatScores(scores)}`);
    for (const [lang, s] of scores)
      for (const m of s.misses) console.log(`  ${lang} miss: ${m.text}  got [${m.got}] want [${m.want}]`);
    expect([...scores.keys()].sort()).toEqual(['ar', 'en', 'sv']);
    for (const s of scores.values()) {
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
      expect(s.recall).toBeGreaterThanOrEqual(0.95);
    }
  });
});
