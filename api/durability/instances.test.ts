/**
 * Two API instances on one PostgreSQL, as behind a load balancer: the same batches sent to
 * both at once, many times over, must store every id exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { queryTarget } from '../store/testing.ts';
import { answerItem, commentItem, type Result } from '../test/index.ts';
import { freshPgDatabase, type PgPlace } from '../test/pg.ts';
import { killAllServers, postBatch, startServer } from '../test/server.ts';

let place: PgPlace | undefined;
afterEach(async () => {
  await killAllServers();
  await place?.drop();
  place = undefined;
});

const ROUNDS = 25;
const NEW_PER_ROUND = 20;
/** Copies of each round's batch sent to each instance at the same time. */
const COPIES = 3;

describe('two instances on one PostgreSQL', () => {
  it('should store every id once and answer every other copy duplicate with the same receipt', async () => {
    place = await freshPgDatabase();
    // Both start at once: migrations and seeding race too, as in a rolling deploy.
    const servers = [0, 1].map(() => startServer({ DATABASE_URL: place?.url ?? '', DATABASE_POOL_MAX: '5' }));
    const urls = await Promise.all(servers.map((s) => s.url));

    const answers = new Map<string, Result[]>();
    let previous: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const fresh = Array.from({ length: NEW_PER_ROUND }, (_, i) => (i % 2 ? commentItem() : answerItem()));
      // A few items of the last round come again, as a device retrying after a lost answer.
      const batch = [...fresh, ...previous.slice(0, 5)];
      previous = fresh;
      const sends = urls.flatMap((url) =>
        Array.from({ length: COPIES }, (_, copy) => postBatch(url, copy % 2 ? [...batch].reverse() : batch)),
      );
      for (const result of (await Promise.all(sends)).flat()) {
        answers.set(result.id, [...(answers.get(result.id) ?? []), result]);
      }
    }

    expect(answers.size).toBe(ROUNDS * NEW_PER_ROUND);
    for (const [id, results] of answers) {
      const created = results.filter((r) => r.status === 'created');
      expect(created, `id ${id}`).toHaveLength(1);
      const others = results.filter((r) => r !== created[0]);
      expect(others.every((r) => r.status === 'duplicate' && r.receipt === created[0]?.receipt)).toBe(true);
    }
    const [stored] = await queryTarget<{ n: number; ids: number }>(
      { kind: 'postgres', url: place.url },
      'SELECT count(*) AS n, count(DISTINCT id) AS ids FROM submissions',
    );
    expect(stored).toEqual({ n: answers.size, ids: answers.size });
  }, 60_000);
});
