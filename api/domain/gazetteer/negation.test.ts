import { describe, expect, it } from 'vitest';
import { buildGazetteer, type GazetteerEntry } from './index.ts';

const entries: GazetteerEntry[] = [
  { id: 'area:25611', name: 'Holma', codes: ['25611'] },
  { id: 'area:36106', name: 'Nydala', codes: ['36106'] },
  { id: 'arabic:holma', name: 'هولما', codes: ['25611'] },
];
const gazetteer = buildGazetteer(entries);

describe('negation of living or being there', () => {
  it.each([
    'Vi bor inte i Holma.',
    'Nu bor jag inte kvar på Holma.',
    'Han har aldrig bott i Holma.',
    'We do not live in Holma any more.',
    'She is no longer in Holma.',
    "They aren't living in Holma.",
    'ما بنسكن في هولما',
    'مش عايشين بهولما',
    'ما عدت ساكن Holma',
  ])('should drop the negated mention in "%s"', (text) => {
    expect(gazetteer.codes(text)).toEqual([]);
  });

  it.each([
    ['Vi bor inte i Holma utan i Nydala.', ['36106']],
    ["We don't live in Holma, we live in Nydala.", ['36106']],
    ['مش ساكن في هولما، ساكن في Nydala', ['36106']],
  ])('should keep the other places in "%s"', (text, codes) => {
    expect(gazetteer.codes(text)).toEqual(codes);
  });

  it.each([
    'Det är inte roligt i Holma på vintern.',
    "It isn't easy to find parking in Holma.",
    'Vi har inte fått någon fritidsgård i Holma.',
    'I do live in Holma.',
    'Ingen bor gärna i Holma när det är mörkt.',
    'ما في ضو في هولما',
  ])('should keep a mention whose negation governs something else: "%s"', (text) => {
    expect(gazetteer.codes(text)).toEqual(['25611']);
  });
});
