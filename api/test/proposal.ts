/** Test support: a valid proposal of schema version 2. Not used by the app. */
import { randomUUID } from 'node:crypto';
import type { SubmissionV2 } from '../../common/wire/index.ts';
import { TRYGGARE } from './index.ts';

/** A proposal from an association about Tryggare Malmö, in Södra Sofielund and Möllevången. */
export function proposalItem(overrides: Partial<SubmissionV2> = {}): SubmissionV2 {
  return {
    schemaVersion: 2,
    id: randomUUID(),
    kind: 'proposal',
    organisation: { name: 'Föreningen Seveds Gård', kind: 'association' },
    contact: { email: 'styrelsen@sevedsgard.example', consentVersion: 'contact-v1' },
    title: 'Läxhjälp i vår lokal',
    text: 'Vi kan öppna vår lokal för läxhjälp två kvällar i veckan om staden står för en fritidsledare.',
    insatsId: TRYGGARE.insatsId,
    areaCodes: ['11319', '11320'],
    offers: ['premises', 'volunteers'],
    asks: ['staff-time', 'other'],
    otherText: 'Hjälp att nå föräldrar',
    deviceId: `device-${randomUUID().slice(0, 12)}`,
    locale: 'sv',
    createdAt: '2026-11-20T18:30:00.000Z',
    ...overrides,
  };
}
