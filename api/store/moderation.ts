/**
 * Fixed values and small rules of moderation and data protection that callers outside the store
 * need too (ingest, the staff screens, the retention job).
 */

/** The placeholder a redacted span becomes, for the participant and the public alike. */
export const REDACTION_PLACEHOLDER = '[borttaget]';

/**
 * Audit rows younger than this many days can never be deleted: the database's delete trigger
 * refuses them whatever cutoff is recorded (migration 0007), so retention cannot be misused to
 * erase what just happened.
 */
export const AUDIT_MIN_AGE_DAYS = 30;

/**
 * Most items one bulk moderation changes, in its one transaction (and with one audit row each).
 * A larger snapshot is refused as a whole: narrow the filter.
 */
export const MAX_BULK_MODERATION = 10_000;

/**
 * A redaction replaces the submission's content hash by this prefix and random bits: the hash of
 * the original item could confirm a guessed personnummer (the rest of the item is stored), so it
 * must not outlive the text.
 */
export const REDACTED_HASH_PREFIX = 'redacted:';

/**
 * Whether an item whose canonical hash is `hash` is the submission stored with `storedHash`
 * (a retry). After a redaction the original hash is gone; a retry of that id can only be the
 * device sending what it sent before, so it is answered as a duplicate too.
 */
export function sameContent(storedHash: string, hash: string): boolean {
  return storedHash === hash || storedHash.startsWith(REDACTED_HASH_PREFIX);
}

/**
 * A submission's free texts as one string for near-duplicate comparison: title, text, then the
 * short-text answers by question id, non-empty ones joined by newlines. Ingest (for a new item)
 * and the store (for recent ones) both use this, so equal items give equal strings.
 */
export function joinFreeTexts(
  title: string | null | undefined,
  text: string | null | undefined,
  answers: readonly { questionId: string; text: string }[],
): string {
  const sorted = [...answers].sort((a, b) =>
    a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0,
  );
  return [title, text, ...sorted.map((a) => a.text)]
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
    .join('\n');
}
