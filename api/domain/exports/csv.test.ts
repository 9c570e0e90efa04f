import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BOM, csvDocument, csvRows, neutralise } from './csv.ts';
import { zipChunks } from './zip.ts';

const read = (csv: string) =>
  parse(csv, { delimiter: ';', bom: true, record_delimiter: '\r\n', relax_quotes: false }) as string[][];

describe('CSV for spreadsheets', () => {
  const arabic = 'نريد ملعبًا أكبر; شكرًا';
  const tricky = ['a;b', 'he said "hej"', 'line one\nline two', 'rad ett\r\nrad två', arabic, '', 'åäö ÅÄÖ'];
  const formulas = [
    '=1+1',
    '+46 70 123 45 67',
    '-2+3',
    '@SUM(A1)',
    '\tx',
    '\rx',
    '=HYPERLINK("http://x";"y")',
  ];
  const texts = ['01234', '0701234567', '12345678-1234-1234-1234-123456789abc', '1e5', '00'];

  it('should start with a BOM, separate with ; and end records with CRLF', () => {
    const csv = csvDocument(['a', 'b'], [['x', 1]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('"a";"b"\r\n"x";1\r\n');
  });

  it('should give back every value (Arabic, ;, quotes, line breaks) when parsed again', () => {
    const csv = csvDocument(
      ['v'],
      tricky.map((t) => [t]),
    );
    expect(csv).toContain(arabic);
    expect(
      read(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(tricky);
  });

  it('should neutralise cells that start like a formula with a leading quote, and only those', () => {
    const csv = csvDocument(
      ['v'],
      [...formulas, 'ok = fine', '5-3'].map((t) => [t]),
    );
    const back = read(csv)
      .slice(1)
      .map((r) => r[0]);
    expect(back).toEqual([...formulas.map((f) => `'${f}`), 'ok = fine', '5-3']);
    for (const line of csv.split('\r\n').slice(1, -1)) expect(line).not.toMatch(/^"?[=+\-@\t\r]/);
    expect(neutralise('-')).toBe("'-");
  });

  it('should quote numbers-that-are-not-numbers (area codes, phones, ids) so they stay text', () => {
    const csv = csvDocument(
      ['v', 'n'],
      texts.map((t) => [t, 7]),
    );
    const lines = csv.slice(1).split('\r\n');
    texts.forEach((t, i) => {
      expect(lines[i + 1]).toBe(`"${t}";7`);
    });
    expect(
      read(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(texts);
  });

  it('should leave empty cells empty', () => {
    expect(csvDocument(['a', 'b', 'c'], [[null, undefined, 'x']]).slice(1)).toBe('"a";"b";"c"\r\n;;"x"\r\n');
  });
});

describe('streamed zip', () => {
  it('should contain both files, whole, when unzipped', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `rad ${i}; ${'x'.repeat(i % 50)}`);
    const parts: Uint8Array[] = [];
    for await (const chunk of zipChunks([
      {
        name: 'submissions.csv',
        async *pieces() {
          yield csvDocument(['text'], []);
          for (let i = 0; i < many.length; i += 1000) yield csvRows(many.slice(i, i + 1000).map((m) => [m]));
        },
      },
      {
        name: 'answers.csv',
        async *pieces() {
          yield csvDocument(['a'], [['نعم']]);
        },
      },
    ]))
      parts.push(chunk);
    expect(parts.length).toBeGreaterThan(1);
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['answers.csv', 'submissions.csv']);
    const subs = strFromU8(files['submissions.csv'] as Uint8Array);
    expect(
      read(subs)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(many);
    expect(read(strFromU8(files['answers.csv'] as Uint8Array))).toEqual([['a'], ['نعم']]);
  });
});
