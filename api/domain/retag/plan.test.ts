import { describe, expect, it } from 'vitest';
import type { StoredTag } from '../../store/index.ts';
import { buildBoundarySet } from '../tagging/index.ts';
import { cellTagger } from './cell.ts';
import { retagSubmission } from './plan.ts';

const square = (code: number, x0: number) => ({
  type: 'Feature',
  properties: { do_kod: code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, 0],
        [x0 + 0.02, 0],
        [x0 + 0.02, 0.02],
        [x0, 0.02],
        [x0, 0],
      ],
    ],
  },
});
// Version 2 has areas 1 and 2; area 3 of version 1 is gone.
const next = buildBoundarySet('v2', { type: 'FeatureCollection', features: [square(1, 0), square(2, 0.02)] });
const ctx = { cells: cellTagger(next), codes: new Set(next.codes), previousSet: () => undefined };
const tag = (source: StoredTag['source'], areaCode: string, extra: Partial<StoredTag> = {}): StoredTag => ({
  areaCode,
  source,
  boundaryVersion: 'v1',
  primary: false,
  ...extra,
});

describe('retagSubmission', () => {
  it('should carry chosen, text and staff tags to the new version, and recompute the point from the cell', () => {
    const tags = retagSubmission(
      {
        cell: '0.005,0.025',
        tags: [tag('chosen', '1', { primary: true }), tag('text', '2'), tag('point', '1')],
      },
      ctx,
    );
    expect(tags).toEqual([
      { areaCode: '1', source: 'chosen', boundaryVersion: 'v2', primary: true },
      { areaCode: '2', source: 'point', boundaryVersion: 'v2', primary: false },
      { areaCode: '2', source: 'text', boundaryVersion: 'v2', primary: false },
    ]);
  });

  it('should mark a chosen or text tag uncertain when its area is gone, and let a certain tag be primary', () => {
    const tags = retagSubmission(
      { cell: '0.005,0.005', tags: [tag('chosen', '3', { primary: true }), tag('text', '3')] },
      ctx,
    );
    expect(tags).toEqual([
      { areaCode: '1', source: 'point', boundaryVersion: 'v2', primary: true },
      { areaCode: '3', source: 'chosen', boundaryVersion: 'v2', primary: false, uncertain: true },
      { areaCode: '3', source: 'text', boundaryVersion: 'v2', primary: false, uncertain: true },
    ]);
  });

  it("should keep a staff tag as the moderator set it, primary, even over the person's choice", () => {
    const tags = retagSubmission(
      { cell: null, tags: [tag('chosen', '1'), tag('staff', '2', { primary: true })] },
      ctx,
    );
    expect(tags.map((t) => [t.source, t.areaCode, t.primary, t.uncertain])).toEqual([
      ['staff', '2', true, undefined],
      ['chosen', '1', false, undefined],
    ]);
  });

  it('should give a submission without location or tags no tags', () => {
    expect(retagSubmission({ cell: null, tags: [] }, ctx)).toEqual([]);
  });

  it('should give no point tag for a cell outside every area, keeping the other tags', () => {
    expect(
      retagSubmission({ cell: '1.000,1.000', tags: [tag('chosen', '2'), tag('point', '2')] }, ctx),
    ).toEqual([{ areaCode: '2', source: 'chosen', boundaryVersion: 'v2', primary: true }]);
  });
});
