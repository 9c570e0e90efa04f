import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { SWEREF99_1330 } from '../../api/domain/map/index.ts';
import { SWEREF99_1330_GRID, tmForward } from './tm.ts';

const SWEREF99_TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

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

describe('Transverse Mercator forward (Krüger series, GRS80)', () => {
  it('should agree with proj4 to a centimetre on SWEREF 99 13 30 across Malmö and Skåne', () => {
    const toGrid = proj4('EPSG:4326', SWEREF99_1330);
    const next = random(1330);
    let worst = 0;
    for (let i = 0; i < 5000; i++) {
      // Skåne and a margin: 55.2–56.5° N, 12.3–14.7° E.
      const lat = 55.2 + next() * 1.3;
      const lon = 12.3 + next() * 2.4;
      const [e, n] = toGrid.forward([lon, lat]) as [number, number];
      const [de, dn] = tmForward(lat, lon);
      worst = Math.max(worst, Math.hypot(de - e, dn - n));
    }
    expect(worst).toBeLessThan(0.01);
  });

  it('should agree with proj4 on SWEREF 99 TM, 1.5° from Malmö, with another meridian and false easting', () => {
    const toGrid = proj4('EPSG:4326', SWEREF99_TM);
    for (const [lat, lon] of [
      [55.605, 13.0038],
      [59.3293, 18.0686],
      [67.8558, 20.2253],
    ] as const) {
      const [e, n] = toGrid.forward([lon, lat]) as [number, number];
      const [de, dn] = tmForward(lat, lon, { lon0: 15, k0: 0.9996, falseEasting: 500_000, falseNorthing: 0 });
      expect(Math.hypot(de - e, dn - n), `${lat},${lon}`).toBeLessThan(0.01);
    }
  });

  it('should put the central meridian on the false easting and the equator on the false northing', () => {
    expect(tmForward(0, 13.5)).toEqual([SWEREF99_1330_GRID.falseEasting, 0]);
    const [e, n] = tmForward(55.6, 13.5);
    expect(e).toBeCloseTo(150_000, 6);
    // Northings in Malmö are about 6 160 km (the meridian arc from the equator).
    expect(n).toBeGreaterThan(6_160_000);
    expect(n).toBeLessThan(6_166_000);
  });
});
