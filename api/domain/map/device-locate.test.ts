/**
 * The device names the area a position is in from the map alone (common/geo/locate.ts); the
 * server tags the point it receives against the full boundary set (api/domain/tagging). On
 * Malmö's real data the two must agree: wherever the device names one area it is the server's,
 * and near a border (within the map's few metres of simplification) the server's area is among
 * the ones the device offers.
 */
import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { AreaMap } from '../../../common/wire/index.ts';
import * as v from 'valibot';
import { MAP_SLACK_METRES, prepareAreas, toMapPoint, whereIs } from '../../../common/geo/locate.ts';
import { MALMO_GEOJSON } from '../../seed/index.ts';
import { malmoBoundaries } from '../../test/index.ts';
import { buildAreaMap, SWEREF99_1330 } from './index.ts';

/** A fixed pseudo-random sequence (mulberry32), so a failure names the same points every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the device's area for a position agrees with the server's tagging (Malmö)", () => {
  // What the device gets: the map as GET /api/areas/map sends it, through its wire schema.
  const map = v.parse(AreaMap, {
    boundaryVersion: 'malmo-delomraden-v1',
    ...buildAreaMap(JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8'))),
  });
  const areas = prepareAreas(map);
  const server = malmoBoundaries();
  const grid = map.grid;
  if (!grid) throw new Error('the map has no grid');
  const fromGrid = proj4(SWEREF99_1330, 'EPSG:4326');
  /** The latitude and longitude of a point in viewBox units. */
  const latLon = ([x, y]: [number, number]) => {
    const [lon, lat] = fromGrid.forward([
      grid.originE + x * grid.unitMetres,
      grid.originN - y * grid.unitMetres,
    ]);
    return { lat: lat as number, lon: lon as number };
  };

  /** Whether the server's boundary of `code` passes within the map's slack of the point. */
  const nearServerEdge = (code: string, lat: number, lon: number) => {
    const dLat = MAP_SLACK_METRES / 111_000;
    const dLon = MAP_SLACK_METRES / (111_000 * Math.cos((lat * Math.PI) / 180));
    let near = false;
    server.edgesIn([lon - dLon, lat - dLat, lon + dLon, lat + dLat], (c) => {
      if (c === code) near = true;
    });
    return near;
  };

  it("should put a latitude and longitude on the map's own coordinates to within a metre", () => {
    for (const area of map.areas) {
      const { lat, lon } = latLon(area.label);
      const p = toMapPoint(map, lat, lon) ?? [Number.NaN, Number.NaN];
      expect(Math.hypot(p[0] - area.label[0], p[1] - area.label[1]), area.code).toBeLessThan(0.01);
    }
  });

  it("should name each area's label point as that area, as the server does", () => {
    for (const area of map.areas) {
      const { lat, lon } = latLon(area.label);
      expect(server.locate({ lat, lon }), area.code).toBe(area.code);
      expect(whereIs(map, areas, lat, lon, 10), area.code).toEqual({ kind: 'area', code: area.code });
    }
  });

  it('should agree on 20,000 random points across the city and around it', () => {
    const next = random(11319);
    const [, , width, height] = map.viewBox;
    let named = 0;
    let border = 0;
    let outside = 0;
    for (let i = 0; i < 20_000; i++) {
      const { lat, lon } = latLon([next() * width, next() * height]);
      const truth = server.locate({ lat, lon });
      const device = whereIs(map, areas, lat, lon, 0);
      const where = `${lat.toFixed(6)},${lon.toFixed(6)}`;
      if (device?.kind === 'area' && truth === undefined) {
        // Just outside the city's outline: offered, as the one area within the map's slack.
        border++;
        expect(nearServerEdge(device.code, lat, lon), where).toBe(true);
      } else if (device?.kind === 'area') {
        named++;
        expect(device.code, where).toBe(truth);
      } else if (device?.kind === 'border') {
        border++;
        if (truth !== undefined) expect(device.codes, where).toContain(truth);
      } else {
        outside++;
        expect(device, where).toEqual({ kind: 'outside' });
        expect(truth, where).toBeUndefined();
      }
    }
    // Most points are clearly in one area or clearly outside; few are within metres of a border.
    console.log(
      `device vs server on 20,000 points: ${named} named, ${outside} outside, ${border} near a border`,
    );
    expect(named).toBeGreaterThan(10_000);
    expect(outside).toBeGreaterThan(1_000);
    expect(border).toBeLessThan(400);
  });

  it("should offer the server's area whenever the accuracy circle holds the point", () => {
    const next = random(2030);
    const [, , width, height] = map.viewBox;
    for (let i = 0; i < 5_000; i++) {
      const { lat, lon } = latLon([next() * width, next() * height]);
      const truth = server.locate({ lat, lon });
      if (truth === undefined) continue;
      const device = whereIs(map, areas, lat, lon, 75);
      const offered = device?.kind === 'area' ? [device.code] : device?.kind === 'border' ? device.codes : [];
      expect(offered, `${lat},${lon}`).toContain(truth);
    }
  });
});
