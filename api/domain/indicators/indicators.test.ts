import { describe, expect, it } from 'vitest';
import {
  CROSSWALK_CSV_COLUMNS,
  INDICATOR_CSV_COLUMNS,
  type IndicatorGeography,
} from '../../../common/wire/insights.ts';
import { validateCrosswalkRows } from './crosswalk.ts';
import { readCsv } from './csv.ts';
import { formatDecimal, parseDecimal, type ValueContext, validateIndicatorRows } from './values.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

const GEOGRAPHIES: Record<string, IndicatorGeography> = {
  'uvas-16-24': 'reporting_area',
  trangboddhet: 'delomrade',
  stad: 'city',
};
const ctx: ValueContext = {
  geographyOf: (id) => GEOGRAPHIES[id],
  areaCodes: new Set(['11319', '11320']),
  reportingCodes: new Set(['sofielund']),
};

function indicatorRows(csv: string) {
  const read = readCsv(bytes(csv), INDICATOR_CSV_COLUMNS, 100);
  if (!read.ok) throw new Error(read.message);
  return { read, ...validateIndicatorRows(read.rows, ctx) };
}

describe('numbers as people type them', () => {
  it('should read a decimal comma, a point, spaces between thousands and the minus sign', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal('1 234,5')).toBe(1234.5);
    expect(parseDecimal('1\u00a0234')).toBe(1234);
    expect(parseDecimal('\u22122,25')).toBe(-2.25);
    expect(parseDecimal(',5')).toBe(0.5);
  });

  it('should refuse what is not plainly one number', () => {
    for (const bad of ['', 'abc', '12 %', '1.234,5', '1e3', '12,5,3', '--1', 'NaN', 'Infinity']) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
  });

  it('should store small and large values without exponent notation', () => {
    expect(formatDecimal(0.0000001)).toBe('0.0000001');
    expect(formatDecimal(12.5)).toBe('12.5');
  });
});

describe('reading an indicator CSV', () => {
  it('should read a BOM, semicolons, quoted cells and a decimal comma', () => {
    const { accepted, errors } = indicatorRows(
      '\ufeffindicator;geo_code;kind;year;value;note\r\ntrangboddhet;11319;measurement;2024;"31,4";"Källa: SCB; tabell 3"\r\n',
    );
    expect(errors).toEqual([]);
    expect(accepted).toEqual([
      {
        row: 2,
        indicatorId: 'trangboddhet',
        geoCode: '11319',
        kind: 'measurement',
        year: 2024,
        value: 31.4,
        note: 'Källa: SCB; tabell 3',
      },
    ]);
  });

  it('should take the columns in any order, separated by commas', () => {
    const { accepted } = indicatorRows(
      'year,value,kind,indicator,note,geo_code\n2030,5.5,target,uvas-16-24,,sofielund\n',
    );
    expect(accepted).toMatchObject([
      { indicatorId: 'uvas-16-24', geoCode: 'sofielund', year: 2030, value: 5.5 },
    ]);
  });

  it('should refuse a header with an unknown or a missing column, naming it', () => {
    const unknown = readCsv(bytes('indicator;geo;kind;year;value;note\n'), INDICATOR_CSV_COLUMNS, 10);
    expect(unknown).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('"geo"') });
    const missing = readCsv(bytes('indicator;geo_code;kind;year;value\n'), INDICATOR_CSV_COLUMNS, 10);
    expect(missing).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('"note"') });
  });

  it('should refuse a file that is not UTF-8 (an old Excel "CSV" in Windows-1252)', () => {
    const latin1 = Uint8Array.from([...bytes('indicator;geo_code;kind;year;value;note\nx;'), 0xe5, 0x0a]);
    expect(readCsv(latin1, INDICATOR_CSV_COLUMNS, 10)).toMatchObject({ ok: false, status: 400 });
  });

  it('should report each problem of a bad row with its spreadsheet row number and keep the good rows', () => {
    const { accepted, errors } = indicatorRows(
      [
        'indicator;geo_code;kind;year;value;note',
        'trangboddhet;11319;measurement;2023;30,1;',
        'okand;11319;measurement;2023;1;',
        'trangboddhet;99999;measurement;2023;1;',
        'trangboddhet;11320;measurement;2023;mycket;',
        'trangboddhet;11320;target;2031;20;',
        'trangboddhet;11320;measurement;2024;;',
        'trangboddhet;11320;baseline;2024;29;',
      ].join('\n'),
    );
    expect(errors).toEqual([
      { row: 3, column: 'indicator', message: expect.stringContaining('okand') },
      { row: 4, column: 'geo_code', message: expect.stringContaining('99999') },
      { row: 5, column: 'value', message: expect.stringContaining('mycket') },
      { row: 6, column: 'year', message: expect.stringContaining('2031') },
      { row: 7, column: 'value', message: 'The value is missing.' },
    ]);
    expect(accepted.map((a) => a.row)).toEqual([2, 8]);
  });

  it('should refuse a repeated key and a second baseline for one place, keeping the first row', () => {
    const { accepted, errors } = indicatorRows(
      [
        'indicator;geo_code;kind;year;value;note',
        'trangboddhet;11319;measurement;2023;30;',
        'trangboddhet;11319;measurement;2023;31;',
        'trangboddhet;11319;baseline;2020;28;',
        'trangboddhet;11319;baseline;2021;29;',
      ].join('\n'),
    );
    expect(errors.map((e) => [e.row, e.message.slice(0, 6)])).toEqual([
      [3, 'Row 2 '],
      [5, 'Row 4 '],
    ]);
    expect(accepted.map((a) => a.value)).toEqual([30, 28]);
  });

  it('should skip blank lines without shifting the row numbers', () => {
    const { errors } = indicatorRows(
      'indicator;geo_code;kind;year;value;note\n\n;;;;;\nokand;;measurement;2020;1;\n',
    );
    expect(errors).toMatchObject([{ row: 4, column: 'indicator' }]);
  });

  it('should keep Arabic and Swedish text in notes intact', () => {
    const note = 'مؤشر تجريبي – för Möllevången';
    const { accepted } = indicatorRows(
      `indicator;geo_code;kind;year;value;note\nstad;;measurement;2024;1;${note}\n`,
    );
    expect(accepted[0]?.note).toBe(note);
  });

  it('should read a stray quote inside an unquoted cell as text, and refuse an unclosed quoted cell', () => {
    const { accepted } = indicatorRows(
      `${'indicator;geo_code;kind;year;value;note'}\nstad;;measurement;2024;1;Ett 5" rör\n`,
    );
    expect(accepted[0]?.note).toBe('Ett 5" rör');
    const unclosed = readCsv(
      bytes('indicator;geo_code;kind;year;value;note\nstad;;measurement;2024;1;"öppen\n'),
      INDICATOR_CSV_COLUMNS,
      10,
    );
    expect(unclosed).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('not valid CSV'),
    });
  });

  it('should refuse more rows than allowed with 413', () => {
    const csv = `indicator;geo_code;kind;year;value;note\n${'stad;;measurement;2024;1;\n'.repeat(4)}`;
    expect(readCsv(bytes(csv), INDICATOR_CSV_COLUMNS, 3)).toMatchObject({ ok: false, status: 413 });
  });
});

describe('reading a crosswalk CSV', () => {
  it('should group delområden per reporting area and leave an area with a bad row unchanged', () => {
    const read = readCsv(
      bytes(
        [
          'reporting_area;reporting_area_name;delomrade',
          'sofielund;Sofielund;11319',
          'sofielund;Sofielund;11320.0',
          'annat;Annat område;11319',
          'annat;Annat område;12345',
        ].join('\n'),
      ),
      CROSSWALK_CSV_COLUMNS,
      100,
    );
    if (!read.ok) throw new Error(read.message);
    const result = validateCrosswalkRows(read.rows, new Set(['11319', '11320']));
    expect(result.areas).toEqual([{ code: 'sofielund', name: 'Sofielund', areaCodes: ['11319', '11320'] }]);
    expect(result.accepted).toBe(2);
    expect(result.errors).toEqual([
      { row: 4, column: 'reporting_area', message: expect.stringContaining('unchanged') },
      { row: 5, column: 'delomrade', message: expect.stringContaining('12345') },
    ]);
  });
});
