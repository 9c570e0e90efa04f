/**
 * Saving a proposal (schema version 2): builds the item from the form, validates it and puts it
 * in the same outbox as answers and comments, then asks for a sync. Loaded only when sending.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  type OrganisationKind,
  PROPOSAL_SCHEMA_VERSION,
  type ProposalResource,
} from '../../common/wire/index.ts';
import { deviceId } from '../db/index.ts';
import { language } from '../i18n/index.ts';
import { type OutboxRecord, outbox } from '../outbox/index.ts';
import { expectItem } from '../outbox/ledger.ts';
import { CONTACT_CONSENT_VERSION } from '../privacy/consent.ts';
import { requestSync } from '../scheduler/index.ts';
import { registerBackgroundSync, requestPersistence } from '../sw-bridge/index.ts';

/** What the proposal form collected. */
export interface ProposalDraft {
  organisation: { name: string; kind: OrganisationKind };
  title: string;
  text: string;
  /** Undefined: a new idea, about no insats. */
  insatsId?: string | undefined;
  areaCodes: string[];
  offers: ProposalResource[];
  asks: ProposalResource[];
  otherText?: string | undefined;
  /** An e-mail address the organisation chose to leave, seen by staff only. */
  email?: string | undefined;
}

export async function saveProposal(draft: ProposalDraft): Promise<OutboxRecord> {
  const item: Record<string, unknown> = {
    schemaVersion: PROPOSAL_SCHEMA_VERSION,
    id: uuidv7(),
    kind: 'proposal',
    organisation: draft.organisation,
    title: draft.title,
    text: draft.text,
    insatsId: draft.insatsId ?? null,
    areaCodes: draft.areaCodes,
    offers: draft.offers,
    asks: draft.asks,
    deviceId: await deviceId(),
    locale: language.value.code,
    createdAt: new Date().toISOString(),
  };
  if (draft.otherText) item.otherText = draft.otherText;
  if (draft.email) item.contact = { email: draft.email, consentVersion: CONTACT_CONSENT_VERSION };
  const record = await outbox.enqueue(item);
  expectItem(record.id);
  requestSync();
  void registerBackgroundSync();
  if (navigator.onLine === false) void requestPersistence();
  return record;
}
