/**
 * Aggregates kept in step with the submissions (issue 8). Being written.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Store } from '../types.ts';

type AggregateStore = Pick<
  Store,
  'countSubmissions' | 'totalSubmissions' | 'countAnswers' | 'rebuildAggregates'
>;

/** The aggregate reads and the rebuild over `db`. */
export function aggregateStore(_db: Kysely<Database>): AggregateStore {
  const todo = () => Promise.reject(new Error('aggregates: not written yet'));
  return {
    countSubmissions: todo,
    totalSubmissions: todo,
    countAnswers: todo,
    rebuildAggregates: todo,
  };
}
