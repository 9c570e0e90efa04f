/**
 * `npm run areas:import` on an empty database (migrated, never seeded: no areas, no active
 * set), on both stores: files in the wrong zone, with the axes exchanged or reaching outside
 * the city are refused and store nothing; the official EPSG:3008 file becomes the active set
 * with counter-clockwise rings and Malmö's names, and a server starting on it keeps both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seed } from '../api/seed/index.ts';
import { STORE_KINDS, type TestStore, tempDir, testStore } from '../api/test/index.ts';
import { databaseUrl } from '../api/test/server.ts';
import { areasImport } from './areas-import.ts';

const EPSG3008 = new URL('../api/data/malmo/malmo_delomraden_epsg3008.geojson', import.meta.url);
const { dir: scratch, remove } = tempDir();
afterAll(remove);

interface Collection {
  crs?: unknown;
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } }[];
}
const official = () => JSON.parse(readFileSync(EPSG3008, 'utf8')) as Collection;
const mapPositions = (fc: Collection, f: (p: number[]) => number[]) => {
  for (const feature of fc.features)
    feature.geometry.coordinates = feature.geometry.coordinates.map((ring) => ring.map(f));
  return fc;
};

let written = 0;
function file(content: unknown): string {
  written += 1;
  const path = join(scratch, `empty-${written}.geojson`);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

async function run(ctx: TestStore, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await areasImport(argv, {
    env: { DATABASE_URL: databaseUrl(ctx.target) },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Twice the signed area by the trapezoid rule (Σ (x2 − x1)(y2 + y1)): negative is counter-clockwise. */
function trapezoidSum(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] as number[];
    const [x2 = 0, y2 = 0] = ring[i + 1] as number[];
    sum += (x2 - x1) * (y2 + y1);
  }
  return sum;
}

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe.each(STORE_KINDS)('npm run areas:import on an empty %s database', (kind) => {
  const refusals: [string, () => unknown, RegExp][] = [
    [
      'a file in SWEREF 99 12 00 (EPSG:3007) without a crs member',
      () => {
        // The official file moved to the zone west of 13 30, by proj4 (SWEREF 99 13 30 → 12 00).
        const to = proj4(
          '+proj=tmerc +lat_0=0 +lon_0=13.5 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
          '+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
        );
        const { crs: _, ...fc } = mapPositions(official(), (p) =>
          to.forward([p[0] as number, p[1] as number]),
        );
        return fc;
      },
      /lie in Malmö in SWEREF 99 12 00 \(EPSG:3007\), not in the system the file is read in \(guessed from the coordinate ranges: SWEREF 99 13 30 \(EPSG:3008\)\), reaching about 95 km outside Malmö/,
    ],
    [
      'the official file with northing and easting exchanged',
      () => mapPositions(official(), ([x = 0, y = 0]) => [y, x]),
      /lie in Malmö only with x and y exchanged, in SWEREF 99 13 30 \(EPSG:3008\): the northing is written before the easting/,
    ],
    [
      'the official file with one feature 30 km north of the city',
      () => shifted(),
      /feature 60 \(code \d+\): reaches \d+\.\d km outside Malmö \(its known extent/,
    ],
  ];

  function shifted() {
    const fc = official();
    const feature = fc.features[60] as Collection['features'][number];
    feature.geometry.coordinates = feature.geometry.coordinates.map((ring) =>
      ring.map(([x = 0, y = 0]) => [x, y + 30_000]),
    );
    return fc;
  }

  it.each(refusals)('should refuse %s and store nothing', async (_, make, message) => {
    ctx = await testStore({ kind, seed: false });
    const result = await run(ctx, file(make()), '--activate');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/1 problem; nothing was stored/);
    expect(result.err).toMatch(message);
    expect(await ctx.store.listBoundarySets()).toEqual([]);
    expect(await ctx.store.activeBoundaryVersion()).toBeUndefined();
    expect(await ctx.store.listAreas()).toEqual([]);
  });

  it("should accept the official file: active, rings counter-clockwise, Malmö's names, kept by seeding", async () => {
    ctx = await testStore({ kind, seed: false });
    const result = await run(ctx, EPSG3008.pathname);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/No active set to compare with\.[\s\S]*added \(136\)/);
    expect(result.out).toMatch(/It is the first set in this database, so it is active now\./);
    const version = /Stored as version (\S+)\./.exec(result.out)?.[1] as string;
    expect(await ctx.store.activeBoundaryVersion()).toBe(version);

    const stored = JSON.parse((await ctx.store.boundarySetGeojson(version)) as string) as Collection;
    expect(stored.features).toHaveLength(136);
    for (const f of stored.features)
      expect(trapezoidSum(f.geometry.coordinates[0] as number[][])).toBeLessThan(0);

    const named = async () => new Map((await ctx?.store.listAreas())?.map((a) => [a.code, a]));
    let areas = await named();
    expect(areas.size).toBe(136);
    expect(areas.get('11319')).toMatchObject({ name: 'Södra Sofielund', district: 'Innerstaden' });
    expect([...areas.values()].filter((a) => a.name === a.code)).toEqual([]);

    // A server starting on this database seeds: the imported set stays active, names stay.
    await seed(ctx.store, { exampleContent: false });
    expect(await ctx.store.activeBoundaryVersion()).toBe(version);
    areas = await named();
    expect(areas.get('11319')).toMatchObject({
      name: 'Södra Sofielund',
      district: 'Innerstaden',
      aliases: ['Seved'],
    });
    expect([...areas.values()].filter((a) => a.name === a.code)).toEqual([]);
  });

  it('should let seeding name areas an earlier import named by their codes, and leave staff names alone', async () => {
    ctx = await testStore({ kind, seed: false });
    // As imports without the lookup left a fresh database: every area named by its code.
    await ctx.store.saveAreaNames([{ code: '11319' }, { code: '10101' }]);
    await ctx.store.saveAreaNames([{ code: '10101', name: 'Hamnen (personalens namn)' }]);
    expect((await ctx.store.listAreas()).map((a) => a.name).sort()).toEqual([
      '11319',
      'Hamnen (personalens namn)',
    ]);
    await seed(ctx.store, { exampleContent: false });
    const areas = new Map((await ctx.store.listAreas()).map((a) => [a.code, a]));
    expect(areas.get('11319')).toMatchObject({
      name: 'Södra Sofielund',
      district: 'Innerstaden',
      aliases: ['Seved'],
    });
    expect(areas.get('10101')).toMatchObject({ name: 'Hamnen (personalens namn)' });
  });
});
