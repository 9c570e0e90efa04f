/**
 * The canonical content hash: what "the same submission" means for idempotency.
 */
import { createHash } from 'node:crypto';
import stringify from 'fast-json-stable-stringify';

/**
 * sha256 (hex) of the item exactly as received, serialised with sorted keys: the same
 * content in any key order hashes equal. Computed once at ingest and stored, so a retry
 * still matches after staff later edit or redact the stored text.
 */
export function contentHash(item: unknown): string {
  return createHash('sha256').update(stringify(item)).digest('hex');
}
