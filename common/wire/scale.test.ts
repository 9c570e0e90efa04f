import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, type ScaleLabels, SubmissionItem, scaleStepLabel } from './index.ts';

const v1 = {
  schemaVersion: 1,
  id: '0190c2a4-7b1e-7cc0-8f00-0123456789ab',
  kind: 'answer',
  insatsId: 'exempel-tryggare-malmo',
  answers: [{ questionId: 'trygg-kvall', questionVersion: 1, value: 4 }],
  respondent: { group: 'youth', ageBand: '13-15' },
  location: { areaCode: '11319' },
  deviceId: 'device-0123456789',
  locale: 'sv',
  createdAt: '2026-12-07T12:00:00.000Z',
};
const pathsOf = (item: unknown) => {
  const parsed = v.safeParse(SubmissionItem, item);
  return parsed.success ? [] : parsed.issues.map((i) => i.path?.map((p) => String(p.key)).join('.') ?? '');
};

describe('SubmissionV3 (scale answers may be "don\'t know")', () => {
  it('should be what this client writes, and take "dont-know" as a scale value', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(3);
    const v3 = { ...v1, schemaVersion: 3, answers: [{ ...v1.answers[0], value: 'dont-know' }] };
    expect(pathsOf(v3)).toEqual([]);
  });

  it('should keep accepting version 1 items queued on old devices', () => {
    expect(pathsOf(v1)).toEqual([]);
  });

  it('should apply the same cross-field rules as version 1', () => {
    const child = { ...v1, schemaVersion: 3, respondent: { group: 'youth', ageBand: 'under13' } };
    const withPoint = { ...child, location: { point: { lat: 55.6, lon: 13 }, pointConsentVersion: 'p1' } };
    expect(pathsOf(withPoint)).toEqual(['location.point']);
    expect(pathsOf({ ...v1, schemaVersion: 3, answers: [] })).toEqual(['answers']);
  });
});

describe('scaleStepLabel', () => {
  const scale: ScaleLabels = {
    min: { sv: 'Inte alls trygg' },
    max: { sv: 'Mycket trygg' },
    middle: [null, { sv: 'Mittemellan' }, null],
  };
  it('should name the ends and the middle steps that have words, and nothing else', () => {
    expect([1, 2, 3, 4, 5].map((n) => scaleStepLabel(scale, n)?.sv ?? null)).toEqual([
      'Inte alls trygg',
      null,
      'Mittemellan',
      null,
      'Mycket trygg',
    ]);
    expect(scaleStepLabel(undefined, 1)).toBeNull();
  });
});
