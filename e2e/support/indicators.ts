import { expect, type Page } from '@playwright/test';

/**
 * The indicator screens' names for browser tests (Swedish: the tests' browser locale is sv-SE),
 * and stable test ids: `indicator-list`, `indicator-row` (with `data-id`), `indicator-import-section`,
 * `indicator-import-result`, `indicator-import-errors`, `indicator-import-sample`,
 * `indicator-values`, `indicator-value-row`, `indicator-values-status`, `indicator-chart`,
 * `indicator-chart-table`, `indicator-direction`, `indicator-map`, `reporting-list`, `reporting-row`.
 */
export const INDICATORS = {
  listHeading: 'Indikatorer',
  reportingHeading: 'Rapportområden',
  preset: 'Förinställd',
  newIndicator: 'Ny indikator',
  importLink: 'Importera värden (CSV)',
  file: 'CSV-fil',
  preview: 'Förhandsgranska',
  commit: (n: number) => `Importera ${n} rader`,
  chartPlace: 'Område i diagrammet',
  place: 'Område',
  kind: 'Slag',
  year: 'År',
  value: (unit: string) => `Värde (${unit})`,
  saveValue: 'Spara värdet',
  mapYear: 'År på kartan',
} as const;

/** One CSV line of indicator values, `;`-separated as the documented format (docs/indicators.md). */
export interface CsvValue {
  indicator: string;
  geoCode: string;
  kind: 'measurement' | 'baseline' | 'target';
  year: number;
  /** As written in the file, e.g. "28,5" (decimal comma). */
  value: string;
  note?: string;
}

/** A CSV file of indicator values with the header row, UTF-8 with BOM (as Excel saves it). */
export function indicatorCsv(rows: readonly CsvValue[]): Buffer {
  const lines = [
    'indicator;geo_code;kind;year;value;note',
    ...rows.map((r) => [r.indicator, r.geoCode, r.kind, r.year, r.value, r.note ?? ''].join(';')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Names of delområden by code, from the server the page talks to. */
export async function areaNames(page: Page): Promise<Map<string, string>> {
  const res = await page.request.get('/api/areas');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { areas: { code: string; name: string }[] };
  return new Map(body.areas.map((a) => [a.code, a.name]));
}
