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

const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, DATA), 'utf8')) as LabelledSentence[];

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

// Written after the rules, as checks of sentences the rules were not tuned on: the first by one
// of the team, the second by someone who had read neither the rules nor the data. Changing a rule
// because of one of these sentences makes it a tuning set (docs/areas.md keeps the first run).
// The third was written after both, by someone who had seen neither rules, data nor the other
// sets; its first run missed the goal in Arabic (docs/areas.md), and the rules that came of it
// make it a tuning set too. Held to 90 %: two of its English labels are disputed (a square on a
// border, "the Holma bus"), and the bar guards the Arabic rules from falling back.
describe.each([
  ['gazetteer-fixture-heldout.json', 60, 0.95],
  ['gazetteer-fixture-heldout2.json', 80, 0.95],
  ['gazetteer-fixture-heldout3.json', 90, 0.9],
  // The fourth, the same way, after the third's rules; not tuned on (yet): held to what it first
  // measured, 80 % (Arabic recall 81.8 %: short names with no place word before them).
  ['gazetteer-fixture-heldout4.json', 100, 0.8],
])('the held-out fixture %s', (name, size, bar) => {
  const heldOut = fixture(name);
  const scores = scoreGazetteer(buildGazetteer(entries), heldOut, districts);

  it('should find the places meant, and be right, at least as often as its bar, in each language', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(size);
    console.log(`gazetteer on ${name}:\n${formatScores(scores)}`);
    for (const [lang, s] of scores)
      for (const m of s.misses) console.log(`  ${lang} miss: ${m.text}  got [${m.got}] want [${m.want}]`);
    expect([...scores.keys()].sort()).toEqual(['ar', 'en', 'sv']);
    for (const s of scores.values()) {
      expect(s.precision).toBeGreaterThanOrEqual(bar);
      expect(s.recall).toBeGreaterThanOrEqual(bar);
    }
  });
});
