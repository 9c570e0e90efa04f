import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSubmissionPage } from '../../../common/wire/moderation.ts';
import {
  addStaffUser,
  type Signed,
  send,
  signIn,
  STORE_KINDS,
  staffHeaders,
  type TestApp,
  TRYGGARE,
  testApp,
} from '../../test/index.ts';
import { proposalItem } from '../../test/proposal.ts';
import { fillCells } from './testing.ts';

describe.each(STORE_KINDS)('GET /api/public/submissions with proposals on %s', (kind) => {
  let t: TestApp;
  let moderator: Signed;
  beforeAll(async () => {
    t = await testApp({ kind });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    moderator = await signIn(t.app, 'moderator@malmo.se');
    // Cells published at 5 or more, so their items are listed with their delområde.
    await fillCells(t, [
      { area: '11319', insats: TRYGGARE.insatsId },
      { area: '11320', insats: null },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const staff = (method: string, path: string, body: unknown) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(moderator, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
  const list = async (query: string) => {
    const res = await t.app.request(`/api/public/submissions${query}`);
    expect(res.status).toBe(200);
    return { raw: await res.clone().text(), body: (await res.json()) as PublicSubmissionPage };
  };

  it('should show an approved proposal on its insats with the organisation, offers and answer, never the contact', async () => {
    const item = proposalItem({
      contact: { email: 'ordforande@sevedsgard.example', phone: '0701234567', consentVersion: 'contact-v1' },
    });
    const pending = proposalItem({ title: 'Inte granskad än' });
    await send(t, [item, pending]);
    expect((await list(`?insats=${TRYGGARE.insatsId}`)).body.items).toEqual([]);

    const approved = await staff('POST', '/api/staff/moderation', {
      target: { ids: [item.id] },
      action: 'approve',
    });
    expect(approved.status).toBe(200);
    const answered = await staff('PUT', `/api/staff/submissions/${item.id}/answer`, {
      text: 'Tack! Fritidsförvaltningen hör av sig om en fritidsledare.',
    });
    expect(answered.status).toBeLessThan(300);

    const { raw, body } = await list(`?insats=${TRYGGARE.insatsId}`);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      kind: 'proposal',
      title: 'Läxhjälp i vår lokal',
      organisation: 'Föreningen Seveds Gård',
      area: { code: '11319' },
      proposal: { offers: ['premises', 'volunteers'], asks: ['staff-time', 'other'] },
      answer: { text: 'Tack! Fritidsförvaltningen hör av sig om en fritidsledare.' },
    });
    for (const secret of [
      'ordforande@sevedsgard.example',
      '0701234567',
      item.id,
      item.deviceId,
      // What "other" means is checked and redactable for moderators, but never published.
      'Hjälp att nå föräldrar',
      'Inte granskad än',
    ]) {
      expect(raw).not.toContain(secret);
    }
  });

  it('should list an approved new idea (no insats) by its main delområde', async () => {
    const item = proposalItem({ insatsId: null, areaCodes: ['11320'], title: 'Ny idé: boulebana' });
    await send(t, [item]);
    await staff('POST', '/api/staff/moderation', { target: { ids: [item.id] }, action: 'approve' });
    const { body } = await list('?area=11320');
    expect(body.items.map((i) => [i.title, i.insatsId, i.organisation])).toEqual([
      ['Ny idé: boulebana', null, 'Föreningen Seveds Gård'],
    ]);
  });

  it('should list an approved new idea with insats=none and not under an insats', async () => {
    const idea = proposalItem({ insatsId: null, areaCodes: ['11319'], title: 'Ny idé: odlingslotter' });
    const onInsats = proposalItem({ insatsId: TRYGGARE.insatsId, title: 'Förslag: fler lampor' });
    await send(t, [idea, onInsats]);
    await staff('POST', '/api/staff/moderation', {
      target: { ids: [idea.id, onInsats.id] },
      action: 'approve',
    });
    const titles = async (query: string) => (await list(query)).body.items.map((i) => i.title);
    const ideas = await titles('?insats=none&kind=proposal');
    expect(ideas).toContain('Ny idé: odlingslotter');
    expect(ideas).not.toContain('Förslag: fler lampor');
    const onTheInsats = await titles(`?insats=${TRYGGARE.insatsId}`);
    expect(onTheInsats).toContain('Förslag: fler lampor');
    expect(onTheInsats).not.toContain('Ny idé: odlingslotter');
  });
});
