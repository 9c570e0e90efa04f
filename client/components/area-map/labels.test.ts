import { describe, expect, it } from 'vitest';
import { fitBox, viewAt, zoomAround } from './geometry.ts';
import {
  boundsOf,
  CHAR_EM,
  decodePath,
  type LabelInput,
  lineChoices,
  placeLabels,
  spanAt,
} from './labels.ts';

/** A rectangle as path data the way the server writes it (relative moves and lines). */
const rect = (x: number, y: number, w: number, h: number) => `m${x} ${y} ${w} 0 0 ${h}${-w} 0z`;

describe('reading the server’s path data', () => {
  it('should decode relative rings, a second ring starting from the first one’s start', () => {
    const rings = decodePath(`${rect(10, 20, 100, 50)}m5 5 10 0 0 10-10 0z`);
    expect(rings).toEqual([
      [
        [10, 20],
        [110, 20],
        [110, 70],
        [10, 70],
      ],
      [
        [15, 25],
        [25, 25],
        [25, 35],
        [15, 35],
      ],
    ]);
    expect(boundsOf(rings)).toEqual([10, 20, 100, 50]);
  });

  it('should find the width of an area along a line, with holes left out', () => {
    const rings = decodePath(`${rect(0, 0, 100, 100)}m40 40 20 0 0 20-20 0z`);
    expect(spanAt(rings, 10, 50)).toEqual([0, 40]);
    expect(spanAt(rings, 50, 50)).toBeUndefined();
    expect(spanAt(rings, 50, 10)).toEqual([0, 100]);
  });
});

describe('writing names where they fit', () => {
  const area = (code: string, name: string, d: string, label: [number, number]): LabelInput => ({
    code,
    name,
    rings: decodePath(d),
    label,
  });

  it('should write a name only when the area is wide and tall enough at this text size', () => {
    const wide = area('1', 'Holma', rect(0, 0, 1000, 400), [500, 200]);
    // "Holma" is about 5 × 0.6 em wide: 60 units at 20 units an em, 600 at 200.
    expect(placeLabels([wide], 20)).toEqual([
      { code: '1', x: 500, y: 200, lines: ['Holma'], width: 60, height: 24 },
    ]);
    expect(placeLabels([wide], 400)).toEqual([]);
  });

  it('should split a long name on two lines when that is what fits', () => {
    const square = area('1', 'Södra Sofielund', rect(0, 0, 100, 100), [50, 50]);
    const em = 100 / (9 * CHAR_EM);
    expect(placeLabels([square], em)[0]?.lines).toEqual(['Södra', 'Sofielund']);
    expect(lineChoices('Östra Sorgenfri')).toEqual([['Östra Sorgenfri'], ['Östra', 'Sorgenfri']]);
  });

  it('should move a name sideways to the middle of the area when it does not fit at the label point', () => {
    // The label point is near the west end of a long, thin area.
    const long = area('1', 'Lugnet', rect(0, 0, 400, 60), [30, 30]);
    const [placed] = placeLabels([long], 30);
    expect(placed?.x).toBe(200);
  });

  it('should never let two names overlap: the larger area keeps its name', () => {
    // Two areas side by side: the big one's name fills it to the border (with the leeway) ...
    const big = area('big', 'Västra Hamnen', rect(0, 0, 300, 200), [150, 100]);
    const small = area('small', 'Ön', rect(300, 70, 60, 60), [330, 100]);
    expect(placeLabels([small], 41)).toHaveLength(1);
    // ... so the small one's name, which fits on its own, would run into it.
    expect(placeLabels([small, big], 41).map((p) => p.code)).toEqual(['big']);
  });
});

describe('zooming on touch and to the chosen area', () => {
  const full = [0, 0, 1000, 800] as const;

  it('should keep the point between the fingers where it is while pinching', () => {
    // At 1×, the fingers are at a quarter of the width, half the height: map point (250, 400).
    const centre = zoomAround(full, 2, [250, 400], [0.25, 0.5]);
    const view = viewAt(full, 2, centre);
    expect(view[0] + 0.25 * view[2]).toBeCloseTo(250);
    expect(view[1] + 0.5 * view[3]).toBeCloseTo(400);
  });

  it('should fit the chosen area in view with room around it, never past the largest zoom', () => {
    const { zoom, centre } = fitBox(full, [100, 100, 100, 50], 8);
    expect(zoom).toBe(5);
    expect(centre).toEqual([150, 125]);
    expect(fitBox(full, [0, 0, 1, 1], 8).zoom).toBe(8);
    expect(fitBox(full, [0, 0, 900, 700], 8).zoom).toBe(1);
  });
});
