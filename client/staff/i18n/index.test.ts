import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_CHARS, ROLES } from '../../../common/wire/staff.ts';
import { MIN_PASSWORD } from '../api.ts';
import { ROLE_ORDER } from '../session.ts';
import en from './en.ts';
import { stockholmDayStart, staffLanguageFor } from './index.ts';
import sv from './sv.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('staff language catalogues', () => {
  it('should have every Swedish key in English, and no others', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('should use the same placeholders in English as in Swedish', () => {
    for (const [key, text] of Object.entries(sv)) {
      expect([key, placeholders((en as Record<string, string>)[key] ?? '')]).toEqual([
        key,
        placeholders(text),
      ]);
    }
  });

  it('should have no empty strings', () => {
    for (const [key, text] of [...Object.entries(sv), ...Object.entries(en)])
      expect([key, text.trim() !== '']).toEqual([key, true]);
  });
});

describe('staff language choice', () => {
  it('should show Swedish staff screens for Swedish and English ones for every other language', () => {
    expect(staffLanguageFor('sv')).toBe('sv');
    expect(staffLanguageFor('en')).toBe('en');
    expect(staffLanguageFor('ar')).toBe('en');
    expect(staffLanguageFor('ckb')).toBe('en');
    expect(staffLanguageFor('sv-x-lattlast')).toBe('sv');
  });
});

describe('days in Malmö', () => {
  it('should start a winter day at 23:00 UTC the day before', () => {
    expect(stockholmDayStart('2025-01-15')).toBe('2025-01-14T23:00:00.000Z');
  });

  it('should start a summer day at 22:00 UTC the day before', () => {
    expect(stockholmDayStart('2025-07-01')).toBe('2025-06-30T22:00:00.000Z');
  });

  it('should give the start of the next day as the end of a day, across a DST change', () => {
    // 2025-03-30 is the spring change in Sweden: that day starts in winter time, the next in summer time.
    expect(stockholmDayStart('2025-03-30')).toBe('2025-03-29T23:00:00.000Z');
    expect(stockholmDayStart('2025-03-30', 1)).toBe('2025-03-30T22:00:00.000Z');
    expect(stockholmDayStart('2025-12-31', 1)).toBe('2025-12-31T23:00:00.000Z');
  });

  it('should refuse what is not a day', () => {
    expect(stockholmDayStart('')).toBeUndefined();
    expect(stockholmDayStart('15/01/2025')).toBeUndefined();
  });
});

describe('copies of the wire constants (kept out of the staff chunk to leave valibot out)', () => {
  it('should explain the same minimum password length as the server enforces', () => {
    expect(MIN_PASSWORD).toBe(MIN_PASSWORD_CHARS);
  });

  it('should offer every role the server knows', () => {
    expect([...ROLE_ORDER].sort()).toEqual([...ROLES].sort());
  });
});
