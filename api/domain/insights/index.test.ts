import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_DAYS } from '../../../common/wire/insights.ts';
import type { AreaRecord } from '../../store/index.ts';
import { resolveFilter } from './index.ts';

const AREAS: AreaRecord[] = [
  { code: '11319', name: 'Södra Sofielund', district: 'Innerstaden', aliases: [] },
  { code: '11320', name: 'Norra Sofielund', district: 'Innerstaden', aliases: [] },
  { code: '37302', name: 'Glostorp', district: 'Söder', aliases: [] },
];
const store = { listAreas: async () => AREAS };

describe('the dashboard filter', () => {
  it('should default to the last 365 city days up to today, by the Stockholm calendar', async () => {
    // 23:30 UTC on 24 November is already the 25th in Malmö.
    const out = await resolveFilter(store, {}, new Date('2026-11-24T23:30:00Z'));
    expect(out).toMatchObject({
      resolved: { filter: { from: '2025-11-26', to: '2026-11-25', basis: 'primary' } },
    });
  });

  it('should turn a stadsområde into its delområden, and keep the other filters', async () => {
    const out = await resolveFilter(
      store,
      {
        district: 'Innerstaden',
        insats: 'none',
        group: 'youth',
        basis: 'any',
        from: '2026-01-01',
        to: '2026-02-01',
      },
      new Date('2026-11-24T12:00:00Z'),
    );
    expect(out).toMatchObject({
      resolved: {
        store: {
          areaCodes: ['11319', '11320'],
          insats: 'none',
          group: 'youth',
          basis: 'any',
          from: '2026-01-01',
        },
        filter: { district: 'Innerstaden', insats: 'none' },
      },
    });
  });

  it('should refuse unknown places, days that do not exist and too long periods', async () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const paths = async (q: Parameters<typeof resolveFilter>[1]) => {
      const out = await resolveFilter(store, q, now);
      return 'errors' in out ? out.errors.map((e) => e.path) : [];
    };
    expect(await paths({ district: 'Atlantis' })).toEqual(['district']);
    expect(await paths({ area: '99999' })).toEqual(['area']);
    expect(await paths({ from: '2026-02-30' })).toEqual(['from']);
    expect(await paths({ from: '2020-01-01', to: '2026-01-01' })).toEqual(['to']);
    const longest = {
      from: '2024-01-01',
      to: new Date(Date.UTC(2024, 0, MAX_PERIOD_DAYS)).toISOString().slice(0, 10),
    };
    expect(await paths(longest)).toEqual([]);
  });
});
