import { describe, expect, it } from 'vitest';
import { detectCrs } from './crs.ts';

describe('detectCrs', () => {
  const malmoTm = [370_000, 6_160_000, 380_000, 6_170_000] as const;
  const malmoLocal = [111_000, 6_153_000, 128_000, 6_168_000] as const;
  const name = (n: string) => ({ type: 'name', properties: { name: n } });

  it.each([
    [name('urn:ogc:def:crs:EPSG::3008'), malmoLocal, 'EPSG:3008'],
    [name('EPSG:3008'), malmoLocal, 'EPSG:3008'],
    [name('urn:ogc:def:crs:EPSG:6.3:3006'), malmoTm, 'EPSG:3006'],
    [name('http://www.opengis.net/def/crs/EPSG/0/3006'), malmoTm, 'EPSG:3006'],
    [{ type: 'EPSG', properties: { code: 3006 } }, malmoTm, 'EPSG:3006'],
    [name('urn:ogc:def:crs:OGC:1.3:CRS84'), [12.9, 55.5, 13.2, 55.7], 'EPSG:4326'],
    [name('EPSG:4326'), [12.9, 55.5, 13.2, 55.7], 'EPSG:4326'],
  ] as const)('should read the crs member %j', (member, box, crs) => {
    expect(detectCrs(member, box)).toEqual({ crs, from: 'crs member' });
  });

  it.each([
    [[12.9, 55.5, 13.2, 55.7], 'EPSG:4326'],
    [malmoTm, 'EPSG:3006'],
    [malmoLocal, 'EPSG:3008'],
  ] as const)('should tell %j apart by its ranges as %s', (box, crs) => {
    expect(detectCrs(undefined, box)).toEqual({ crs, from: 'coordinate ranges' });
  });

  it.each([
    ['RT90 named in the crs member', name('EPSG:3021'), malmoTm, /EPSG:3021, an RT90 system/],
    ['an RT90 emulation', name('urn:ogc:def:crs:EPSG::3847'), malmoTm, /RT90/],
    ['RT90 by its ranges', undefined, [1_310_000, 6_160_000, 1_330_000, 6_170_000], /look like RT90/],
    ['another SWEREF 99 local zone', name('EPSG:3007'), malmoLocal, /local zone other than 13 30/],
    ['an unknown EPSG code', name('EPSG:32633'), malmoTm, /EPSG:32633 is not a supported/],
    ['a crs member without a code', name('my own grid'), malmoTm, /names no EPSG code/],
    ['unknown ranges', undefined, [5_000_000, 100, 5_100_000, 200], /fit no supported system/],
    [
      'a crs member that contradicts the numbers',
      name('EPSG:4326'),
      malmoTm,
      /says WGS84.*look like SWEREF 99 TM/,
    ],
  ] as const)('should refuse %s with a specific message', (_, member, box, message) => {
    const result = detectCrs(member, box);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(message);
  });
});
