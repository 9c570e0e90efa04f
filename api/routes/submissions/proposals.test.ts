import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentItem, STORE_KINDS, send, type TestApp, TRYGGARE, testApp } from '../../test/index.ts';
import { proposalItem } from '../../test/proposal.ts';

describe.each(STORE_KINDS)('POST /api/submissions with proposals (schema version 2) on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ kind });
  });
  afterAll(async () => {
    await t.close();
  });

  it('should store a proposal with its fields, pending, beside a version 1 comment in the same batch', async () => {
    const proposal = proposalItem();
    const comment = commentItem({ deviceId: 'device-comment-1' });
    const results = await send(t, [proposal, comment]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
    expect(results[0]?.tags).toEqual([
      { areaCode: '11319', source: 'chosen' },
      { areaCode: '11320', source: 'chosen' },
    ]);

    const stored = await t.store.getSubmission(proposal.id);
    expect(stored).toMatchObject({
      schemaVersion: 2,
      kind: 'proposal',
      insatsId: TRYGGARE.insatsId,
      title: proposal.title,
      text: proposal.text,
      organisation: 'Föreningen Seveds Gård',
      respondentGroup: 'association',
      ageBand: null,
      moderationStatus: 'pending',
      hasContact: true,
      cell: null,
      proposal: {
        offers: ['premises', 'volunteers'],
        asks: ['staff-time', 'other'],
        otherText: 'Hjälp att nå föräldrar',
      },
    });
    expect(stored?.tags.filter((tag) => tag.primary).map((tag) => tag.areaCode)).toEqual(['11319']);
    const contacts = await t.query<{ email: string }>(
      'SELECT email FROM contacts WHERE submission_id = ?',
      proposal.id,
    );
    expect(contacts).toEqual([{ email: 'styrelsen@sevedsgard.example' }]);
    expect(await t.store.getSubmission(comment.id)).toMatchObject({ schemaVersion: 1, kind: 'comment' });
  });

  it('should store the organisation kind as its respondent group, and a new idea without insats', async () => {
    const item = proposalItem({
      insatsId: null,
      organisation: { name: 'Fastighets AB Möllan', kind: 'property-owner' },
    });
    const [result] = await send(t, [item]);
    expect(result?.status).toBe('created');
    expect(await t.store.getSubmission(item.id)).toMatchObject({
      insatsId: null,
      respondentGroup: 'property_owner',
      organisation: 'Fastighets AB Möllan',
    });
  });

  it('should flag a proposal whose title or description holds personal data, like a comment', async () => {
    const item = proposalItem({ title: 'Ring 070-123 45 67', text: 'Mejla kalle@example.se om lokalen.' });
    await send(t, [item]);
    const stored = await t.store.getSubmission(item.id);
    expect(stored?.moderationStatus).toBe('pending');
    expect(stored?.flags?.map((f) => `${f.kind}:${f.field}`).sort()).toEqual(['email:text', 'phone:title']);
    const [row] = await t.query<{ flagged: number }>('SELECT flagged FROM submissions WHERE id = ?', item.id);
    expect(Number(row?.flagged)).toBe(1);
  });

  it('should refuse a proposal naming an unknown delområde or unpublished insats, with field errors', async () => {
    const [unknownArea, unknownInsats] = await send(t, [
      proposalItem({ areaCodes: ['11319', '99999'] }),
      proposalItem({ insatsId: 'finns-inte' }),
    ]);
    expect(unknownArea).toMatchObject({ status: 'rejected', errors: [{ path: 'areaCodes.1' }] });
    expect(unknownInsats).toMatchObject({ status: 'rejected', errors: [{ path: 'insatsId' }] });
  });

  it('should refuse a malformed proposal with field errors and still take the rest of the batch', async () => {
    const comment = commentItem({ deviceId: 'device-comment-2' });
    const [bad, good] = await send(t, [
      proposalItem({ areaCodes: [], offers: ['money' as 'premises'] }),
      comment,
    ]);
    expect(bad?.status).toBe('rejected');
    expect(bad?.errors?.map((e) => e.path).sort()).toEqual(['areaCodes', 'offers.0']);
    expect(good?.status).toBe('created');
  });

  it('should answer duplicate to a proposal sent again, and conflict to changed content under the same id', async () => {
    const item = proposalItem();
    await send(t, [item]);
    const [again] = await send(t, [item]);
    expect(again?.status).toBe('duplicate');
    const [changed] = await send(t, [{ ...item, title: 'Något annat' }]);
    expect(changed?.status).toBe('conflict');
  });
});
