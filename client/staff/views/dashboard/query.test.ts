import { describe, expect, it } from 'vitest';
import { RESPONDENT_GROUPS } from '../../../../common/wire/index.ts';
import { DashboardQuery } from '../../../../common/wire/insights.ts';
import * as v from 'valibot';
import {
  FILTER_KEYS,
  filterSearch,
  GROUPS,
  parseFilters,
  placeFilters,
  placeOf,
  presetOf,
  presetRange,
  stockholmToday,
} from './query.ts';

describe('dashboard filters in the address', () => {
  it('should offer exactly the respondent groups and query names the API knows', () => {
    expect([...GROUPS].sort()).toEqual([...RESPONDENT_GROUPS].sort());
    expect([...FILTER_KEYS].sort()).toEqual(Object.keys(DashboardQuery.pipe[0].entries).sort());
  });

  it('should write a query the API accepts and read the same filters back from it', () => {
    const filters = {
      insats: 'exempel-ung-i-sommar',
      district: 'Södra Innerstaden',
      group: 'youth',
      from: '2026-01-01',
      to: '2026-03-31',
      basis: 'any',
    };
    const search = filterSearch(filters);
    const query = Object.fromEntries(new URLSearchParams(search));
    expect(parseFilters(query)).toEqual(filters);
    expect(v.safeParse(DashboardQuery, query).success).toBe(true);
  });

  it('should leave out unknown keys, empty values and the default basis, so one view has one address', () => {
    expect(parseFilters({ insats: '', area: ' 11319 ', basis: 'primary', utm_source: 'x' })).toEqual({
      area: '11319',
    });
    expect(filterSearch({ basis: 'primary', group: 'youth' })).toBe('group=youth');
    expect(filterSearch({ to: '2026-02-01', insats: 'none' })).toBe('insats=none&to=2026-02-01');
  });

  it('should keep a delområde and a stadsområde apart in the one place choice', () => {
    expect(placeOf({ area: '11319' })).toBe('a:11319');
    expect(placeOf({ district: 'Fosie' })).toBe('d:Fosie');
    expect(placeFilters('d:Fosie')).toEqual({ district: 'Fosie' });
    expect(placeFilters('a:11319')).toEqual({ area: '11319' });
    expect(placeFilters('')).toEqual({});
  });
});

describe('period presets', () => {
  it('should count 4 and 12 weeks with today, and this year from 1 January', () => {
    expect(presetRange('4w', '2026-03-10')).toEqual({ from: '2026-02-11', to: '2026-03-10' });
    expect(presetRange('12w', '2026-03-10')).toEqual({ from: '2025-12-17', to: '2026-03-10' });
    expect(presetRange('year', '2026-03-10')).toEqual({ from: '2026-01-01', to: '2026-03-10' });
    expect(presetRange('all', '2026-03-10')).toEqual({});
  });

  it('should recognise a preset from its dates and call other dates custom', () => {
    expect(presetOf('2026-02-11', '2026-03-10', '2026-03-10')).toBe('4w');
    expect(presetOf(undefined, undefined, '2026-03-10')).toBe('all');
    expect(presetOf('2026-02-12', '2026-03-10', '2026-03-10')).toBe('custom');
  });

  it("should take today's date in Malmö, not in UTC", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Malmö.
    expect(stockholmToday(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(stockholmToday(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});
