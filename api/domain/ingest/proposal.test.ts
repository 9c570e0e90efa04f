import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../store/index.ts';
import { malmoBoundaries } from '../../test/index.ts';
import { proposalItem } from '../../test/proposal.ts';
import { checkProposal, proposalRecord } from './proposal.ts';

const catalogue: Catalogue = {
  insatser: new Map([
    ['open', new Map()],
    ['archived', new Map()],
  ]),
  areaCodes: new Set(['11319', '11320']),
  closed: new Set(['archived']),
};

describe('proposals at ingest', () => {
  it('should accept a proposal about an insats archived since, and mark it late', () => {
    const item = proposalItem({ insatsId: 'archived' });
    expect(checkProposal(item, catalogue)).toEqual([]);
    const record = proposalRecord(
      item,
      'hash',
      '2026-11-24T10:00:00.000Z',
      malmoBoundaries(),
      undefined,
      catalogue,
    );
    expect(record.late).toBe(true);
    const onTime = proposalRecord(
      proposalItem({ insatsId: 'open' }),
      'hash',
      '2026-11-24T10:00:00.000Z',
      malmoBoundaries(),
      undefined,
      catalogue,
    );
    expect(onTime.late).toBe(false);
  });

  it('should make the first chosen delområde the primary tag, the others chosen tags too', () => {
    const record = proposalRecord(
      proposalItem({ insatsId: null, areaCodes: ['11320', '11319'] }),
      'hash',
      '2026-11-24T10:00:00.000Z',
      malmoBoundaries(),
      undefined,
      catalogue,
    );
    expect(record.tags.map((t) => [t.areaCode, t.source, t.primary])).toEqual([
      ['11320', 'chosen', true],
      ['11319', 'chosen', false],
    ]);
    expect(record).toMatchObject({ moderationStatus: 'pending', insatsId: null, cell: null, late: false });
  });

  it('should refuse an insats that is not in the catalogue and name each unknown delområde', () => {
    expect(
      checkProposal(proposalItem({ insatsId: 'draft', areaCodes: ['11319', '00000'] }), catalogue),
    ).toEqual([
      { path: 'areaCodes.1', message: '00000 is not a known delområde' },
      { path: 'insatsId', message: 'draft is not a published insats' },
    ]);
  });
});
