/**
 * Example indicator values for demos (EXAMPLE_CONTENT=on): made up, never real statistics.
 * Every value is stored with `example = 1` (the staff screens mark it) and the note says so;
 * with EXAMPLE_CONTENT off they are removed on the next start. The preset indicators
 * themselves (api/domain/indicators/presets.ts) never get values from the seed.
 */
import type { IndicatorValueInput } from '../../common/wire/insights.ts';
import type { IndicatorExamples, IndicatorValueRecord } from '../store/index.ts';

/** The example reporting area: Södra and Norra Sofielund with Sofielunds industriområde. */
export const EXAMPLE_REPORTING_AREA = {
  code: 'exempel-sofielund',
  name: 'Exempel: Norra Sofielund-området',
  areaCodes: ['11319', '11320', '11322'],
} as const;

const NOTE = 'Exempelvärde – inte verklig statistik.';

/** A baseline, a few measurements and both targets of one indicator in one place. */
function series(
  indicatorId: string,
  geoCode: string,
  measurements: [number, number][],
  baseline: [number, number],
  targets: [number, number],
): IndicatorValueRecord[] {
  const value = (kind: IndicatorValueInput['kind'], year: number, v: number): IndicatorValueRecord => ({
    indicatorId,
    geoCode,
    kind,
    year,
    value: v,
    note: NOTE,
  });
  return [
    ...measurements.map(([year, v]) => value('measurement', year, v)),
    value('baseline', baseline[0], baseline[1]),
    value('target', 2030, targets[0]),
    value('target', 2035, targets[1]),
  ];
}

/** What the seed adds with EXAMPLE_CONTENT on. */
export const INDICATOR_EXAMPLES: IndicatorExamples = {
  reportingAreas: [{ ...EXAMPLE_REPORTING_AREA, areaCodes: [...EXAMPLE_REPORTING_AREA.areaCodes] }],
  values: [
    ...series(
      'uvas-16-24',
      EXAMPLE_REPORTING_AREA.code,
      [
        [2022, 9.8],
        [2023, 9.1],
        [2024, 8.7],
      ],
      [2024, 8.7],
      [6.5, 5],
    ),
    ...series(
      'uvas-25-29',
      EXAMPLE_REPORTING_AREA.code,
      [
        [2023, 14.2],
        [2024, 13.6],
      ],
      [2024, 13.6],
      [11, 9],
    ),
    ...series(
      'behorighet-yrkesprogram',
      '11319',
      [
        [2023, 61.5],
        [2024, 64],
      ],
      [2024, 64],
      [72, 80],
    ),
    ...series(
      'behorighet-yrkesprogram',
      '11320',
      [
        [2023, 70.2],
        [2024, 71.8],
      ],
      [2024, 71.8],
      [78, 84],
    ),
    ...series('trangboddhet', '11319', [[2024, 31.4]], [2024, 31.4], [27, 23]),
  ],
};
