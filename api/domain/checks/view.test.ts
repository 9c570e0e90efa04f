import { describe, expect, it } from 'vitest';
import { checkText } from './index.ts';
import { detectionView } from './view.ts';

const ZWSP = '\u200b';
const ZWJ = '\u200d';
const SHY = '\u00ad';
const RLO = '\u202e';
const PDF = '\u202c';
const WJ = '\u2060';

/** Puts `sep` between every character of `s`. */
const spread = (s: string, sep: string) => [...s].join(sep);
const reversed = (s: string) => [...s].reverse().join('');

function kinds(text: string): string[] {
  return checkText(text).map((flag) => `${flag.kind}:${text.slice(flag.start, flag.end)}`);
}

describe('checks on text that hides its personal data from a pattern', () => {
  const pnr = '850709-9805';
  const phone = '0701234567';
  const email = 'anna.svensson@example.com';
  const link = 'www.example.com/x';

  it('should flag a personnummer with zero-width spaces between its digits, spanning the original', () => {
    const hidden = spread(pnr, ZWSP);
    const text = `mitt nummer ${hidden} ok`;
    expect(kinds(text)).toEqual([`personnummer:${hidden}`]);
  });

  it('should flag a phone number with soft hyphens or word joiners between its digits', () => {
    for (const sep of [SHY, WJ]) {
      const hidden = spread(phone, sep);
      expect(kinds(`ring ${hidden}`)).toEqual([`phone:${hidden}`]);
    }
  });

  it('should flag an e-mail address with zero-width joiners in it', () => {
    const hidden = spread(email, ZWJ);
    expect(kinds(`skriv ${hidden}`)).toEqual([`email:${hidden}`]);
  });

  it('should flag a link with zero-width spaces in it', () => {
    const hidden = spread(link, ZWSP);
    expect(kinds(`se ${hidden}`)).toEqual([`link:${hidden}`]);
  });

  it('should flag a phone number typed backwards after a right-to-left override, as it is displayed', () => {
    const text = `ring ${RLO}${reversed(phone)}${PDF} nu`;
    const flags = checkText(text);
    expect(flags.map((f) => f.kind)).toEqual(['phone']);
    expect(text.slice(flags[0]?.start, flags[0]?.end)).toBe(reversed(phone));
  });

  it('should flag a personnummer typed backwards after an override that runs to the end of the line', () => {
    const text = `pnr ${RLO}${reversed(pnr)}\nnästa rad`;
    expect(checkText(text).map((f) => f.kind)).toEqual(['personnummer']);
  });

  it('should flag full-width and mathematical digits', () => {
    const fullWidth = '０７０１２３４５６７';
    expect(kinds(`ring ${fullWidth}`)).toEqual([`phone:${fullWidth}`]);
    const maths = '𝟎𝟕𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕';
    expect(kinds(`ring ${maths}`)).toEqual([`phone:${maths}`]);
  });

  it('should flag Arabic-Indic digits with invisible characters between them', () => {
    const hidden = spread('٠٧٠١٢٣٤٥٦٧', ZWSP);
    expect(kinds(`اتصل ${hidden}`)).toEqual([`phone:${hidden}`]);
  });

  it('should still flag nothing in an ordinary text with an invisible character in it', () => {
    expect(kinds(`Fler bänkar${ZWSP} på Skånegatan år 2030.`)).toEqual([]);
  });
});

describe('detectionView', () => {
  it('should leave plain text as it is', () => {
    const view = detectionView('Hej 123');
    expect(view.text).toBe('Hej 123');
    expect(view.toOriginal({ start: 4, end: 7 })).toEqual({ start: 4, end: 7 });
  });

  it('should drop bidi controls and lay an overridden run out in display order', () => {
    const view = detectionView(`a${RLO}cba${PDF}d`);
    expect(view.text).toBe('aabcd');
    expect(view.toOriginal({ start: 1, end: 4 })).toEqual({ start: 2, end: 5 });
  });

  it('should keep surrogate pairs whole when reversing', () => {
    const view = detectionView(`${RLO}x😀y${PDF}`);
    expect(view.text).toBe('y😀x');
  });
});
