/**
 * Validation of an item against the shared wire schema, before it may enter the outbox.
 * Kept in its own module so valibot loads only when something is saved, not on the first load.
 */
import * as v from 'valibot';
import { fieldErrors, SubmissionItem } from '../../common/wire/index.ts';
import { ValidationError } from './errors.ts';

export function validateItem(item: unknown): SubmissionItem {
  const result = v.safeParse(SubmissionItem, item);
  if (!result.success) throw new ValidationError(fieldErrors(result.issues));
  return result.output;
}
