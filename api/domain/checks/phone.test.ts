import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from './phone.ts';

function found(text: string, country?: Parameters<typeof findPhoneNumbers>[1]): string[] {
  return findPhoneNumbers(text, country).map((span) => text.slice(span.start, span.end));
}

describe('findPhoneNumbers', () => {
  it.each([
    ['Ring mig på 070-123 45 67 efter fem.', '070-123 45 67'],
    ['Mobil: +46 70 123 45 67', '+46 70 123 45 67'],
    ['Kontaktcenter 040-34 10 00 (Malmö stad)', '040-34 10 00'],
    ['Call me on +44 20 7946 0958 tomorrow.', '+44 20 7946 0958'],
    ['ring 0701234567 eller', '0701234567'],
    ['från utlandet 0046 40 34 10 00', '0046 40 34 10 00'],
    ['växel (040) 34 10 00', '(040) 34 10 00'],
    ['Stockholm 08-123 456 78', '08-123 456 78'],
  ])('should find the Swedish or international number in %j', (text, number) => {
    expect(found(text)).toEqual([number]);
  });

  it('should find numbers in Arabic text, in Western and in Arabic-Indic digits', () => {
    expect(found('اتصل بي على ٠٧٠١٢٣٤٥٦٧ من فضلك')).toEqual(['٠٧٠١٢٣٤٥٦٧']);
    expect(found('رقمي 070-123 45 67 شكرا')).toEqual(['070-123 45 67']);
    expect(found('اتصل +966 50 123 4567')).toEqual(['+966 50 123 4567']);
  });

  it('should not take years, postal codes, counts or amounts for phone numbers', () => {
    expect(found('Klart år 2030, i 212 11 Malmö, för 1 000 000 kr, 112 vid nödläge')).toEqual([]);
  });

  it('should not take dates or opening hours for phone numbers', () => {
    expect(found('Mötet 2024-05-06 och 05/06/2024, öppet 08.00-17.00, 08.00–17.00, 09:30-16:00')).toEqual([]);
  });

  it('should not read a number without +, 00 or a leading 0 as Swedish (bankgiro, references)', () => {
    expect(found('bankgiro 5050-1055, ärende 8507099805')).toEqual([]);
  });

  it('should end the span before a comma rather than swallow what follows', () => {
    expect(found('ring 070-123 45 67, 2024 fyller jag år')).toEqual(['070-123 45 67']);
  });

  it('should not report numbers that cannot exist', () => {
    expect(found('fel: +46 70 12, +1 555 0000 000, 070-00')).toEqual([]);
  });

  it('should read a national number in the default country given', () => {
    expect(found('call 020 7946 0958', 'GB')).toEqual(['020 7946 0958']);
  });
});
