/**
 * Near-duplicate detection: the same device sending (nearly) the same text again within minutes —
 * flooding, or a participant who tapped "send" twice. Pure: the caller passes the device's recent
 * submissions from the store.
 *
 * Texts are compared after normalisation (case, Arabic diacritics, punctuation, whitespace; see
 * normalise.ts) by the Jaccard similarity of their character-trigram sets, which tolerates a changed
 * word in a long text but not in a short one. Very short texts ("Ja", "Bra!") are never
 * near-duplicates: they repeat naturally across questions.
 */
import { normaliseForComparison } from './normalise.ts';

/** A submission as the detector sees it. `at` is an ISO timestamp, epoch milliseconds or a Date. */
export interface DuplicateCandidate {
  deviceId: string;
  text: string;
  at: string | number | Date;
}

/** A recent submission from the store, with the id to report when it matches. */
export interface RecentSubmission extends DuplicateCandidate {
  id: string;
}

/** Tuning. */
export interface NearDuplicateOptions {
  /** How far apart in time two submissions may be, either direction (default 10 minutes). */
  windowMs?: number;
  /** Minimum trigram Jaccard similarity, 0–1 (default 0.9). Equal normalised texts always match. */
  threshold?: number;
  /** Normalised texts shorter than this are never near-duplicates (default 8 characters). */
  minChars?: number;
}

export const NEAR_DUPLICATE_DEFAULTS = { windowMs: 10 * 60 * 1000, threshold: 0.9, minChars: 8 } as const;

function toMs(at: string | number | Date): number {
  if (typeof at === 'number') return at;
  return at instanceof Date ? at.getTime() : Date.parse(at);
}

function trigrams(normalised: string): Set<string> {
  const padded = ` ${normalised} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Jaccard similarity |A ∩ B| / |A ∪ B| of two trigram sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Returns the id of the recent submission `candidate` nearly duplicates, or `null`. Only submissions
 * from the same device within `windowMs` of `candidate.at` (either direction: offline queues can
 * deliver out of order) count. When several match, the most similar wins, then the closest in time.
 */
export function nearDuplicate(
  candidate: DuplicateCandidate,
  recent: readonly RecentSubmission[],
  options: NearDuplicateOptions = {},
): string | null {
  const { windowMs, threshold, minChars } = { ...NEAR_DUPLICATE_DEFAULTS, ...options };
  const at = toMs(candidate.at);
  const text = normaliseForComparison(candidate.text);
  if (Number.isNaN(at) || [...text].length < minChars) return null;
  let grams: Set<string> | undefined;
  let best: { id: string; score: number; distance: number } | null = null;
  for (const other of recent) {
    if (other.deviceId !== candidate.deviceId) continue;
    const distance = Math.abs(toMs(other.at) - at);
    if (!(distance <= windowMs)) continue;
    const otherText = normaliseForComparison(other.text);
    let score: number;
    if (otherText === text) {
      score = 1;
    } else {
      grams ??= trigrams(text);
      const otherGrams = trigrams(otherText);
      // Jaccard can never exceed the ratio of the set sizes: skip the intersection when that fails.
      if (Math.min(grams.size, otherGrams.size) / Math.max(grams.size, otherGrams.size) < threshold) continue;
      score = jaccard(grams, otherGrams);
    }
    if (score < threshold) continue;
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { id: other.id, score, distance };
    }
  }
  return best?.id ?? null;
}
