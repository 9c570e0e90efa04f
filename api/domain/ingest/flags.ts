/**
 * Automatic checks at ingest (api/domain/checks): each free-text field of an item (every string
 * the wire schema leaves free: title, text, organisation, a proposal's "other", short-text
 * answers) is checked for personnummer, phone numbers, e-mail addresses, links and offensive words, and the whole text against what the same device sent in the last minutes.
 * Runs before the store's transaction (it is CPU work and one read); the flags are then written
 * in the same transaction as their submission. A flag never rejects anything.
 */
import { checkText, NEAR_DUPLICATE_DEFAULTS, nearDuplicate, type RecentSubmission } from '../checks/index.ts';
import type { CatalogueQuestion, NewSubmission, Store, SubmissionFlag } from '../../store/index.ts';
import { joinFreeTexts } from '../../store/moderation.ts';
import {
  ANSWER_PATH,
  FREE_TEXT_FIELDS,
  FREE_TEXT_PATHS,
  storedField,
} from '../../../common/wire/free-text.ts';

/** A free-text field of an item, named as flags and redaction name it. */
export interface FreeTextField {
  /** `title`, `text`, `organisation`, `otherText` or `answers.<questionId>` (see FREE_TEXT_FIELDS). */
  field: string;
  text: string;
  questionId?: string;
}

/** The values at a dotted path of `item` (`organisation.name`); arrays are not walked here. */
function at(item: unknown, path: string): unknown {
  let value: unknown = item;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The item's non-empty free-text fields, whatever its version: every path the wire schema leaves
 * free (common/wire/free-text.ts: title, text, the organisation's name, a proposal's "other"
 * text, …), and answers to text questions. A text field added to a new version is checked here
 * without a change.
 */
export function freeTextFields(
  item: {
    answers?: readonly { questionId: string; questionVersion: number; value: unknown }[] | undefined;
  } & Record<string, unknown>,
  questions: ReadonlyMap<string, CatalogueQuestion> | undefined,
): FreeTextField[] {
  const fields: FreeTextField[] = [];
  const add = (field: string, text: unknown, questionId?: string) => {
    if (typeof text === 'string' && text.trim() !== '' && !fields.some((f) => f.field === field))
      fields.push({ field, text, ...(questionId === undefined ? {} : { questionId }) });
  };
  const paths = FREE_TEXT_PATHS.filter((p) => p !== ANSWER_PATH);
  for (const field of FREE_TEXT_FIELDS)
    for (const path of paths) if (storedField(path) === field) add(field, at(item, path));
  for (const a of item.answers ?? []) {
    if (questions?.get(`${a.questionId}@${a.questionVersion}`)?.kind === 'text')
      add(`answers.${a.questionId}`, a.value, a.questionId);
  }
  return fields;
}

/** The span flags of `fields`, in field order, each field's by position. */
export function spanFlags(fields: readonly FreeTextField[]): SubmissionFlag[] {
  return fields.flatMap(({ field, text }) =>
    checkText(text).map((f) => ({ kind: f.kind, field, start: f.start, end: f.end, duplicateOf: null })),
  );
}

/** The text near-duplicate detection compares, the same way the store joins stored ones. */
function comparisonText(fields: readonly FreeTextField[]): string {
  const get = (name: string) => fields.find((f) => f.field === name)?.text;
  const answers = fields.flatMap((f) =>
    f.questionId === undefined ? [] : [{ questionId: f.questionId, text: f.text }],
  );
  return joinFreeTexts(get('title'), get('text'), answers);
}

/**
 * How many of a device's latest texts a new one is compared with. A flood is recognised by its
 * latest repeats; comparing with more would make each text of a device sending hundreds a minute
 * (allowed, for offline queues) cost more, quadratically, on the event loop.
 */
export const MAX_RECENT_PER_DEVICE = 20;

/**
 * Sets `flags` on each record that has free text: its span flags, and a near-duplicate flag when
 * it repeats a text the same device sent within the window (stored already, or earlier in this
 * batch). One store read for the whole batch, only when some record has text.
 */
export async function flagRecords(
  records: readonly { record: NewSubmission; fields: readonly FreeTextField[] }[],
  store: Pick<Store, 'recentDeviceTexts'>,
  receivedAt: string,
): Promise<void> {
  const withText = records.filter((r) => r.fields.length > 0);
  if (withText.length === 0) return;
  const since = new Date(Date.parse(receivedAt) - NEAR_DUPLICATE_DEFAULTS.windowMs).toISOString();
  const stored = await store.recentDeviceTexts([...new Set(withText.map((r) => r.record.deviceId))], since);
  // Per device, oldest first, so the latest are at the end.
  const byDevice = new Map<string, RecentSubmission[]>();
  for (const s of [...stored].reverse()) {
    const list = byDevice.get(s.deviceId) ?? [];
    list.push({ id: s.id, deviceId: s.deviceId, text: s.text, at: s.at });
    byDevice.set(s.deviceId, list);
  }
  for (const { record, fields } of withText) {
    const flags = spanFlags(fields);
    const candidate = { deviceId: record.deviceId, text: comparisonText(fields), at: receivedAt };
    const recent = byDevice.get(record.deviceId) ?? [];
    // A retry of a stored item is not a repeat of itself (and its flags are not stored again).
    const duplicateOf = nearDuplicate(
      candidate,
      recent.slice(-MAX_RECENT_PER_DEVICE).filter((r) => r.id !== record.id),
    );
    if (duplicateOf !== null)
      flags.push({ kind: 'near-duplicate', field: null, start: null, end: null, duplicateOf });
    recent.push({ id: record.id, ...candidate });
    byDevice.set(record.deviceId, recent);
    record.flags = flags;
  }
}
