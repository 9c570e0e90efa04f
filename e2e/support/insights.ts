import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import type { Area, Insats } from '../../common/wire/index.ts';
import type { TestServer } from './server.ts';

/**
 * Steps and seed data for the insights spec (e2e/insights.spec.ts), with the names the
 * dashboard gives its controls in Swedish. Stable hooks of the dashboard
 * (client/staff/views/dashboard): test ids `dashboard-total`, `dashboard-untagged`,
 * `dashboard-period`, `dashboard-empty`, `choropleth-table` (rows with `data-code`), the chart
 * tables `chart-district`, `chart-insats`, `chart-kind`, `chart-group`, `chart-age`,
 * `chart-weeks` (rows with `data-key`), `answers-<question>-<version>`; map areas are
 * `[data-code]` paths whose accessible name (and title) is "<name>: <value>".
 */
export const DASHBOARD = {
  path: '/personal/oversikt',
  heading: 'Vad som kommit in',
  insats: 'Insats',
  place: 'Område',
  period: 'Period',
  apply: 'Visa',
  csv: 'Inlägg som CSV (zip)',
  geojson: 'Antal per delområde som GeoJSON',
  answers: 'Svar på insatsens frågor',
} as const;

/** One submission to seed: where, about what, and (for `answer`) its answers. */
export interface Seed {
  areaCode: string;
  insatsId?: string;
  kind: 'comment' | 'answer';
  answers?: { questionId: string; questionVersion: number; value: string | number | string[] }[];
}

/** The catalogue the example content gives the test server: insatser and areas. */
export async function catalogue(server: TestServer): Promise<{ insatser: Insats[]; areas: Area[] }> {
  const [i, a] = await Promise.all([
    fetch(`${server.url}/api/insatser`).then((r) => r.json() as Promise<{ insatser: Insats[] }>),
    fetch(`${server.url}/api/areas`).then((r) => r.json() as Promise<{ areas: Area[] }>),
  ]);
  return { insatser: i.insatser, areas: a.areas };
}

/**
 * Sends `seeds` as a device would (`POST /api/submissions`), made now, by young people; each
 * one must be accepted. Several device ids, so no per-device limit is reached. Returns the ids,
 * in the order of `seeds`.
 */
export async function seedSubmissions(server: TestServer, seeds: readonly Seed[]): Promise<string[]> {
  const now = new Date().toISOString();
  const items = seeds.map((s, i) => ({
    schemaVersion: 1,
    id: randomUUID(),
    kind: s.kind,
    ...(s.insatsId ? { insatsId: s.insatsId } : {}),
    ...(s.kind === 'answer' ? { answers: s.answers } : { text: `Insikter e2e, inlägg ${i + 1}.` }),
    respondent: { group: 'youth', ageBand: '16-19' },
    location: { areaCode: s.areaCode },
    deviceId: `insights-e2e-device-${i % 4}`,
    locale: 'sv',
    createdAt: now,
  }));
  const res = await fetch(`${server.url}/api/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ submissions: items }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { status: string; errors?: unknown }[] };
  const refused = body.results.filter((r) => r.status !== 'created');
  expect(refused, 'every seeded submission accepted').toEqual([]);
  return items.map((item) => item.id);
}

/** Two stadsområden with at least two delområden in the first: [a1, a2] in A, b1 in B. */
export function pickAreas(areas: readonly Area[]): {
  districtA: string;
  districtB: string;
  a1: Area;
  a2: Area;
  b1: Area;
} {
  const byDistrict = new Map<string, Area[]>();
  for (const a of areas) byDistrict.set(a.district, [...(byDistrict.get(a.district) ?? []), a]);
  const districts = [...byDistrict.keys()].sort();
  const districtA = districts.find((d) => (byDistrict.get(d)?.length ?? 0) >= 2);
  const districtB = districts.find((d) => d !== districtA);
  if (!districtA || !districtB) throw new Error('the example areas need two stadsområden');
  const [a1, a2] = byDistrict.get(districtA) as [Area, Area];
  const [b1] = byDistrict.get(districtB) as [Area];
  return { districtA, districtB, a1, a2, b1 };
}
