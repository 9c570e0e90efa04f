import { describe, expect, it } from 'vitest';
import { findLinks } from './links.ts';

function found(text: string): string[] {
  return findLinks(text).map((span) => text.slice(span.start, span.end));
}

describe('findLinks', () => {
  it('should find http and https URLs without trailing sentence punctuation', () => {
    expect(found('Se https://malmo.se/Bo-och-leva?x=1#a. Och http://example.com/path, bra!')).toEqual([
      'https://malmo.se/Bo-och-leva?x=1#a',
      'http://example.com/path',
    ]);
  });

  it('should keep a closing bracket that belongs to the URL and drop one that closes the sentence', () => {
    expect(found('(se https://sv.wikipedia.org/wiki/Malmö_(stad)) och (https://example.se/a)')).toEqual([
      'https://sv.wikipedia.org/wiki/Malmö_(stad)',
      'https://example.se/a',
    ]);
  });

  it('should find www addresses and bare domains with a common top-level domain', () => {
    expect(
      found('Gå till www.malmo.se/kraftsamla eller example.se/xyz, kolla bit.ly/3abc och malmö.nu'),
    ).toEqual(['www.malmo.se/kraftsamla', 'example.se/xyz', 'bit.ly/3abc', 'malmö.nu']);
  });

  it('should find links in Arabic text', () => {
    expect(found('زوروا الموقع malmo.se/arabiska للمزيد')).toEqual(['malmo.se/arabiska']);
  });

  it('should not take Swedish abbreviations, numbers or a missing space after a full stop for links', () => {
    expect(
      found(
        'T.ex. bl.a. fr.o.m. s.k. p.g.a. osv. Det var bra.Se till att 3.5 procent, version 1.2.3 och kl.10.',
      ),
    ).toEqual([]);
  });

  it('should not report the domain of an e-mail address as a link', () => {
    expect(found('anna@malmo.se och bo@www.example.com')).toEqual([]);
  });

  it('should not take an unknown top-level domain on a bare word for a link', () => {
    expect(found('filen rapport.pdf och bild.jpeg, slut.Punkt')).toEqual([]);
  });
});
