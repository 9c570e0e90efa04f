import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { freshOutbox, makeItem } from '../test/helpers.ts';
import { ValidationError } from './index.ts';

const proposal = () => ({
  schemaVersion: 2,
  id: uuidv7(),
  kind: 'proposal',
  organisation: { name: 'Föreningen Seveds Gård', kind: 'association' },
  title: 'Läxhjälp i vår lokal',
  text: 'Vi kan öppna lokalen två kvällar i veckan.',
  insatsId: null,
  areaCodes: ['11319'],
  offers: ['premises'],
  asks: [],
  deviceId: 'device-test-0001',
  locale: 'sv',
  createdAt: '2026-11-20T10:00:00.000Z',
});

describe('outbox with proposals (schema version 2)', () => {
  it('should queue a proposal beside a version 1 comment, in order', async () => {
    const { outbox, clock } = freshOutbox();
    const comment = makeItem();
    const item = proposal();
    await outbox.enqueue(comment);
    clock.now += 1;
    const record = await outbox.enqueue(item);
    expect(record).toMatchObject({ state: 'queued', item: { schemaVersion: 2, kind: 'proposal' } });
    expect((await outbox.pending()).map((r) => r.id)).toEqual([comment.id, item.id]);
  });

  it('should refuse a proposal without a delområde, naming the field, and store nothing', async () => {
    const { outbox } = freshOutbox();
    const error = await outbox.enqueue({ ...proposal(), areaCodes: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual(['areaCodes']);
    expect(await outbox.count()).toBe(0);
  });
});
