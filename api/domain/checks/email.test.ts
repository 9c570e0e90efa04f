import { describe, expect, it } from 'vitest';
import { findEmails } from './email.ts';

function found(text: string): string[] {
  return findEmails(text).map((span) => text.slice(span.start, span.end));
}

describe('findEmails', () => {
  it('should find ordinary addresses without the sentence punctuation around them', () => {
    expect(found('Maila anna.svensson+malmo@example.com. Eller (bo_k@sub.example.co.uk)!')).toEqual([
      'anna.svensson+malmo@example.com',
      'bo_k@sub.example.co.uk',
    ]);
  });

  it('should find addresses with Swedish letters and with spaces around @', () => {
    expect(found('skriv till åsa.öberg@malmö.se eller anna @ example.se')).toEqual([
      'åsa.öberg@malmö.se',
      'anna @ example.se',
    ]);
  });

  it('should find addresses in English and Arabic text', () => {
    expect(found('Please contact me at john.doe@gmail.com, thanks')).toEqual(['john.doe@gmail.com']);
    expect(found('راسلني على ahmad.ali@hotmail.com شكرا')).toEqual(['ahmad.ali@hotmail.com']);
    expect(found('mailto:kontakt@malmo.se')).toEqual(['kontakt@malmo.se']);
  });

  it('should find bracketed disguises', () => {
    expect(found('anna(at)example.com och bo [at] telia [punkt] se och cy{at}mail{dot}org')).toEqual([
      'anna(at)example.com',
      'bo [at] telia [punkt] se',
      'cy{at}mail{dot}org',
    ]);
  });

  it('should find spelled-out disguises in English and Swedish with a well-known top-level domain', () => {
    expect(found('write to anna at gmail dot com or ANNA AT GMAIL DOT COM')).toEqual([
      'anna at gmail dot com',
      'ANNA AT GMAIL DOT COM',
    ]);
    expect(found('maila bo snabel-a telia punkt se')).toEqual(['bo snabel-a telia punkt se']);
  });

  it('should not read ordinary sentences with "at" or "dot" as addresses', () => {
    expect(found('We met at the library. Look at this dot on the map. Vi ses at 5 punkt.')).toEqual([]);
    expect(found('meet me at home dot xyz123')).toEqual([]);
  });

  it('should not match handles, hosts without a top-level domain or a lone @', () => {
    expect(found('följ @malmostad, root@localhost, pris @ 20 kr, a@b')).toEqual([]);
  });
});
