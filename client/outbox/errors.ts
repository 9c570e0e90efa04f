import type { FieldError } from '../../common/wire/index.ts';

/** The item does not match the wire schema; it was not put in the outbox. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`invalid submission: ${errors.map((e) => `${e.path || '(item)'} ${e.message}`).join('; ')}`);
    this.name = 'ValidationError';
  }
}
