import { describe, expect, it } from 'vitest';
import { RESPONDENT_GROUPS, SUBMISSION_KINDS } from '../../../../common/wire/index.ts';
import {
  FLAG_KINDS,
  QUEUE_STATUSES,
  type QueueFilter,
  queueFilterToQuery,
} from '../../../../common/wire/moderation.ts';
import { FLAGS, filterQuery, GROUPS, hasFilter, KINDS, parseFilter, STATUSES } from './filters.ts';

describe('queue filters in the address', () => {
  it('should offer exactly the statuses, kinds, groups and flags the API knows', () => {
    expect([...STATUSES].sort()).toEqual([...QUEUE_STATUSES].sort());
    expect([...KINDS].sort()).toEqual([...SUBMISSION_KINDS].sort());
    expect([...GROUPS].sort()).toEqual([...RESPONDENT_GROUPS].sort());
    expect([...FLAGS].sort()).toEqual([...FLAG_KINDS].sort());
  });

  it('should write the same query string as the API module for every kind of filter', () => {
    const filters: QueueFilter[] = [
      {},
      { status: ['approved', 'rejected'], kind: ['comment'], insats: null, flagged: true },
      {
        insats: 'exempel-1',
        area: '12345',
        areaMatch: 'any',
        group: ['youth', 'resident'],
        flag: 'personnummer',
        from: '2026-01-01',
        to: '2026-02-01',
        text: ['belysning', 'fotbollsplan'],
      },
      { waitingDays: 7, awaitingAnswer: true },
    ];
    for (const filter of filters) {
      const page = { cursor: 'abc', limit: 25 };
      expect(Object.fromEntries(new URLSearchParams(filterQuery(filter, page)))).toEqual(
        queueFilterToQuery(filter, page),
      );
    }
  });

  it('should read back what it wrote', () => {
    const filter: QueueFilter = {
      status: ['hidden'],
      kind: ['proposal', 'comment'],
      insats: null,
      area: '12345',
      areaMatch: 'any',
      group: ['business'],
      flag: 'email',
      flagged: true,
      from: '2026-03-01',
      to: '2026-03-31',
      waitingDays: 14,
      awaitingAnswer: true,
      text: ['belysningen', 'الإضاءة'],
    };
    expect(parseFilter(Object.fromEntries(new URLSearchParams(filterQuery(filter))))).toEqual(filter);
  });

  it('should leave out unknown and malformed values rather than send them', () => {
    const filter = parseFilter({
      status: 'pending,bogus',
      kind: 'nothing',
      area: 'Sofielund',
      areaMatch: 'any',
      flag: 'ssn',
      flagged: 'yes',
      from: '1 March',
      to: '2026-03-31',
    });
    expect(filter).toEqual({ status: ['pending'], to: '2026-03-31' });
    expect(hasFilter(filter)).toBe(true);
    expect(hasFilter(parseFilter({}))).toBe(false);
  });
});
