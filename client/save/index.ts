/**
 * The one saving path: builds a submission from what the person gave, validates it and puts it in
 * the outbox (IndexedDB) — then asks for a sync. Loaded only when something is saved.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  type AgeBand,
  type Answer,
  CURRENT_SCHEMA_VERSION,
  type RespondentGroup,
  type SubmissionV1,
} from '../../common/wire/index.ts';
import { deviceId } from '../db/index.ts';
import { language } from '../i18n/index.ts';
import { type OutboxRecord, outbox } from '../outbox/index.ts';
import { expectItem } from '../outbox/ledger.ts';
import { CONTACT_CONSENT_VERSION } from '../privacy/consent.ts';
import { requestSync } from '../scheduler/index.ts';
import { areaCode, POINT_CONSENT_VERSION, point, rememberRespondent } from '../state/device.ts';
import { registerBackgroundSync, requestPersistence } from '../sw-bridge/index.ts';

export { ValidationError } from '../outbox/index.ts';

export interface Draft {
  kind: 'answer' | 'comment';
  insatsId?: string | undefined;
  answers?: Answer[];
  text?: string;
  group: RespondentGroup;
  ageBand?: AgeBand | undefined;
  /** An e-mail address the person chose to leave, to be told when the city answers. */
  email?: string | undefined;
}

export async function save(draft: Draft): Promise<OutboxRecord> {
  await rememberRespondent(draft.group, draft.ageBand);
  const location: SubmissionV1['location'] = {};
  if (areaCode.value) location.areaCode = areaCode.value;
  if (point.value && draft.ageBand !== 'under13') {
    location.point = point.value;
    location.pointConsentVersion = POINT_CONSENT_VERSION;
  }
  const item: Record<string, unknown> = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: uuidv7(),
    kind: draft.kind,
    respondent: draft.ageBand ? { group: draft.group, ageBand: draft.ageBand } : { group: draft.group },
    location,
    deviceId: await deviceId(),
    locale: language.value.code,
    createdAt: new Date().toISOString(),
  };
  if (draft.insatsId) item.insatsId = draft.insatsId;
  if (draft.answers) item.answers = draft.answers;
  if (draft.text !== undefined) item.text = draft.text;
  // Never from a child under 13 (the server refuses it too); the consent version names the wording agreed to.
  if (draft.email && draft.ageBand !== 'under13')
    item.contact = { email: draft.email, consentVersion: CONTACT_CONSENT_VERSION };
  const record = await outbox.enqueue(item);
  expectItem(record.id);
  requestSync();
  void registerBackgroundSync();
  // Most needed when the item will wait on the phone: ask then (Firefox asks the person once).
  if (navigator.onLine === false) void requestPersistence();
  return record;
}
