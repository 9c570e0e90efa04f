import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fieldErrors, SubmissionItem } from './index.ts';

const v1 = {
  schemaVersion: 1,
  id: '0190a8e2-1c3b-7d4e-8f00-0123456789ab',
  kind: 'comment',
  text: 'Mer ljus vid cykelbanan.',
  respondent: { group: 'resident' },
  location: { areaCode: '11319' },
  deviceId: 'device-0123456789',
  locale: 'sv',
  createdAt: '2026-11-20T18:30:00.000Z',
};

const v2 = {
  schemaVersion: 2,
  id: '0190a8e2-1c3b-7d4e-8f00-0123456789ac',
  kind: 'proposal',
  organisation: { name: 'Föreningen Seveds Gård', kind: 'association' },
  contact: { email: 'styrelsen@sevedsgard.example', consentVersion: 'contact-v1' },
  title: 'Läxhjälp i vår lokal',
  text: 'Vi kan öppna lokalen två kvällar i veckan.',
  insatsId: null,
  areaCodes: ['11319', '11320'],
  offers: ['premises'],
  asks: ['other'],
  otherText: 'Hjälp att nå föräldrar',
  deviceId: 'device-0123456789',
  locale: 'sv',
  createdAt: '2026-11-20T18:30:00.000Z',
};

const errorsOf = (item: unknown) => {
  const result = v.safeParse(SubmissionItem, item);
  return result.success ? [] : fieldErrors(result.issues);
};
const pathsOf = (item: unknown) => errorsOf(item).map((e) => e.path);

describe('SubmissionItem versions', () => {
  it('should accept a version 1 comment unchanged and a version 2 proposal', () => {
    expect(v.parse(SubmissionItem, v1)).toEqual(v1);
    expect(v.parse(SubmissionItem, v2)).toEqual(v2);
  });

  it('should accept a proposal without contact, offers or asks, about a new idea', () => {
    const { contact: _, otherText: __, ...rest } = v2;
    expect(errorsOf({ ...rest, offers: [], asks: [] })).toEqual([]);
  });

  it('should refuse a version it does not know', () => {
    expect(pathsOf({ ...v2, schemaVersion: 4 })).toEqual(['schemaVersion']);
  });

  it.each([
    [
      'an organisation without a name',
      { organisation: { name: '  ', kind: 'association' } },
      'organisation.name',
    ],
    ['an unknown organisation kind', { organisation: { name: 'AB', kind: 'school' } }, 'organisation.kind'],
    ['no delområde', { areaCodes: [] }, 'areaCodes'],
    ['a delområde that is not a code', { areaCodes: ['Seved'] }, 'areaCodes.0'],
    ['the same delområde twice', { areaCodes: ['11319', '11319'] }, 'areaCodes'],
    ['an empty title', { title: '' }, 'title'],
    ['a blank description', { text: ' \n ' }, 'text'],
    ['an unknown offer', { offers: ['money'] }, 'offers.0'],
    ['"other" without saying what', { otherText: undefined }, 'otherText'],
    ['a missing insatsId (null means a new idea)', { insatsId: undefined }, 'insatsId'],
    ['a respondent, which version 2 does not have', { respondent: { group: 'business' } }, 'respondent'],
    ['a contact without consent', { contact: { email: 'a@b.se' } }, 'contact.consentVersion'],
    ['a kind other than proposal', { kind: 'comment' }, 'kind'],
  ])('should refuse a proposal with %s, naming the field', (_, over, path) => {
    expect(pathsOf({ ...v2, ...over })).toContain(path);
  });

  it('should explain what is wrong in words', () => {
    expect(errorsOf({ ...v2, areaCodes: [] })).toEqual([
      { path: 'areaCodes', message: 'choose at least one delområde' },
    ]);
  });
});
