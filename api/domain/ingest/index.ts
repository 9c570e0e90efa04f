/**
 * Ingest: a batch of items from devices in, one result per item out, in order.
 *
 * Each item is checked on its own (wire schema, then the catalogue), so one bad item never
 * blocks the rest; the good ones are tagged and stored in one transaction, idempotent on id.
 */
import * as v from 'valibot';
import {
  fieldErrors,
  type FieldError,
  SubmissionItem,
  type SubmissionResult,
  type SubmissionV1,
  type SubmissionV3,
} from '../../../common/wire/index.ts';
import type { Catalogue, NewSubmission, SaveOutcome, Store, StoredTag } from '../../store/index.ts';
import { sameContent } from '../../store/moderation.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import { type BoundarySet, coarseCell, tagSubmission } from '../tagging/index.ts';
import { checkAgainstCatalogue } from './check.ts';
import { type FreeTextField, flagRecords, freeTextFields } from './flags.ts';
import { contentHash } from './hash.ts';
import { chosenAreasOf, insatsOf, proposalRecord } from './proposal.ts';
import { newReceipt } from './receipt.ts';
import { freeTexts, gazetteerOf, withTextTags } from './text-tags.ts';

export { checkAgainstCatalogue } from './check.ts';
export { type FreeTextField, flagRecords, freeTextFields, spanFlags } from './flags.ts';
export { contentHash } from './hash.ts';
export { checkProposal, proposalRecord } from './proposal.ts';
export { newReceipt } from './receipt.ts';
export { freeTexts, gazetteerOf, withTextTags } from './text-tags.ts';

/** What ingest needs from the rest of the app. */
export interface IngestContext {
  store: Store;
  /** The active boundary set at the time of the request. */
  boundaries: BoundarySet;
  now?: () => Date;
}

/** Validates, tags and stores a batch; resolves after the commit with one result per item. */
export async function ingestBatch(
  items: readonly unknown[],
  ctx: IngestContext,
): Promise<SubmissionResult[]> {
  const results: SubmissionResult[] = [];
  const valid: { index: number; raw: unknown; item: SubmissionItem }[] = [];
  items.forEach((raw, index) => {
    const parsed = v.safeParse(SubmissionItem, raw);
    if (parsed.success) valid.push({ index, raw, item: parsed.output });
    else results[index] = rejected(raw, fieldErrors(parsed.issues));
  });
  if (valid.length === 0) return results;

  const catalogue = await ctx.store.lookupCatalogue({
    insatsIds: valid.flatMap(({ item }) => insatsOf(item) ?? []),
    areaCodes: valid.flatMap(({ item }) => chosenAreasOf(item)),
  });
  // Place names in free text become text tags; choice and scale answers carry none.
  const anyFreeText = valid.some(
    ({ item }) =>
      item.text ||
      item.title ||
      (item.schemaVersion !== 2 && item.answers?.some((a) => typeof a.value === 'string')),
  );
  const gazetteer = anyFreeText ? await gazetteerOf(ctx.store) : undefined;
  const receivedAt = (ctx.now?.() ?? new Date()).toISOString();
  const toStore: { index: number; record: NewSubmission; fields: FreeTextField[] }[] = [];
  const refused: { index: number; id: string; hash: string; errors: FieldError[] }[] = [];
  for (const { index, raw, item } of valid) {
    const hash = contentHash(raw);
    const errors = checkAgainstCatalogue(item, catalogue);
    if (errors.length > 0) refused.push({ index, id: item.id, hash, errors });
    else {
      const insatsId = insatsOf(item);
      const questions = insatsId === undefined ? undefined : catalogue.insatser.get(insatsId);
      toStore.push({
        index,
        record:
          item.schemaVersion === 2
            ? proposalRecord(item, hash, receivedAt, ctx.boundaries, gazetteer, catalogue)
            : toRecord(item, hash, receivedAt, catalogue, ctx.boundaries, gazetteer),
        fields: freeTextFields(item, questions),
      });
    }
  }
  // The checks run here, outside the store's transaction; their flags are saved with the items.
  await flagRecords(toStore, ctx.store, receivedAt);

  const outcomes = await ctx.store.saveSubmissions(toStore.map((s) => s.record));
  outcomes.forEach((outcome, i) => {
    const entry = toStore[i];
    if (entry) results[entry.index] = toResult(entry.record.id, outcome);
  });

  // An item stored earlier may no longer fit the catalogue (say its insats was withdrawn
  // since). A retry of it is still the same submission: answer duplicate, not rejected,
  // or the device would flag input that did arrive.
  const stored = refused.length === 0 ? new Map() : await ctx.store.findStored(refused.map((r) => r.id));
  for (const { index, id, hash, errors } of refused) {
    const earlier = stored.get(id);
    results[index] =
      earlier === undefined
        ? { id, status: 'rejected', errors }
        : sameContent(earlier.contentHash, hash)
          ? toResult(id, { status: 'duplicate', receipt: earlier.receipt, tags: earlier.tags })
          : { id, status: 'conflict' };
  }
  return results;
}

function rejected(raw: unknown, errors: FieldError[]): SubmissionResult {
  const id =
    raw !== null && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? raw.id : '';
  return { id, status: 'rejected', errors };
}

function toResult(id: string, outcome: SaveOutcome): SubmissionResult {
  if (outcome.status === 'conflict') return { id, status: 'conflict' };
  return { id, status: outcome.status, receipt: outcome.receipt, tags: wireTags(outcome.tags) };
}

function wireTags(tags: readonly StoredTag[]): { areaCode: string; source: StoredTag['source'] }[] {
  return tags.map(({ areaCode, source }) => ({ areaCode, source }));
}

function toRecord(
  item: SubmissionV1 | SubmissionV3,
  hash: string,
  receivedAt: string,
  catalogue: Catalogue,
  boundaries: BoundarySet,
  gazetteer: Gazetteer | undefined,
): NewSubmission {
  const point = item.location.point;
  const questions = item.insatsId === undefined ? undefined : catalogue.insatser.get(item.insatsId);
  const answers = item.answers ?? [];
  const hasText = (s: string | undefined) => (s ?? '').trim() !== '';
  // Comments, proposals and free-text answers can carry anything, so a person reads them
  // before they are shown; choice and scale answers are only ever counted.
  const needsModeration =
    hasText(item.text) ||
    hasText(item.title) ||
    answers.some(
      (a) =>
        questions?.get(`${a.questionId}@${a.questionVersion}`)?.kind === 'text' &&
        typeof a.value === 'string' &&
        hasText(a.value),
    );
  return {
    id: item.id,
    contentHash: hash,
    receipt: newReceipt(),
    schemaVersion: item.schemaVersion,
    kind: item.kind,
    insatsId: item.insatsId ?? null,
    title: item.title ?? null,
    text: item.text ?? null,
    respondentGroup: item.respondent.group,
    ageBand: item.respondent.ageBand ?? null,
    organisation: item.respondent.organisation ?? null,
    locale: item.locale,
    deviceId: item.deviceId,
    createdAt: item.createdAt,
    receivedAt,
    moderationStatus: needsModeration ? 'pending' : 'none',
    // The exact point is used for tagging below and then dropped; only the cell is kept.
    cell: point === undefined ? null : coarseCell(point),
    pointConsentVersion: point === undefined ? null : (item.location.pointConsentVersion ?? null),
    answers: answers.map((a) => ({
      questionId: a.questionId,
      questionVersion: a.questionVersion,
      value: a.value,
    })),
    contact: item.contact
      ? {
          email: item.contact.email ?? null,
          phone: item.contact.phone ?? null,
          consentVersion: item.contact.consentVersion,
        }
      : null,
    tags: withTextTags(
      tagSubmission(item.location, boundaries),
      freeTexts(item, questions),
      gazetteer,
      boundaries,
    ),
    boundaryVersion: boundaries.version,
    // Answered on a device that held the insats before it was archived: kept, counted, marked.
    late: item.insatsId !== undefined && (catalogue.closed?.has(item.insatsId) ?? false),
  };
}
