import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentItem, STORE_KINDS, send, type TestApp, testApp } from '../../test/index.ts';
import type { ExportFilter } from '../types.ts';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const device = (n: number) => `device-paging-${String(n).padStart(4, '0')}`;

describe.each(STORE_KINDS)('export reads on %s', (kind) => {
  let t: TestApp;
  const inPeriod: string[] = [];
  beforeAll(async () => {
    t = await testApp({ kind, now: () => NOW });
    // Seven in the period (one made 00:30 in Malmö on 1 Nov, still 31 Oct in UTC), two outside.
    const items = [
      ...Array.from({ length: 6 }, (_, i) => commentItem({ deviceId: device(i), text: `Text nummer ${i}` })),
      commentItem({
        deviceId: device(6),
        text: 'Strax efter midnatt',
        createdAt: '2026-10-31T23:30:00.000Z',
      }),
      commentItem({ deviceId: device(7), text: 'Strax före midnatt', createdAt: '2026-10-31T22:30:00.000Z' }),
      commentItem({ deviceId: device(8), text: 'För sent', createdAt: '2026-11-23T12:00:00+01:00' }),
    ];
    const results = await send(t, items);
    for (const r of results.slice(0, 7)) inPeriod.push(r.id);
  }, 60_000);
  afterAll(() => t?.close());

  const filter: ExportFilter = {
    from: '2026-11-01',
    to: '2026-11-22',
    basis: 'primary',
    receivedUpTo: new Date(NOW).toISOString(),
  };

  it('should return every matching submission exactly once across keyset pages, by Malmö day', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await t.store.exportSubmissions(filter, { after, limit: 2, withContact: false });
      seen.push(...page.rows.map((r) => r.id));
      pages += 1;
      if (page.next === null) break;
      after = page.next;
    }
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(seen.sort()).toEqual([...inPeriod].sort());
  });

  it('should leave the contact out unless asked, and what arrived after the export started', async () => {
    const page = await t.store.exportSubmissions(filter, { limit: 100, withContact: false });
    expect(page.rows.every((r) => !('contact' in r))).toBe(true);
    const none = await t.store.exportSubmissions(
      { ...filter, receivedUpTo: '2026-01-01T00:00:00.000Z' },
      { limit: 100, withContact: true },
    );
    expect(none.rows).toEqual([]);
  });

  it('should filter by delområde on the primary tag or on any current tag', async () => {
    const primary = await t.store.exportSubmissions(
      { ...filter, areaCodes: ['11319'] },
      { limit: 100, withContact: false },
    );
    expect(primary.rows).toHaveLength(7);
    const other = await t.store.exportSubmissions(
      { ...filter, areaCodes: ['10101'], basis: 'any' },
      { limit: 100, withContact: false },
    );
    expect(other.rows).toHaveLength(0);
  });
});

describe.each(STORE_KINDS)('the delområden of an exported submission on %s', (kind) => {
  it('should list each delområde once, however many sources tagged it', async () => {
    const t = await testApp({ kind, now: () => NOW });
    try {
      // Chosen as 11319 and named in the text ("Seved" is in 11319), plus Holma by name.
      const [sent] = await send(t, [
        commentItem({ deviceId: device(1), text: 'Det är mörkt på Seved, och i Holma också.' }),
      ]);
      const page = await t.store.exportSubmissions(
        { from: '2026-11-01', to: '2026-11-30', basis: 'primary', receivedUpTo: new Date(NOW).toISOString() },
        { limit: 10, withContact: false },
      );
      const row = page.rows.find((r) => r.id === sent?.id);
      expect(row?.areaCodes.slice().sort()).toEqual(['11319', '25611']);
    } finally {
      await t.close();
    }
  });
});
