/**
 * The aggregates against a hand-computed fixture (issue 8): every expected number below was
 * counted by hand from the table in the fixture's comment, not by code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { activateBoundarySet } from '../../domain/retag/index.ts';
import {
  malmoVariant,
  VARIANT_VERSION,
  variantBoundaries,
  variantPlaces,
} from '../../domain/retag/testing.ts';
import { ingestBatch } from '../../domain/ingest/index.ts';
import {
  commentItem,
  malmoBoundaries,
  STORE_KINDS,
  type TestStore,
  TRYGGARE,
  testStore,
} from '../../test/index.ts';
import { TEST_ACTOR, testSubmission } from '../testing.ts';
import { splitPeriod } from './aggregate-reads.ts';
import type { AggregateDimension, AggregateFilter, NewSubmission, Store, StoredTag } from '../types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const A = '11319'; // Södra Sofielund, Innerstaden
const B = '11320'; // Norra Sofielund, Innerstaden
const C = '37302'; // Glostorp, Söder (moved to Lockarp by the variant boundary set)
const D = '37301'; // Lockarp, Söder
const T = TRYGGARE.insatsId;
const U = 'exempel-ung-i-sommar';
const V1 = 'malmo-delomraden-v1';
const tag = (areaCode: string, primary = true, source: StoredTag['source'] = 'chosen'): StoredTag => ({
  areaCode,
  source,
  boundaryVersion: V1,
  primary,
});
const answer = (questionId: string, value: unknown) => ({ questionId, questionVersion: 1, value });

/**
 * The fixture. Days are Stockholm days: 2026-10-25 (Sunday, end of ISO week 43) is the day
 * summer time ends (01:00 UTC), 2026-03-29 the day it starts.
 *
 *  #   kind      insats group        age    created (UTC)       → day    status    tags
 *  s1  answer    T      youth        16-19  2026-10-24T22:30Z → 10-25  none      A
 *  s2  answer    T      youth        13-15  2026-10-25T22:30Z → 10-25  none      A
 *  s3  answer    T      resident     30plus 2026-10-25T23:30Z → 10-26  none      B
 *  s4  comment   T      youth        16-19  2026-10-26T10:00Z → 10-26  pending   A, B (text, not primary)
 *  s5  comment   T      resident     –      2026-10-27T10:00Z → 10-27  pending   B
 *  s6  comment   U      youth        20-24  2026-10-27T12:00Z → 10-27  pending   C
 *  s7  comment   –      association  –      2026-10-28T10:00Z → 10-28  pending   (none)
 *  s8  proposal  –      association  –      2026-10-28T11:00Z → 10-28  pending   C
 *  s9  comment   T      youth        16-19  2026-10-29T10:00Z → 10-29  rejected  A
 *  s10 comment   U      resident     30plus 2026-11-02T10:00Z → 11-02  pending   B
 *  s11 answer    U      youth        13-15  2026-03-28T23:30Z → 03-29  none      C
 *  s12 comment   U      youth        16-19  2026-03-29T22:30Z → 03-30  pending   A
 *  s13 comment   T      youth        16-19  2026-11-20T18:30Z → 11-20  pending   C (a point, through ingest)
 *  s14 comment   T      resident     30plus 2026-11-03T09:00Z → 11-03  hidden    B
 *
 * Answers (all to T, version 1): s1 trygg-ute varje-vecka, trygg-vad [ljus, platser],
 * trygg-kvall 3; s2 varje-vecka, [ljus], 5; s3 sallan, 3, trygg-plats (text).
 */
function fixture(): NewSubmission[] {
  const s = (over: Partial<NewSubmission>) => testSubmission({ answers: [], ...over });
  return [
    s({
      kind: 'answer',
      text: null,
      insatsId: T,
      respondentGroup: 'youth',
      ageBand: '16-19',
      createdAt: '2026-10-24T22:30:00.000Z',
      moderationStatus: 'none',
      tags: [tag(A)],
      answers: [
        answer(TRYGGARE.single, 'varje-vecka'),
        answer(TRYGGARE.multiple, ['ljus', 'platser']),
        answer(TRYGGARE.scale, 3),
      ],
    }),
    s({
      kind: 'answer',
      text: null,
      insatsId: T,
      respondentGroup: 'youth',
      ageBand: '13-15',
      createdAt: '2026-10-25T22:30:00.000Z',
      moderationStatus: 'none',
      tags: [tag(A)],
      answers: [
        answer(TRYGGARE.single, 'varje-vecka'),
        answer(TRYGGARE.multiple, ['ljus']),
        answer(TRYGGARE.scale, 5),
      ],
    }),
    s({
      kind: 'answer',
      text: null,
      insatsId: T,
      respondentGroup: 'resident',
      ageBand: '30plus',
      createdAt: '2026-10-25T23:30:00.000Z',
      moderationStatus: 'none',
      tags: [tag(B)],
      answers: [
        answer(TRYGGARE.single, 'sallan'),
        answer(TRYGGARE.scale, 3),
        answer(TRYGGARE.text, 'vid parken'),
      ],
    }),
    s({
      insatsId: T,
      respondentGroup: 'youth',
      ageBand: '16-19',
      createdAt: '2026-10-26T10:00:00.000Z',
      tags: [tag(A), tag(B, false, 'text')],
    }),
    s({
      insatsId: T,
      respondentGroup: 'resident',
      ageBand: null,
      createdAt: '2026-10-27T10:00:00.000Z',
      tags: [tag(B)],
    }),
    s({
      insatsId: U,
      respondentGroup: 'youth',
      ageBand: '20-24',
      createdAt: '2026-10-27T12:00:00.000Z',
      tags: [tag(C)],
    }),
    s({
      insatsId: null,
      respondentGroup: 'association',
      ageBand: null,
      createdAt: '2026-10-28T10:00:00.000Z',
      tags: [],
    }),
    s({
      kind: 'proposal',
      insatsId: null,
      respondentGroup: 'association',
      ageBand: null,
      createdAt: '2026-10-28T11:00:00.000Z',
      tags: [tag(C)],
    }),
    s({
      insatsId: T,
      respondentGroup: 'youth',
      ageBand: '16-19',
      createdAt: '2026-10-29T10:00:00.000Z',
      moderationStatus: 'rejected',
      tags: [tag(A)],
    }),
    s({
      insatsId: U,
      respondentGroup: 'resident',
      ageBand: '30plus',
      createdAt: '2026-11-02T10:00:00.000Z',
      tags: [tag(B)],
    }),
    s({
      kind: 'answer',
      text: null,
      insatsId: U,
      respondentGroup: 'youth',
      ageBand: '13-15',
      createdAt: '2026-03-28T23:30:00.000Z',
      moderationStatus: 'none',
      tags: [tag(C)],
    }),
    s({
      insatsId: U,
      respondentGroup: 'youth',
      ageBand: '16-19',
      createdAt: '2026-03-29T22:30:00.000Z',
      tags: [tag(A)],
    }),
    // s13 comes through the real ingest (a point), below.
    s({
      insatsId: T,
      respondentGroup: 'resident',
      ageBand: '30plus',
      createdAt: '2026-11-03T09:00:00.000Z',
      moderationStatus: 'hidden',
      tags: [tag(B)],
    }),
  ];
}

const PERIOD = { from: '2026-03-01', to: '2026-11-30' };
const primary = (over: Partial<AggregateFilter> = {}): AggregateFilter => ({
  ...PERIOD,
  basis: 'primary',
  ...over,
});
const any = (over: Partial<AggregateFilter> = {}): AggregateFilter => ({ ...PERIOD, basis: 'any', ...over });

/** A count result as { key: count }, for readable expectations. */
async function counts(store: Store, filter: AggregateFilter, by: AggregateDimension) {
  return Object.fromEntries((await store.countSubmissions(filter, by)).map((r) => [r.key, r.count]));
}
async function answers(store: Store, filter: AggregateFilter) {
  return Object.fromEntries(
    (await store.countAnswers(T, filter)).map((r) => [`${r.questionId}@${r.version} ${r.option}`, r.count]),
  );
}

/** Both tables, non-zero rows, in a fixed order. */
async function tables(c: TestStore) {
  return {
    submissions: await c.query(
      'SELECT basis, counted, day, insats_id, area_code, respondent_group, kind, age_band, n FROM agg_submissions WHERE n <> 0 ORDER BY basis, counted, day, insats_id, area_code, respondent_group, kind, age_band',
    ),
    answers: await c.query(
      'SELECT counted, insats_id, question_id, question_version, day, area_code, respondent_group, option, n FROM agg_answers WHERE n <> 0 ORDER BY counted, insats_id, question_id, question_version, day, area_code, respondent_group, option',
    ),
  };
}

describe('splitting a period into whole months and days', () => {
  it('should read whole months from month rows and only the days at either end from day rows', () => {
    expect(splitPeriod('2026-03-29', '2026-11-01')).toEqual({
      months: ['2026-04', '2026-10'],
      days: [
        ['2026-03-29', '2026-03-31'],
        ['2026-11-01', '2026-11-01'],
      ],
    });
    expect(splitPeriod('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01', '2026-12'], days: [] });
    expect(splitPeriod('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], days: [] });
    expect(splitPeriod('2026-10-02', '2026-10-31')).toEqual({ days: [['2026-10-02', '2026-10-31']] });
    expect(splitPeriod('2025-11-25', '2026-01-01')).toEqual({
      months: ['2025-12', '2025-12'],
      days: [
        ['2025-11-25', '2025-11-30'],
        ['2026-01-01', '2026-01-01'],
      ],
    });
  });
});

describe.each(STORE_KINDS)('the dashboard aggregates in the %s store', (kind) => {
  it('should count the fixture as by hand, after moderation, re-tagging and corrections, and rebuild the same', async () => {
    ctx = await testStore({ kind });
    const { store } = ctx;
    const stored = fixture();
    const [s1, s2, , s4, s5, , s7, , s9, s10] = stored.map((s) => s.id) as string[];
    await store.saveSubmissions(stored.slice(0, 7));
    await store.saveSubmissions(stored.slice(7));
    const malmo = malmoBoundaries();
    const variant = variantBoundaries();
    const places = variantPlaces(malmo, variant);
    const s13 = commentItem({
      location: { point: places.movedInside, pointConsentVersion: 'v1' },
      createdAt: '2026-11-20T18:30:00.000Z',
    });
    const ingested = await ingestBatch([s13], { store, boundaries: malmo });
    expect(ingested[0]?.status).toBe('created');

    // Counted: all but s9 (rejected) and s14 (hidden): 12.
    expect(await store.totalSubmissions(primary())).toBe(12);
    expect(await store.totalSubmissions(any())).toBe(12);
    expect(await counts(store, primary(), 'area')).toEqual({ '': 1, [A]: 4, [B]: 3, [C]: 4 });
    // s4 counts in A and in B.
    expect(await counts(store, any(), 'area')).toEqual({ '': 1, [A]: 4, [B]: 4, [C]: 4 });
    expect(await counts(store, primary(), 'insats')).toEqual({ '': 2, [T]: 6, [U]: 4 });
    expect(await counts(store, any(), 'insats')).toEqual({ '': 2, [T]: 6, [U]: 4 });
    expect(await counts(store, primary(), 'kind')).toEqual({ answer: 4, comment: 7, proposal: 1 });
    expect(await counts(store, primary(), 'group')).toEqual({ youth: 7, resident: 3, association: 2 });
    expect(await counts(store, primary(), 'ageBand')).toEqual({
      '': 3,
      '13-15': 2,
      '16-19': 4,
      '20-24': 1,
      '30plus': 2,
    });
    expect(await counts(store, primary(), 'day')).toEqual({
      '2026-03-29': 1,
      '2026-03-30': 1,
      '2026-10-25': 2,
      '2026-10-26': 2,
      '2026-10-27': 2,
      '2026-10-28': 2,
      '2026-11-02': 1,
      '2026-11-20': 1,
    });
    // Innerstaden (A, B): primary s1 s2 s3 s4 s5 s10 s12 = 7; with any, s4 is still one.
    const innerstaden = { areaCodes: [A, B] };
    expect(await store.totalSubmissions(primary(innerstaden))).toBe(7);
    expect(await store.totalSubmissions(any(innerstaden))).toBe(7);
    expect(await counts(store, any({ ...innerstaden, insats: T }), 'area')).toEqual({ [A]: 3, [B]: 3 });
    expect(await store.totalSubmissions(any({ ...innerstaden, insats: T }))).toBe(5);
    expect(await counts(store, any({ ...innerstaden, insats: T }), 'kind')).toEqual({
      answer: 3,
      comment: 2,
    });
    expect(await store.totalSubmissions(primary({ insats: 'none' }))).toBe(2);
    // One area and a group: B + resident is s3 s5 s10; B + youth is s4, by any tag only.
    expect(await store.totalSubmissions(primary({ area: B, group: 'resident' }))).toBe(3);
    expect(await store.totalSubmissions(primary({ area: B, group: 'youth' }))).toBe(0);
    expect(await store.totalSubmissions(any({ area: B, group: 'youth' }))).toBe(1);
    // Whole months April–October (read from month rows) and the days 03-29…03-31 and 11-01:
    // s11 s12 and s1…s8 (s9 rejected).
    const months = { from: '2026-03-29', to: '2026-11-01' };
    expect(await store.totalSubmissions(primary(months))).toBe(10);
    expect(await counts(store, primary(months), 'area')).toEqual({ '': 1, [A]: 4, [B]: 2, [C]: 3 });
    expect(await counts(store, any(months), 'area')).toEqual({ '': 1, [A]: 4, [B]: 3, [C]: 3 });
    expect(await counts(store, primary(months), 'kind')).toEqual({ answer: 4, comment: 5, proposal: 1 });
    expect(await counts(store, primary({ ...months, insats: U }), 'group')).toEqual({ youth: 3 });
    expect(await counts(store, primary(months), 'day')).toEqual({
      '2026-03-29': 1,
      '2026-03-30': 1,
      '2026-10-25': 2,
      '2026-10-26': 2,
      '2026-10-27': 2,
      '2026-10-28': 2,
    });
    expect(await store.totalSubmissions(any({ ...months, area: B }))).toBe(3);
    // A period: ISO week 43 (10-19…10-25) holds s1 s2 only.
    expect(await counts(store, primary({ from: '2026-10-19', to: '2026-10-25' }), 'group')).toEqual({
      youth: 2,
    });

    const expectedAnswers = {
      'trygg-ute@1 *': 3,
      'trygg-ute@1 varje-vecka': 2,
      'trygg-ute@1 sallan': 1,
      'trygg-vad@1 *': 2,
      'trygg-vad@1 ljus': 2,
      'trygg-vad@1 platser': 1,
      'trygg-kvall@1 *': 3,
      'trygg-kvall@1 3': 2,
      'trygg-kvall@1 5': 1,
      'trygg-plats@1 *': 1,
      'trygg-plats@1 ': 1,
    };
    expect(await answers(store, primary())).toEqual(expectedAnswers);
    expect(await answers(store, primary(months))).toEqual(expectedAnswers);
    expect(await answers(store, primary({ from: '2026-10-26', to: '2026-10-31' }))).toEqual({
      'trygg-ute@1 *': 1,
      'trygg-ute@1 sallan': 1,
      'trygg-kvall@1 *': 1,
      'trygg-kvall@1 3': 1,
      'trygg-plats@1 *': 1,
      'trygg-plats@1 ': 1,
    });
    expect(await answers(store, primary({ area: A }))).toEqual({
      'trygg-ute@1 *': 2,
      'trygg-ute@1 varje-vecka': 2,
      'trygg-vad@1 *': 2,
      'trygg-vad@1 ljus': 2,
      'trygg-vad@1 platser': 1,
      'trygg-kvall@1 *': 2,
      'trygg-kvall@1 3': 1,
      'trygg-kvall@1 5': 1,
    });
    expect(await answers(store, primary({ group: 'resident' }))).toEqual({
      'trygg-ute@1 *': 1,
      'trygg-ute@1 sallan': 1,
      'trygg-kvall@1 *': 1,
      'trygg-kvall@1 3': 1,
      'trygg-plats@1 *': 1,
      'trygg-plats@1 ': 1,
    });

    // Moderation: reject s4, hide s5, approve s9 (was rejected) and s10 (was pending).
    await store.moderateSubmissions({ ids: [s4 as string] }, 'reject', {}, TEST_ACTOR);
    await store.moderateSubmissions({ ids: [s5 as string] }, 'hide', {}, TEST_ACTOR);
    await store.moderateSubmissions({ ids: [s9 as string, s10 as string] }, 'approve', {}, TEST_ACTOR);
    // Counted: s1 s2 s3 s6 s7 s8 s9 s10 s11 s12 s13 = 11.
    expect(await store.totalSubmissions(primary())).toBe(11);
    expect(await counts(store, primary(), 'area')).toEqual({ '': 1, [A]: 4, [B]: 2, [C]: 4 });
    expect(await counts(store, any(), 'area')).toEqual({ '': 1, [A]: 4, [B]: 2, [C]: 4 });
    expect(await counts(store, primary(), 'kind')).toEqual({ answer: 4, comment: 6, proposal: 1 });
    expect(await counts(store, primary(), 'insats')).toEqual({ '': 2, [T]: 5, [U]: 4 });
    expect(await counts(store, primary({ from: '2026-10-26', to: '2026-10-31' }), 'day')).toEqual({
      '2026-10-26': 1,
      '2026-10-27': 1,
      '2026-10-28': 2,
      '2026-10-29': 1,
    });
    expect(await answers(store, primary())).toEqual(expectedAnswers);

    // Re-tagging: the variant moves s13's point from Glostorp (C) to Lockarp (D).
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson: malmoVariant().geojson });
    const job = await activateBoundarySet(store, VARIANT_VERSION, { runToEnd: { chunkSize: 4 } });
    expect(job?.status).toBe('done');
    expect(await counts(store, primary(), 'area')).toEqual({ '': 1, [A]: 4, [B]: 2, [C]: 3, [D]: 1 });
    expect(await counts(store, any(), 'area')).toEqual({ '': 1, [A]: 4, [B]: 2, [C]: 3, [D]: 1 });
    expect(await store.totalSubmissions(primary({ areaCodes: [C, D] }))).toBe(4);
    expect(await store.totalSubmissions(primary())).toBe(11);

    // Staff corrections: s7 (untagged) to B and to insats U; s2 from A to B (A stays, not primary).
    expect((await store.setSubmissionArea(s7 as string, B, TEST_ACTOR)).status).toBe('saved');
    expect((await store.setSubmissionInsats(s7 as string, U, TEST_ACTOR)).status).toBe('saved');
    expect((await store.setSubmissionArea(s2 as string, B, TEST_ACTOR)).status).toBe('saved');
    expect(await counts(store, primary(), 'area')).toEqual({ [A]: 3, [B]: 4, [C]: 3, [D]: 1 });
    expect(await counts(store, any(), 'area')).toEqual({ [A]: 4, [B]: 4, [C]: 3, [D]: 1 });
    expect(await store.totalSubmissions(any(innerstaden))).toBe(7);
    expect(await counts(store, primary(), 'insats')).toEqual({ '': 1, [T]: 5, [U]: 5 });
    expect(await answers(store, primary({ area: A }))).toEqual({
      'trygg-ute@1 *': 1,
      'trygg-ute@1 varje-vecka': 1,
      'trygg-vad@1 *': 1,
      'trygg-vad@1 ljus': 1,
      'trygg-vad@1 platser': 1,
      'trygg-kvall@1 *': 1,
      'trygg-kvall@1 3': 1,
    });
    void s1;

    // A rebuild from the submissions gives exactly the tables kept step by step.
    const kept = await tables(ctx);
    expect(kept.submissions.length).toBeGreaterThan(20);
    expect(await store.rebuildAggregates()).toEqual({ submissions: 14 });
    expect(await tables(ctx)).toEqual(kept);
  });
});
