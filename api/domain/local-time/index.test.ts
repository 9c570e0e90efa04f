import { describe, expect, it } from 'vitest';
import { localParts, stockholmDay, stockholmMidnight } from './index.ts';

describe('the city calendar', () => {
  it('should give the date and time in Stockholm, winter and summer', () => {
    expect(localParts(Date.parse('2026-11-24T23:30:00Z'))).toMatchObject({
      date: '2026-11-25',
      time: '00:30',
    });
    expect(localParts(Date.parse('2026-07-01T05:00:00Z'))).toMatchObject({
      date: '2026-07-01',
      time: '07:00',
    });
    expect(stockholmDay('2026-11-24T23:30:00Z')).toBe('2026-11-25');
  });

  it('should give the start of a Malmö day in UTC, in winter and in summer, and refuse days that do not exist', () => {
    expect(stockholmMidnight('2026-11-24')).toBe('2026-11-23T23:00:00.000Z');
    expect(stockholmMidnight('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(stockholmMidnight('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(stockholmMidnight('2026-03-29', 1)).toBe('2026-03-29T22:00:00.000Z');
    expect(stockholmMidnight('2026-02-30')).toBeUndefined();
  });
});
