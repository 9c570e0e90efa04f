/**
 * `npm run areas:import`: both real Malmö files import, broken files of each kind are refused
 * with their own message and store nothing, and --activate makes the set the active one.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MALMO_BOUNDARY_VERSION, MALMO_GEOJSON } from '../api/seed/index.ts';
import { STORE_KINDS, type TestStore, tempDir, testStore } from '../api/test/index.ts';
import { databaseUrl } from '../api/test/server.ts';
import { areasImport } from './areas-import.ts';

const EPSG3008 = new URL('../api/data/malmo/malmo_delomraden_epsg3008.geojson', import.meta.url);
const WGS84 = MALMO_GEOJSON;
const { dir: scratch, remove } = tempDir();
afterAll(remove);

interface Collection {
  crs?: unknown;
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}
const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Collection;
const ringOf = (fc: Collection, i: number) =>
  ((fc.features[i] as Collection['features'][number]).geometry.coordinates as number[][][])[0] as number[][];

let written = 0;
/** Writes a (broken) file into the temp dir and returns its path. */
function file(content: unknown): string {
  written += 1;
  const path = join(scratch, `set-${written}.geojson`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Runs the command in-process against `ctx`'s database. */
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

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe.each(STORE_KINDS)('npm run areas:import on %s', (kind) => {
  it('should import the EPSG:3008 file as no change, activate it and keep the names', async () => {
    ctx = await testStore({ kind });
    const result = await run(ctx, EPSG3008.pathname, '--activate');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/136 areas in SWEREF 99 13 30 \(EPSG:3008\), read from the crs member/);
    expect(result.out).toMatch(/Compared with the active set malmo-delomraden-v1:[\s\S]*unchanged: 136/);
    const version = /Activated (\S+)\./.exec(result.out)?.[1];
    expect(version).toMatch(/^malmo_delomraden_epsg3008-[0-9a-f]{12}$/);
    expect(await ctx.store.activeBoundaryVersion()).toBe(version);
    const areas = await ctx.store.listAreas();
    expect(areas.find((a) => a.code === '11319')?.name).toBe('Södra Sofielund');
  });

  it('should store the WGS84 file without activating it, and only once when imported twice', async () => {
    ctx = await testStore({ kind });
    const first = await run(ctx, WGS84.pathname);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Stored as version malmo_delomraden_wgs84-[0-9a-f]{12}\.\nNot activated/);
    const second = await run(ctx, WGS84.pathname);
    expect(second.out).toMatch(/is already stored/);
    expect((await ctx.store.listBoundarySets()).map((s) => s.active)).toEqual([true, false]);
    expect(await ctx.store.activeBoundaryVersion()).toBe(MALMO_BOUNDARY_VERSION);
  });
});

describe('npm run areas:import: names, versions and usage', () => {
  it('should apply the names of an activated set and add its new areas', async () => {
    ctx = await testStore();
    const fc = read(WGS84);
    const sofielund = fc.features.find((f) => f.properties.do_kod === 11319);
    if (sofielund) sofielund.properties.namn = 'Sofielund Syd';
    // A new area in the Sound west of Ribersborg, outside every other one.
    const island = [
      [12.9, 55.6],
      [12.905, 55.6],
      [12.905, 55.603],
      [12.9, 55.603],
      [12.9, 55.6],
    ];
    fc.features.push({
      properties: { do_kod: '10199.0', namn: 'Nya Ön', stadsomrade_2013_2016: 'Norr' },
      geometry: { type: 'Polygon', coordinates: [island] },
    } as Collection['features'][number]);
    (fc.features.at(-1) as unknown as { type: string }).type = 'Feature';
    const result = await run(ctx, file(fc), '--activate', '--retag-here', '--version', 'malmo-v2');
    expect(result.err).toBe('');
    expect(result.out).toMatch(/added \(1\): 10199/);
    expect(result.out).toMatch(/Activated malmo-v2\.\nRe-tagged 0 submissions\./);
    const areas = new Map((await ctx.store.listAreas()).map((a) => [a.code, a]));
    expect(areas.get('11319')).toMatchObject({ name: 'Sofielund Syd', aliases: ['Seved'] });
    expect(areas.get('10199')).toMatchObject({ name: 'Nya Ön', district: 'Norr' });
  });

  it('should refuse a version name already used for other geometry', async () => {
    ctx = await testStore();
    const result = await run(ctx, EPSG3008.pathname, '--version', MALMO_BOUNDARY_VERSION);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/version malmo-delomraden-v1 already exists with other geometry/);
  });

  it('should explain its usage when no file is given', async () => {
    ctx = await testStore();
    const result = await run(ctx, '--activate');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^usage: npm run areas:import -- <file.geojson>/);
  });

  it('should run as the npm script, reading DATABASE_URL like the server', async () => {
    ctx = await testStore();
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'areas:import', '--', EPSG3008.pathname],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl(ctx.target) },
      },
    );
    expect(stdout).toMatch(/unchanged: 136\nStored as version/);
  });
});

describe('npm run areas:import refuses broken files, each with its own message', () => {
  let shared: TestStore;
  beforeAll(async () => {
    shared = await testStore();
  });
  afterAll(async () => {
    await shared.close();
  });

  const broken: [string, () => unknown, RegExp][] = [
    ['not JSON', () => '{"type": "FeatureCollection", "features": [', /the file is not JSON/],
    [
      'a Point among the polygons',
      () => {
        const fc = read(WGS84);
        (fc.features[5] as Collection['features'][number]).geometry = {
          type: 'Point',
          coordinates: [13, 55.6],
        };
        return fc;
      },
      /feature 5 \(code 10106\): has a Point; only Polygon and MultiPolygon are allowed/,
    ],
    [
      'an unclosed ring',
      () => {
        const fc = read(WGS84);
        ringOf(fc, 3).pop();
        return fc;
      },
      /feature 3 \(code 10104\), ring 0 \(outer\): is not closed: it starts at \[[\d., ]+\] and ends at/,
    ],
    [
      'a ring of three positions',
      () => {
        const fc = read(WGS84);
        ringOf(fc, 4).splice(3);
        return fc;
      },
      /feature 4 \(code 10105\), ring 0 \(outer\): has 3 positions; a ring needs at least 4/,
    ],
    [
      'a ring with zero area',
      () => {
        const fc = read(WGS84);
        const [a = [], b = []] = ringOf(fc, 6);
        const middle = [((a[0] ?? 0) + (b[0] ?? 0)) / 2, ((a[1] ?? 0) + (b[1] ?? 0)) / 2];
        (fc.features[6] as Collection['features'][number]).geometry.coordinates = [[a, b, middle, a]];
        return fc;
      },
      /feature 6 \(code 10107\), polygon 0, ring 0: has zero area/,
    ],
    [
      'a ring that touches itself',
      () => {
        const fc = read(WGS84);
        const ring = ringOf(fc, 8);
        ring.splice(10, 0, ring[2] as number[]);
        return fc;
      },
      /feature 8 \(code 11201\), ring 0 \(outer\): touches itself: position 10 \[[\d., ]+\] repeats position 2/,
    ],
    [
      'a code used twice',
      () => {
        const fc = read(WGS84);
        (fc.features[7] as Collection['features'][number]).properties.do_kod = '10107.0';
        return fc;
      },
      /feature 7 \(code 10107\): area code 10107 is already used by feature 6/,
    ],
    [
      'a feature without a code',
      () => {
        const fc = read(WGS84);
        delete (fc.features[9] as Collection['features'][number]).properties.do_kod;
        return fc;
      },
      /feature 9: no area code in property "do_kod" \(missing/,
    ],
    [
      'a feature far outside the city',
      () => {
        const fc = read(WGS84);
        for (const p of ringOf(fc, 10)) p[1] = (p[1] ?? 0) + 0.3;
        return fc;
      },
      /feature 10 \(code 11203\): reaches 29\.5 km outside Malmö \(its known extent, api\/data\/malmo\/malmo_extent\.json; limit 10 km\)/,
    ],
    [
      'two features that overlap',
      () => {
        const fc = read(WGS84);
        const copy = structuredClone(fc.features[20]) as Collection['features'][number];
        copy.properties.do_kod = 99999;
        fc.features.push(copy);
        return fc;
      },
      /features 20 \(code 11313\) and 136 \(code 99999\) overlap by \d+ m² \(tolerance 50 m²\)/,
    ],
    [
      'RT90 named in the crs member',
      () => ({
        ...read(EPSG3008),
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3021' } },
      }),
      /EPSG:3021, an RT90 system.*\(the coordinates lie in Malmö in SWEREF 99 13 30 \(EPSG:3008\): if that is the file's system, name it in the crs member\)/,
    ],
    [
      'RT90 coordinates without a crs member',
      () => {
        const { crs: _, ...fc } = read(EPSG3008);
        for (const f of fc.features)
          for (const p of (f.geometry.coordinates as number[][][])[0] ?? []) p[0] = (p[0] ?? 0) + 1_200_000;
        return fc;
      },
      /the coordinates look like RT90/,
    ],
    [
      'an unknown coordinate system',
      () => ({ ...read(EPSG3008), crs: { type: 'name', properties: { name: 'EPSG:32633' } } }),
      /EPSG:32633 is not a supported coordinate system/,
    ],
  ];

  it.each(broken)('should refuse %s', async (_, make, message) => {
    const before = await shared.store.listBoundarySets();
    const result = await run(shared, file(make()));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/nothing was stored/);
    expect(result.err).toMatch(message);
    expect(await shared.store.listBoundarySets()).toEqual(before);
  });
});
