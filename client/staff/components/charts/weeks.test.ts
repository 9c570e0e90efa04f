import { describe, expect, it } from 'vitest';
import { formatCount, formatShare } from './format.ts';
import { isoWeekOf, weekLabel } from './weeks.ts';

describe('week labels', () => {
  it('should write ISO weeks as "v. 12 2026" in Swedish', () => {
    expect(weekLabel('2026-W12')).toBe('v. 12 2026');
    expect(weekLabel('2026-W01')).toBe('v. 1 2026');
  });

  it("should take the week from its Monday when the week's name is in another form", () => {
    expect(weekLabel('x', '2026-03-16')).toBe('v. 12 2026');
  });

  it('should put the days around New Year in the ISO week they belong to', () => {
    expect(isoWeekOf('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2026-12-28')).toEqual({ year: 2026, week: 53 });
  });
});

describe('numbers', () => {
  it('should write counts and shares the Swedish way', () => {
    expect(formatCount(1234).replace(/\s/g, ' ')).toBe('1 234');
    expect(formatShare(0.125).replace(/\s/g, ' ')).toBe('12,5 %');
  });
});
