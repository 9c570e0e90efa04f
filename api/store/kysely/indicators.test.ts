import { afterEach, describe, expect, it } from 'vitest';
import { PRESET_INDICATORS } from '../../domain/indicators/presets.ts';
import { seed } from '../../seed/index.ts';
import { EXAMPLE_REPORTING_AREA, INDICATOR_EXAMPLES } from '../../seed/indicator-examples.ts';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import type { AuditActor, IndicatorValueRecord } from '../types.ts';

const actor: AuditActor = {
  at: '2026-11-24T10:00:00.000Z',
  actorId: null,
  actorLabel: 'analyst@malmo.se',
  requestId: null,
};
const value = (over: Partial<IndicatorValueRecord> = {}): IndicatorValueRecord => ({
  indicatorId: 'trangboddhet',
  geoCode: '11319',
  kind: 'measurement',
  year: 2024,
  value: 31.4,
  ...over,
});

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe.each(STORE_KINDS)('indicators on %s', (kind) => {
  it('should seed the six presets once, without values, and never overwrite staff edits', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const presets = await ctx.store.listIndicators();
    expect(presets.map((p) => p.id).sort()).toEqual(PRESET_INDICATORS.map((p) => p.id).sort());
    expect(presets.every((p) => p.preset)).toBe(true);
    expect(await ctx.query('SELECT * FROM indicator_values')).toEqual([]);

    const uvas = presets.find((p) => p.id === 'uvas-16-24');
    if (!uvas) throw new Error('no UVAS');
    const { id: _, preset: _p, updatedAt: _u, ...input } = uvas;
    const edited = await ctx.store.updateIndicator(
      'uvas-16-24',
      { ...input, insatsId: null, description: undefined, source: 'SCB (beställd tabell)' },
      actor,
    );
    expect(edited.status).toBe('saved');
    await seed(ctx.store, { exampleContent: false });
    await seed(ctx.store, { exampleContent: false });
    expect(await ctx.store.listIndicators()).toHaveLength(PRESET_INDICATORS.length);
    expect((await ctx.store.getIndicator('uvas-16-24'))?.source).toBe('SCB (beställd tabell)');
  });

  it('should refuse to change what a preset measures and to delete it', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const [preset] = PRESET_INDICATORS.filter((p) => p.id === 'trangboddhet');
    if (!preset) throw new Error('no preset');
    const { id: _, ...input } = preset;
    expect(await ctx.store.updateIndicator('trangboddhet', { ...input, unit: 'antal' }, actor)).toEqual({
      status: 'invalid',
      message: expect.stringMatching(/^preset: the unit/),
    });
    expect(await ctx.store.deleteIndicator('trangboddhet', actor)).toBe('preset');
    expect(await ctx.store.getIndicator('trangboddhet')).toBeDefined();
  });

  it('should replace a value with the same key and keep one baseline per place', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    expect(await ctx.store.setIndicatorValue(value(), actor)).toEqual({ replaced: false });
    expect(await ctx.store.setIndicatorValue(value({ value: 30.9, note: 'rättad' }), actor)).toEqual({
      replaced: true,
    });
    await ctx.store.setIndicatorValue(value({ kind: 'baseline', year: 2020, value: 33 }), actor);
    expect(
      await ctx.store.setIndicatorValue(value({ kind: 'baseline', year: 2022, value: 32 }), actor),
    ).toEqual({
      replaced: true,
    });
    const detail = await ctx.store.getIndicator('trangboddhet');
    expect(detail?.values).toEqual([
      { geoCode: '11319', kind: 'baseline', year: 2022, value: 32, note: null, example: false },
      { geoCode: '11319', kind: 'measurement', year: 2024, value: 30.9, note: 'rättad', example: false },
    ]);
    const audit = await ctx.store.listAudit({ action: 'indicator.value.set', limit: 10 });
    expect(audit).toHaveLength(4);
  });

  it('should count replacing values in a preview without writing, and write all in a commit with one audit row', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    await ctx.store.setIndicatorValue(value(), actor);
    await ctx.store.setIndicatorValue(value({ kind: 'baseline', year: 2019, value: 35 }), actor);
    const rows = [
      value({ value: 30 }),
      value({ year: 2023, value: 32 }),
      value({ kind: 'baseline', year: 2020, value: 34 }),
    ];
    const summary = { rows: 4, accepted: 3, errors: 1 };
    expect(await ctx.store.importIndicatorValues(rows, { commit: false, summary }, actor)).toEqual({
      replacing: 2,
    });
    expect((await ctx.store.getIndicator('trangboddhet'))?.values).toHaveLength(2);
    expect(await ctx.store.listAudit({ action: 'indicator.import', limit: 5 })).toHaveLength(0);

    expect(await ctx.store.importIndicatorValues(rows, { commit: true, summary }, actor)).toEqual({
      replacing: 2,
    });
    const values = (await ctx.store.getIndicator('trangboddhet'))?.values ?? [];
    expect(values.map((v) => [v.kind, v.year, v.value])).toEqual([
      ['baseline', 2020, 34],
      ['measurement', 2023, 32],
      ['measurement', 2024, 30],
    ]);
    const [entry, ...more] = await ctx.store.listAudit({ action: 'indicator.import', limit: 5 });
    expect(more).toEqual([]);
    expect(entry?.after).toMatchObject({
      rows: 4,
      accepted: 3,
      errors: 1,
      replacing: 2,
      indicators: ['trangboddhet'],
    });
  });

  it('should import nothing when one value cannot be stored (all or nothing)', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    // More rows than one INSERT takes, then one the database refuses (no indicator id): the
    // statements before it succeeded, and the transaction must undo them.
    const good = Array.from({ length: 450 }, (_, i) => value({ geoCode: `g${i}` }));
    const broken = [...good, { ...value({ year: 2022 }), indicatorId: null as never }];
    await expect(
      ctx.store.importIndicatorValues(broken, { commit: true, summary: {} }, actor),
    ).rejects.toThrow();
    expect((await ctx.store.getIndicator('trangboddhet'))?.values).toEqual([]);
  });

  it('should create an indicator per insats only for an insats that exists, and delete it with its values', async () => {
    ctx = await testStore({ kind, exampleContent: true });
    const input = {
      id: 'prao-platser',
      name: { sv: 'Praoplatser' },
      unit: 'antal',
      direction: 'higher' as const,
      source: 'Malmö stad',
      geography: 'insats' as const,
    };
    expect(await ctx.store.createIndicator(input, actor)).toMatchObject({
      status: 'invalid',
      message: /^insatsId/,
    });
    const created = await ctx.store.createIndicator({ ...input, insatsId: 'exempel-tryggare-malmo' }, actor);
    expect(created).toMatchObject({ status: 'saved', after: { id: 'prao-platser', preset: false } });
    expect(
      await ctx.store.createIndicator({ ...input, insatsId: 'exempel-tryggare-malmo' }, actor),
    ).toMatchObject({
      status: 'invalid',
      message: /^id:/,
    });
    expect(await ctx.store.listIndicators({ insatsId: 'exempel-tryggare-malmo' })).toHaveLength(1);
    await ctx.store.setIndicatorValue(value({ indicatorId: 'prao-platser', geoCode: '', value: 40 }), actor);
    expect(await ctx.store.deleteIndicator('prao-platser', actor)).toBe('deleted');
    expect(await ctx.query("SELECT * FROM indicator_values WHERE indicator_id = 'prao-platser'")).toEqual([]);
  });

  it('should replace the members of a reporting area and refuse to delete one that has values', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    await ctx.store.saveReportingAreas(
      [{ code: 'sofielund', name: 'Sofielund', areaCodes: ['11320', '11319'] }],
      actor,
    );
    await ctx.store.saveReportingAreas(
      [{ code: 'sofielund', name: 'Sofielund med industriområdet', areaCodes: ['11319', '11322'] }],
      actor,
      { rows: 2 },
    );
    expect(await ctx.store.listReportingAreas()).toEqual([
      { code: 'sofielund', name: 'Sofielund med industriområdet', areaCodes: ['11319', '11322'] },
    ]);
    expect(await ctx.store.listAudit({ action: 'reporting-area.import', limit: 5 })).toHaveLength(1);
    await ctx.store.setIndicatorValue(value({ indicatorId: 'uvas-16-24', geoCode: 'sofielund' }), actor);
    expect(await ctx.store.deleteReportingArea('sofielund', actor)).toBe('in-use');
    await ctx.store.deleteIndicatorValue(
      { indicatorId: 'uvas-16-24', geoCode: 'sofielund', kind: 'measurement', year: 2024 },
      actor,
    );
    expect(await ctx.store.deleteReportingArea('sofielund', actor)).toBe('deleted');
    expect(await ctx.store.listReportingAreas()).toEqual([]);
  });

  it('should add example values marked as examples, keep staff values, and remove them when examples are off', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    await ctx.store.setIndicatorValue(value({ year: 2024, value: 99 }), actor);
    await seed(ctx.store, { exampleContent: true });
    const area = (await ctx.store.listReportingAreas()).find((a) => a.code === EXAMPLE_REPORTING_AREA.code);
    expect(area?.name).toBe('Exempel: Norra Sofielund-området');
    const uvas = await ctx.store.getIndicator('uvas-16-24');
    expect(uvas?.values.length).toBeGreaterThan(0);
    expect(uvas?.values.every((v) => v.example)).toBe(true);
    const staffValue = (await ctx.store.getIndicator('trangboddhet'))?.values.find(
      (v) => v.kind === 'measurement' && v.year === 2024,
    );
    expect(staffValue).toMatchObject({ value: 99, example: false });
    expect(INDICATOR_EXAMPLES.values.some((v) => v.indicatorId === 'trangboddhet' && v.year === 2024)).toBe(
      true,
    );

    await seed(ctx.store, { exampleContent: false });
    expect(await ctx.query('SELECT * FROM indicator_values WHERE example = 1')).toEqual([]);
    expect(await ctx.store.listReportingAreas()).toEqual([]);
    expect((await ctx.store.getIndicator('trangboddhet'))?.values).toHaveLength(1);
  });
});
