import { describe, expect, it } from 'vitest';
import type { OpenDataArea, OpenDataCounts, OpenDataInsats } from '../../../common/wire/open-data.ts';
import { buildCounts, protect, publicationAt } from './index.ts';

const areas: OpenDataArea[] = [
  { code: '10101', name: 'Västra Hamnen', district: 'Norr' },
  { code: '10102', name: 'Ribersborg', district: 'Norr' },
  { code: '20101', name: 'Södra Sofielund', district: 'Söder' },
  { code: null, name: null, district: null },
];
const insatser: OpenDataInsats[] = [
  { id: 'a', title: { sv: 'A' }, example: false },
  { id: 'b', title: { sv: 'B' }, example: false },
  { id: null, title: null, example: false },
];
/** A fixture of small counts: an area with 3 in all, an insats with 2 in all, some large cells. */
const TRUE: Record<string, number> = {
  '10101|a': 7,
  '10101|b': 1,
  '10101|': 12,
  '10102|a': 3,
  '20101|a': 9,
  '20101|b': 1,
  '20101|': 4,
  '|a': 5,
};
const info = publicationAt(Date.parse('2026-11-24T10:00:00Z'));
const build = (truth: Record<string, number>) =>
  buildCounts(info, areas, insatser, (a, i) => truth[`${a ?? ''}|${i ?? ''}`] ?? 0);

/** Every number a reader sees in the document (the publication dates aside). */
function numbers(doc: OpenDataCounts): number[] {
  return [
    ...doc.cells.flatMap((c) => (c.count === null ? [] : [c.count])),
    ...doc.totals.byArea.map((t) => t.count),
    ...doc.totals.byDistrict.map((t) => t.count),
    ...doc.totals.byInsats.map((t) => t.count),
    doc.totals.total.count,
  ];
}

describe('open data protection', () => {
  it('should publish 0–4 as "fewer than 5" and round everything else down to a multiple of 5', () => {
    expect([0, 1, 4, 5, 7, 9, 10, 14, 15].map((n) => protect(n).count)).toEqual([
      null,
      null,
      null,
      5,
      5,
      5,
      10,
      10,
      15,
    ]);
    expect(protect(3).fewerThan5).toBe(true);
    expect(protect(5).fewerThan5).toBe(false);
  });

  it('should publish no number from 1 to 4, only multiples of 5', () => {
    for (const n of numbers(build(TRUE))) {
      expect(n % 5).toBe(0);
      expect(n < 1 || n > 4).toBe(true);
    }
  });

  it('should give the full grid, zeros included, so a missing row tells nothing', () => {
    const doc = build(TRUE);
    expect(doc.cells).toHaveLength(areas.length * insatser.length);
    expect(doc.cells.find((c) => c.area === '10102' && c.insats === null)).toMatchObject({
      count: null,
      fewerThan5: true,
    });
  });

  it('should make every total the sum of the published cells, not of the true counts', () => {
    const doc = build(TRUE);
    const sum = (pick: (c: OpenDataCounts['cells'][number]) => boolean) =>
      doc.cells.filter(pick).reduce((s, c) => s + (c.count ?? 0), 0);
    for (const t of doc.totals.byArea) expect(t.count).toBe(sum((c) => c.area === t.area));
    for (const t of doc.totals.byInsats) expect(t.count).toBe(sum((c) => c.insats === t.insats));
    const district = new Map(areas.map((a) => [a.code, a.district]));
    for (const t of doc.totals.byDistrict)
      expect(t.count).toBe(sum((c) => district.get(c.area) === t.district));
    expect(doc.totals.total.count).toBe(sum(() => true));
    // Ribersborg's true 3 and insats b's true 2 are not visible anywhere.
    expect(doc.totals.byArea.find((t) => t.area === '10102')?.count).toBe(0);
    expect(doc.totals.byInsats.find((t) => t.insats === 'b')?.count).toBe(0);
    // The city total is not the true total (42) but the sum of published cells (5+10+5+5 = 25).
    expect(doc.totals.total.count).toBe(25);
  });

  it('should leave every suppressed cell consistent with at least two true values (brute force)', () => {
    const published = JSON.stringify(build(TRUE));
    const suppressed = build(TRUE).cells.filter((c) => c.fewerThan5);
    expect(suppressed.length).toBeGreaterThan(3);
    for (const cell of suppressed) {
      const key = `${cell.area ?? ''}|${cell.insats ?? ''}`;
      const consistent = [0, 1, 2, 3, 4].filter(
        (n) => JSON.stringify(build({ ...TRUE, [key]: n })) === published,
      );
      expect(consistent, key).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('should change a published figure between publications only by a multiple of 5', () => {
    const at = (n: number) => build({ ...TRUE, '10101|a': n });
    expect(JSON.stringify(at(9))).toBe(JSON.stringify(at(7)));
    const before = numbers(at(9));
    const after = numbers(at(11));
    before.forEach((n, i) => {
      expect(((after[i] as number) - n) % 5).toBe(0);
    });
    expect(after).not.toEqual(before);
  });
});

describe('publication schedule', () => {
  it('should cover input up to the end of the previous Malmö day and change at midnight', () => {
    // 22:59 UTC on 24 Nov is 23:59 in Malmö; 23:00 UTC is midnight.
    const late = publicationAt(Date.parse('2026-11-24T22:59:00Z'));
    const next = publicationAt(Date.parse('2026-11-24T23:00:00Z'));
    expect(late.published).toBe('2026-11-24');
    expect(late.period.to).toBe('2026-11-23');
    expect(late.nextPublication).toBe('2026-11-24T23:00:00.000Z');
    expect(next.published).toBe('2026-11-25');
    expect(next.period.to).toBe('2026-11-24');
    // Summer time: midnight is 22:00 UTC.
    expect(publicationAt(Date.parse('2026-06-30T22:00:00Z')).period.to).toBe('2026-06-30');
  });
});
