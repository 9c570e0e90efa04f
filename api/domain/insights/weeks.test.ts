import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeek, weekSeries } from './weeks.ts';

describe('ISO weeks of city days', () => {
  it('should name weeks by the year of their Thursday, Monday first', () => {
    expect(isoWeek('2026-10-25')).toEqual({ week: '2026-W43', start: '2026-10-19' }); // a Sunday
    expect(isoWeek('2026-10-26')).toEqual({ week: '2026-W44', start: '2026-10-26' }); // the Monday after
    expect(isoWeek('2027-01-01')).toEqual({ week: '2026-W53', start: '2026-12-28' }); // 2026 has 53 weeks
    expect(isoWeek('2024-12-30')).toEqual({ week: '2025-W01', start: '2024-12-30' });
    expect(isoWeek('2026-03-29')).toEqual({ week: '2026-W13', start: '2026-03-23' }); // summer time starts
  });

  it('should count days across month, year and DST changes by the calendar', () => {
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2025-11-25', '2026-11-24')).toBe(365);
    expect(daysBetween('2026-03-29', '2026-03-29')).toBe(1);
  });

  it('should fold days into every week of the period, zeros included, and ignore days outside it', () => {
    const perDay = [
      { key: '2026-10-18', count: 9 }, // before the period
      { key: '2026-10-20', count: 1 },
      { key: '2026-10-25', count: 2 },
      { key: '2026-10-26', count: 4 },
      { key: '2026-11-09', count: 8 },
      { key: '2026-11-10', count: 9 }, // after the period
    ];
    expect(weekSeries('2026-10-19', '2026-11-09', perDay)).toEqual([
      { week: '2026-W43', start: '2026-10-19', count: 3 },
      { week: '2026-W44', start: '2026-10-26', count: 4 },
      { week: '2026-W45', start: '2026-11-02', count: 0 },
      { week: '2026-W46', start: '2026-11-09', count: 8 },
    ]);
    // A period inside one week is one week.
    expect(weekSeries('2026-10-21', '2026-10-22', [])).toEqual([
      { week: '2026-W43', start: '2026-10-19', count: 0 },
    ]);
  });
});
