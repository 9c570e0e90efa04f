/** Test support for the public listing. Not used by the app. */
import { randomUUID } from 'node:crypto';
import { answerItem, send, type TestApp, type TRYGGARE } from '../../test/index.ts';
import { ownComment } from '../staff-queue/testing.ts';

/**
 * Makes each cell (delområde × insats, null: no insats) count 5 in the open data, so the public
 * listing shows its items with their delområde: five choice answers (never listed) for an
 * insats, five pending comments for "no insats". Call before the first listing request of the
 * day, which fixes the day's publication; the items are made on a past day.
 */
export async function fillCells(
  t: Pick<TestApp, 'post'>,
  cells: readonly { area: string; insats: typeof TRYGGARE.insatsId | null }[],
): Promise<void> {
  const items = cells.flatMap(({ area, insats }) =>
    Array.from({ length: 5 }, () =>
      insats === null
        ? ownComment('Fyller en cell.', { insatsId: undefined, location: { areaCode: area } })
        : answerItem({ deviceId: `device-${randomUUID().slice(0, 12)}`, location: { areaCode: area } }),
    ),
  );
  const results = await send(t, items);
  if (results.some((r) => r.status !== 'created')) throw new Error(`fillCells: ${JSON.stringify(results)}`);
}
