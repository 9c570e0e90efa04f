/**
 * Proposals from associations, property owners and businesses (schema version 2): checked
 * against the catalogue and turned into a stored submission. Kept apart from the version 1
 * path, which stays exactly as devices in the field expect it.
 */
import {
  type FieldError,
  ORGANISATION_GROUP,
  type SubmissionItem,
  type SubmissionV2,
} from '../../../common/wire/index.ts';
import type { Catalogue, NewSubmission } from '../../store/index.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import { type BoundarySet, withPrimary } from '../tagging/index.ts';
import { newReceipt } from './receipt.ts';
import { withTextTags } from './text-tags.ts';

/** The insats an item names, if any, whatever its version. */
export function insatsOf(item: SubmissionItem): string | undefined {
  return item.insatsId ?? undefined;
}

/** The delområden an item names itself (not its point), whatever its version. */
export function chosenAreasOf(item: SubmissionItem): string[] {
  if (item.schemaVersion === 2) return item.areaCodes;
  return item.location.areaCode === undefined ? [] : [item.location.areaCode];
}

/**
 * Field errors for a proposal the catalogue does not allow: an insats that is not published
 * (a new idea names none) or a delområde that does not exist.
 */
export function checkProposal(item: SubmissionV2, catalogue: Catalogue): FieldError[] {
  const errors: FieldError[] = [];
  item.areaCodes.forEach((code, i) => {
    if (!catalogue.areaCodes.has(code))
      errors.push({ path: `areaCodes.${i}`, message: `${code} is not a known delområde` });
  });
  if (item.insatsId !== null && !catalogue.insatser.has(item.insatsId))
    errors.push({ path: 'insatsId', message: `${item.insatsId} is not a published insats` });
  return errors;
}

/**
 * The stored form of a proposal. Always moderated: its title and text are free text. The chosen
 * delområden are `chosen` tags, the first one primary; place names in the text add `text` tags.
 * Like an answer, a proposal about an insats archived since it was written is kept, marked late.
 */
export function proposalRecord(
  item: SubmissionV2,
  hash: string,
  receivedAt: string,
  boundaries: BoundarySet,
  gazetteer: Gazetteer | undefined,
  catalogue: Pick<Catalogue, 'closed'>,
): NewSubmission {
  const chosen = withPrimary(
    item.areaCodes.map((areaCode) => ({
      areaCode,
      source: 'chosen' as const,
      boundaryVersion: boundaries.version,
    })),
  );
  return {
    id: item.id,
    contentHash: hash,
    receipt: newReceipt(),
    schemaVersion: item.schemaVersion,
    kind: 'proposal',
    insatsId: item.insatsId,
    title: item.title,
    text: item.text,
    respondentGroup: ORGANISATION_GROUP[item.organisation.kind],
    ageBand: null,
    organisation: item.organisation.name,
    locale: item.locale,
    deviceId: item.deviceId,
    createdAt: item.createdAt,
    receivedAt,
    moderationStatus: 'pending',
    cell: null,
    pointConsentVersion: null,
    answers: [],
    contact: item.contact
      ? {
          email: item.contact.email ?? null,
          phone: item.contact.phone ?? null,
          consentVersion: item.contact.consentVersion,
        }
      : null,
    tags: withTextTags(chosen, [item.title, item.text], gazetteer, boundaries),
    boundaryVersion: boundaries.version,
    proposal: { offers: item.offers, asks: item.asks, otherText: item.otherText ?? null },
    late: item.insatsId !== null && (catalogue.closed?.has(item.insatsId) ?? false),
  };
}
