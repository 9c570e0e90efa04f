import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, compileWordList, FLAG_KINDS, type Flag } from './index.ts';

function described(text: string, flags: Flag[]): string[] {
  return flags.map((flag) => `${flag.kind}:${text.slice(flag.start, flag.end)}`);
}

function check(text: string, context?: Parameters<typeof checkText>[1]): string[] {
  return described(text, checkText(text, context));
}

describe('checkText', () => {
  it('should flag every kind in one Swedish text, in order, with exact spans', () => {
    const text =
      'Jag heter Anna, pnr 850709-9805, samordningsnr 850769-9802. Ring 070-123 45 67 eller maila ' +
      'anna.svensson@example.com. Se www.malmo.se/kraftsamla. Jävla idioter!';
    expect(check(text)).toEqual([
      'personnummer:850709-9805',
      'samordningsnummer:850769-9802',
      'phone:070-123 45 67',
      'email:anna.svensson@example.com',
      'link:www.malmo.se/kraftsamla',
      'offensive:Jävla idioter',
    ]);
  });

  it('should flag phone numbers and e-mail addresses in English and Arabic text', () => {
    expect(check('Call me on +44 20 7946 0958 or write to john at gmail dot com')).toEqual([
      'phone:+44 20 7946 0958',
      'email:john at gmail dot com',
    ]);
    expect(check('اتصلوا بي على ٠٧٠١٢٣٤٥٦٧ أو ahmad@hotmail.com')).toEqual([
      'phone:٠٧٠١٢٣٤٥٦٧',
      'email:ahmad@hotmail.com',
    ]);
  });

  it('should flag a personnummer that is also a dialable Malmö number only as a personnummer', () => {
    // 040709-1008 is born 2004-07-09 with a valid check digit, and also 040-709 10 08 in Malmö.
    expect(check('nummer 040709-1008')).toEqual(['personnummer:040709-1008']);
    // With a wrong check digit it is only a phone number.
    expect(check('nummer 040709-1009')).toEqual(['phone:040709-1009']);
  });

  it('should not flag the parts of an e-mail address as a link', () => {
    expect(check('skriv till anna.se@example.com')).toEqual(['email:anna.se@example.com']);
  });

  it('should return no flags for an ordinary text', () => {
    expect(check('Fler bänkar på Skånegatan och bättre analys av trafiken år 2030, 212 11 Malmö.')).toEqual(
      [],
    );
    expect(check('')).toEqual([]);
  });

  it('should apply only the word lists of the languages asked for', () => {
    const text = 'fuck och hora';
    expect(check(text)).toEqual(['offensive:fuck', 'offensive:hora']);
    expect(check(text, { languages: ['sv'] })).toEqual(['offensive:hora']);
    expect(check(text, { wordLists: [compileWordList('xx', 'och')] })).toEqual(['offensive:och']);
  });

  it('should read national phone numbers in the given default country', () => {
    expect(check('ring 020 7946 0958', { defaultCountry: 'GB' })).toEqual(['phone:020 7946 0958']);
  });

  it('should check a 5000-character text with many findings', () => {
    const chunk = 'Hej! Ring 070-123 45 67, pnr 850709-9805, anna@example.se, malmo.se/x, h0ra. ';
    const text = chunk.repeat(Math.ceil(5000 / chunk.length)).slice(0, 5000);
    const flags = checkText(text);
    expect(flags.length).toBeGreaterThan(300);
    for (const flag of flags) expect(flag.end).toBeLessThanOrEqual(5000);
  });

  it('should never throw and keep every span inside the text for arbitrary input', () => {
    const pieces = fc.constantFrom(
      ' ',
      '-',
      '+',
      '@',
      '.',
      '/',
      ' at ',
      ' dot ',
      'http://',
      'www.',
      '.se',
      '070',
      '850709',
      '9805',
      'hora',
      'شرموطة',
      'ـ',
      '\u064e',
      '٠',
      'o\u0308',
      '\u{1F600}',
      '\u0130',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 5000, unit: 'binary' }),
      fc
        .array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 600 })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const flags = checkText(input);
        for (const flag of flags) {
          expect(FLAG_KINDS).toContain(flag.kind);
          expect(Number.isInteger(flag.start) && Number.isInteger(flag.end)).toBe(true);
          expect(flag.start).toBeGreaterThanOrEqual(0);
          expect(flag.end).toBeGreaterThan(flag.start);
          expect(flag.end).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('should stay usable on long adversarial runs', () => {
    for (const text of [
      'a'.repeat(5000),
      'a.'.repeat(2500),
      '1'.repeat(5000),
      'a@'.repeat(2500),
      'a at '.repeat(1000),
    ]) {
      expect(() => checkText(text)).not.toThrow();
    }
  });
});

describe('FLAG_KINDS', () => {
  it('should list every span kind plus near-duplicate', () => {
    expect(FLAG_KINDS).toEqual([
      'personnummer',
      'samordningsnummer',
      'phone',
      'email',
      'link',
      'offensive',
      'near-duplicate',
    ]);
  });
});
