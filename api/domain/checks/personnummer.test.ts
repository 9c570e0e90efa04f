import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIdentityNumbers } from './personnummer.ts';

/** Independent Luhn implementation, so the tests do not trust the package they exercise. */
function luhnDigit(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let value = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return String((10 - (sum % 10)) % 10);
}

/** `YYMMDD` + `NNN` → the 10 digits with a correct check digit. */
function withCheck(yymmdd: string, serial: string): string {
  return `${yymmdd}${serial}${luhnDigit(yymmdd + serial)}`;
}

function found(text: string): { kind: string; match: string }[] {
  return findIdentityNumbers(text).map((m) => ({ kind: m.kind, match: text.slice(m.start, m.end) }));
}

describe('findIdentityNumbers', () => {
  it('should find a 10-digit personnummer with a dash, embedded in a sentence', () => {
    expect(found('Mitt personnummer är 850709-9805, ring mig.')).toEqual([
      { kind: 'personnummer', match: '850709-9805' },
    ]);
  });

  it('should find 10 and 12 digits with and without separator', () => {
    expect(found('a 8507099805 b 198507099805 c 19850709-9805 d')).toEqual([
      { kind: 'personnummer', match: '8507099805' },
      { kind: 'personnummer', match: '198507099805' },
      { kind: 'personnummer', match: '19850709-9805' },
    ]);
  });

  it('should accept an en dash, a minus sign, a lone space and a spaced dash as separator', () => {
    expect(found('850709–9805 / 850709−9805 / 850709 9805 / 850709 - 9805').map((m) => m.match)).toEqual([
      '850709–9805',
      '850709−9805',
      '850709 9805',
      '850709 - 9805',
    ]);
  });

  it('should find a number written in Arabic-Indic digits inside Arabic text', () => {
    expect(found('رقمي الشخصي ٨٥٠٧٠٩-٩٨٠٥ شكرا')).toEqual([{ kind: 'personnummer', match: '٨٥٠٧٠٩-٩٨٠٥' }]);
  });

  it('should refuse a wrong check digit', () => {
    expect(found('850709-9806 och 8507099804 och 19850709-9800')).toEqual([]);
  });

  it('should refuse an impossible date even when the check digit matches', () => {
    const badMonth = withCheck('851309', '980');
    const badDay = withCheck('850732', '980');
    const feb30 = withCheck('850230', '123');
    const dayZero = withCheck('850700', '123');
    expect(found(`${badMonth} ${badDay} ${feb30} ${dayZero}`)).toEqual([]);
  });

  it('should read `+` as 100 years or older, which decides whether 29 February exists', () => {
    const leapDay = withCheck('000229', '123');
    const dashed = `${leapDay.slice(0, 6)}-${leapDay.slice(6)}`;
    const plussed = `${leapDay.slice(0, 6)}+${leapDay.slice(6)}`;
    // With `-` the year is 2000, a leap year; with `+` it is 1900, which was not.
    expect(found(dashed)).toEqual([{ kind: 'personnummer', match: dashed }]);
    expect(found(plussed)).toEqual([]);
    expect(found('121212+1212')).toEqual([{ kind: 'personnummer', match: '121212+1212' }]);
  });

  it('should accept a 12-digit number only with century 18, 19 or 20', () => {
    expect(found('218507099805 178507099805')).toEqual([]);
    const twentyFirst = `20${withCheck('050709', '123')}`;
    expect(found(twentyFirst)).toEqual([{ kind: 'personnummer', match: twentyFirst }]);
  });

  it('should tell a samordningsnummer (day + 60) from a personnummer', () => {
    const day61 = withCheck('850761', '980');
    const day91 = withCheck('850791', '980');
    const leap89 = `20${withCheck('000289', '123')}`;
    expect(found(`${day61} ${day91} ${leap89}`)).toEqual([
      { kind: 'samordningsnummer', match: day61 },
      { kind: 'samordningsnummer', match: day91 },
      { kind: 'samordningsnummer', match: leap89 },
    ]);
    expect(found('850769-9802')).toEqual([{ kind: 'samordningsnummer', match: '850769-9802' }]);
  });

  it('should refuse a samordningsnummer whose day minus 60 is not a date', () => {
    const day60 = withCheck('850760', '980');
    const day92 = withCheck('850792', '980');
    const june91 = withCheck('850691', '980');
    expect(found(`${day60} ${day92} ${june91}`)).toEqual([]);
  });

  it('should not read a personnummer inside a longer digit run', () => {
    expect(found('98507099805 85070998051 1198507099805 ref 0019850709980500')).toEqual([]);
  });

  it('should not read two groups of a longer space-grouped number as a personnummer', () => {
    expect(found('konto 850709 9805 12')).toEqual([]);
    expect(found('konto 12 850709 9805')).toEqual([]);
    expect(found('pnr 850709-9805 12 st')).toEqual([{ kind: 'personnummer', match: '850709-9805' }]);
  });

  it('should find every valid number in any accepted form, with the exact span', () => {
    const validNumber = fc
      .record({
        date: fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z') }),
        serial: fc.integer({ min: 1, max: 999 }),
        coordination: fc.boolean(),
      })
      .filter(({ date }) => !Number.isNaN(date.getTime()));
    const form = fc.constantFrom('10', '10-', '10 ', '12', '12-');
    const filler = fc.stringMatching(/^[a-zåäö ,.]{0,12}$/);
    fc.assert(
      fc.property(
        validNumber,
        form,
        filler,
        filler,
        ({ date, serial, coordination }, shape, before, after) => {
          const iso = date.toISOString();
          const day = Number(iso.slice(8, 10)) + (coordination ? 60 : 0);
          const yymmdd = `${iso.slice(2, 4)}${iso.slice(5, 7)}${String(day).padStart(2, '0')}`;
          const digits = withCheck(yymmdd, String(serial).padStart(3, '0'));
          const sep = shape.endsWith('-') ? '-' : shape.endsWith(' ') ? ' ' : '';
          const written = `${shape.startsWith('12') ? iso.slice(0, 2) : ''}${yymmdd}${sep}${digits.slice(6)}`;
          const text = `${before} ${written} ${after}`;
          const matches = findIdentityNumbers(text);
          expect(matches).toHaveLength(1);
          expect(text.slice(matches[0]?.start, matches[0]?.end)).toBe(written);
          expect(matches[0]?.kind).toBe(coordination ? 'samordningsnummer' : 'personnummer');
        },
      ),
      { numRuns: 300 },
    );
  });
});
