import { describe, expect, it } from 'vitest';
import {
  INDICATOR_GEOGRAPHIES,
  INDICATOR_VALUE_KINDS,
  type IndicatorDetail,
  TARGET_YEARS,
} from '../../../../common/wire/insights.ts';
import { GEOGRAPHIES, latestSummary, parseDecimal, sortValues, TARGETS, VALUE_KINDS } from './data.ts';
import { mapValues } from './indicator-map.tsx';

const value = (geoCode: string, kind: 'measurement' | 'baseline' | 'target', year: number, v: number) => ({
  geoCode,
  kind,
  year,
  value: v,
  note: null,
  example: false,
});

const indicator = (
  geography: IndicatorDetail['geography'],
  values: IndicatorDetail['values'],
): IndicatorDetail => ({
  id: 'uvas-16-24',
  name: { sv: 'UVAS 16–24' },
  description: null,
  unit: '%',
  direction: 'lower',
  source: 'SCB',
  geography,
  insatsId: null,
  preset: true,
  updatedAt: '2026-01-01T00:00:00Z',
  values,
});

describe('indicator screen data', () => {
  it('should keep its copies of the wire constants equal to the originals', () => {
    expect(GEOGRAPHIES).toEqual(INDICATOR_GEOGRAPHIES);
    expect(VALUE_KINDS).toEqual(INDICATOR_VALUE_KINDS);
    expect(TARGETS).toEqual(TARGET_YEARS);
  });

  it('should read numbers typed with a decimal comma, spaces or a minus sign, and refuse the rest', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal(' 1 234,75 ')).toBe(1234.75);
    expect(parseDecimal('3.25')).toBe(3.25);
    expect(parseDecimal('\u22124,1')).toBe(-4.1);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('12,5 %')).toBeNull();
    expect(parseDecimal('1,2,3')).toBeNull();
  });

  it('should paint every member delområde with its reporting area value for the chosen year only', () => {
    const ind = indicator('reporting_area', [
      value('RA1', 'measurement', 2023, 10),
      value('RA1', 'measurement', 2024, 12.5),
      value('RA2', 'measurement', 2023, 7),
      value('RA1', 'target', 2024, 1),
    ]);
    const reporting = [
      { code: 'RA1', name: 'Norr', areaCodes: ['A1', 'A2'] },
      { code: 'RA2', name: 'Söder', areaCodes: ['B1'] },
    ];
    expect([...mapValues(ind, 2024, reporting)]).toEqual([
      ['A1', 12.5],
      ['A2', 12.5],
    ]);
    expect(mapValues(ind, 2023, reporting).get('B1')).toBe(7);
  });

  it('should summarise the latest measurement: one value with its year, or how many areas', () => {
    const city = indicator('city', [value('', 'measurement', 2022, 8), value('', 'measurement', 2024, 6.5)]);
    expect(latestSummary(city, city.values)).toBe('6,5\u00a0% (2024)');
    const areas = indicator('delomrade', [
      value('A', 'measurement', 2024, 1),
      value('B', 'measurement', 2024, 2),
    ]);
    expect(latestSummary(areas, areas.values)).toBe('2 områden (2024)');
    expect(latestSummary(areas, [value('A', 'target', 2030, 1)])).toBe('Inga värden än');
    const example = { ...value('A', 'measurement', 2024, 3), example: true };
    expect(latestSummary(areas, [example])).toBe('Exempel: 3\u00a0% (2024)');
  });

  it('should order values by place name, then year, then baseline before measurement before target', () => {
    const names = (c: string) => ({ A: 'Öresund', B: 'Almhög' })[c] ?? c;
    const sorted = sortValues(
      [
        value('A', 'measurement', 2020, 1),
        value('B', 'target', 2030, 1),
        value('B', 'measurement', 2030, 2),
        value('B', 'baseline', 2030, 3),
      ],
      names,
    );
    expect(sorted.map((v) => `${v.geoCode}${v.kind[0]}`)).toEqual(['Bb', 'Bm', 'Bt', 'Am']);
  });
});
