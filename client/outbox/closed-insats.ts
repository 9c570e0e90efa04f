/**
 * An item for an insats that was unpublished before it synced: the API refuses it per item
 * (`rejected`, an error on `insatsId`). The person's words are not lost: they can be copied, or sent
 * as a general comment about the same area (a new item: the refused id stays refused).
 */
import type { SubmissionItem } from '../../common/wire/index.ts';
import type { OutboxRecord } from '../db/index.ts';

/** The API refused the item because its insats is no longer published. */
export function insatsGone(record: OutboxRecord): boolean {
  return (
    record.state === 'attention' &&
    record.status === 'rejected' &&
    record.item.insatsId !== undefined &&
    record.item.insatsId !== null &&
    (record.errors ?? []).some((e) => e.path === 'insatsId')
  );
}

/**
 * A chosen option is a string too (its id); with the insats gone the questions are unknown, so an
 * answer that looks like an option id (one ASCII word) is taken for a choice, not for words.
 */
const OPTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** What the person wrote: the free text and every written answer, in order. */
export function wordsOf(item: SubmissionItem): string {
  const parts: string[] = [];
  if (item.schemaVersion === 1)
    for (const a of item.answers ?? [])
      if (typeof a.value === 'string' && a.value.trim() && !OPTION_ID.test(a.value.trim()))
        parts.push(a.value.trim());
  if (item.text?.trim()) parts.push(item.text.trim());
  return parts.join('\n\n');
}

/** The same words as a general comment (a new id, now), or undefined when nothing was written. */
export function asGeneralComment(item: SubmissionItem, id: string, now: number): SubmissionItem | undefined {
  if (item.schemaVersion !== 1) return undefined;
  const text = wordsOf(item);
  if (!text) return undefined;
  const { insatsId: _insats, answers: _answers, ...rest } = item;
  return { ...rest, id, kind: 'comment', text, createdAt: new Date(now).toISOString() };
}
