import { describe, expect, it } from 'vitest';
import { areaInLink, withoutArea } from './area-link.ts';

describe('the area in a poster link', () => {
  it('should read a 5-digit area code from ?omrade=', () => {
    expect(areaInLink('?omrade=11319')).toBe('11319');
    expect(areaInLink('?x=1&omrade=48205')).toBe('48205');
  });

  it('should ignore a missing or malformed area code', () => {
    expect(areaInLink('')).toBeUndefined();
    expect(areaInLink('?omrade=')).toBeUndefined();
    expect(areaInLink('?omrade=1131')).toBeUndefined();
    expect(areaInLink('?omrade=113190')).toBeUndefined();
    expect(areaInLink('?omrade=abcde')).toBeUndefined();
  });

  it('should drop only the area from the query', () => {
    expect(withoutArea('?omrade=11319')).toBe('');
    expect(withoutArea('?a=1&omrade=11319&b=2')).toBe('?a=1&b=2');
    expect(withoutArea('')).toBe('');
  });
});
