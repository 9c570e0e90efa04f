import { describe, expect, it } from 'vitest';
import { normaliseForComparison, normaliseMapped, undoLeet } from './normalise.ts';

describe('normaliseMapped', () => {
  it('should lower-case and map every output code unit back to its original span', () => {
    const original = 'ÅSA\u0130x';
    const { text, starts, ends } = normaliseMapped(original);
    // İ lower-cases to two code units (i + combining dot); both map to the one original character.
    expect(text).toBe('åsai\u0307x');
    expect(starts).toEqual([0, 1, 2, 3, 3, 4]);
    expect(ends).toEqual([1, 2, 3, 4, 4, 5]);
  });

  it('should drop Arabic diacritics, tatweel and invisible characters, and fold Arabic letter variants', () => {
    const original = 'أَحـــمد\u200Bى';
    const { text, starts, ends } = normaliseMapped(original);
    expect(text).toBe('احمدي');
    expect(starts).toEqual([0, 2, 6, 7, 9]);
    expect(ends).toEqual([1, 3, 7, 8, 10]);
  });

  it('should compose a letter and a following combining mark into one character', () => {
    const { text, starts, ends } = normaliseMapped('O\u0308l');
    expect(text).toBe('öl');
    expect(starts).toEqual([0, 2]);
    expect(ends).toEqual([2, 3]);
  });
});

describe('undoLeet', () => {
  it('should replace leet characters only inside tokens that hold a letter', () => {
    expect(undoLeet('h0r4 $ub @nna 2030 112')).toBe('hora sub anna 2030 112');
    expect(undoLeet('2030 112')).toBeUndefined();
  });
});

describe('normaliseForComparison', () => {
  it('should fold case, full-width forms, punctuation and whitespace', () => {
    expect(normaliseForComparison('  Hej,   VÄRLDEN!!  ＡＢＣ ')).toBe('hej världen abc');
  });
});
