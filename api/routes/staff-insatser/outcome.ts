/**
 * Store outcomes as HTTP answers, shared by the staff insatser routes.
 */
import type { Context } from 'hono';
import { problem } from '../../http/problem.ts';
import type { ChangeOutcome } from '../../store/index.ts';

/** The answer to a store change: the value after it, 400 with the field, or 404. */
export function respond<T>(c: Context, outcome: ChangeOutcome<T>, createdStatus: 200 | 201 = 200): Response {
  switch (outcome.status) {
    case 'invalid': {
      const path = /^([a-zA-Z.0-9]+):/.exec(outcome.message)?.[1] ?? '';
      return problem(c, 400, outcome.message, { errors: [{ path, message: outcome.message }] });
    }
    case 'not-found':
      return problem(c, 404, 'There is no insats (or question) with this id.');
    case 'unchanged':
      return c.json(outcome.value as object, 200);
    case 'saved':
      return c.json(outcome.after as object, createdStatus);
  }
}
