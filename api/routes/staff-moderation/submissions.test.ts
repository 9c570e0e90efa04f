import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiptStatus } from '../../../common/wire/index.ts';
import type {
  AnswerResult,
  PublicSubmissionPage,
  QueuePage,
  RedactionResult,
  RestrictedOriginals,
} from '../../../common/wire/moderation.ts';
import { REDACTION_PLACEHOLDER } from '../../store/moderation.ts';
import { testSubmission } from '../../store/testing.ts';
import {
  addStaffUser,
  type Signed,
  send,
  signIn,
  STORE_KINDS,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';
import { ownComment } from '../staff-queue/testing.ts';

const PNR = '19811218-9876';

describe.each(STORE_KINDS)('moderating one submission on %s', (kind) => {
  let t: TestApp;
  let moderator: Signed;
  let admin: Signed;
  beforeAll(async () => {
    t = await testApp({ kind });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin' });
    moderator = await signIn(t.app, 'moderator@malmo.se');
    admin = await signIn(t.app, 'admin@malmo.se');
  });
  afterAll(async () => {
    await t.close();
  });

  const request = (method: string, path: string, body?: unknown, who = moderator) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(who, body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const comment = async (text: string, over: Parameters<typeof ownComment>[1] = {}) => {
    const item = ownComment(text, over);
    const [result] = await send(t, [item]);
    return { id: item.id, receipt: result?.receipt as string };
  };
  const approve = (id: string) =>
    request('POST', '/api/staff/moderation', { target: { ids: [id] }, action: 'approve' });
  const publicText = async () => {
    const res = await t.app.request('/api/public/submissions?limit=50');
    return JSON.stringify((await res.json()) as PublicSubmissionPage);
  };

  it("should set a submission's delområde as a staff tag, and its insats", async () => {
    const { id } = await comment('Mer grönska vid Möllan.');
    const res = await request('PATCH', `/api/staff/submissions/${id}`, { areaCode: '11320', insatsId: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ areaCode: '11320', insatsId: null });
    const queue = await t.app.request('/api/staff/queue?insats=none&area=11320', {
      headers: { Cookie: moderator.cookie },
    });
    const [item] = ((await queue.json()) as QueuePage).items;
    expect(item?.id).toBe(id);
    expect(item?.tags[0]).toEqual({ areaCode: '11320', source: 'staff', primary: true });

    const bad = await request('PATCH', `/api/staff/submissions/${id}`, { areaCode: '99999' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('areaCode');
    // Both at once, the insats refused: the area stays as it was too.
    const half = await request('PATCH', `/api/staff/submissions/${id}`, {
      areaCode: '11319',
      insatsId: 'no-such-insats',
    });
    expect(half.status).toBe(400);
    expect(((await half.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('insatsId');
    const unchanged = await t.app.request('/api/staff/queue?insats=none&area=11320', {
      headers: { Cookie: moderator.cookie },
    });
    expect(((await unchanged.json()) as QueuePage).items.map((i) => i.id)).toEqual([id]);
    expect((await request('PATCH', '/api/staff/submissions/no-such-id', { areaCode: '11320' })).status).toBe(
      404,
    );
    expect((await request('PATCH', `/api/staff/submissions/${id}`, {})).status).toBe(400);
  });

  it('should redact a span so the public sees the placeholder, and keep the original for admins only, audited', async () => {
    const text = `Jag heter Anna, ${PNR}, och vill ha en lekplats.`;
    const { id } = await comment(text);
    const start = text.indexOf(PNR);
    const res = await request('POST', `/api/staff/submissions/${id}/redactions`, {
      field: 'text',
      spans: [{ start, end: start + PNR.length }],
    });
    expect(res.status).toBe(201);
    const redacted = (await res.json()) as RedactionResult;
    expect(redacted.text).toBe(`Jag heter Anna, ${REDACTION_PLACEHOLDER}, och vill ha en lekplats.`);
    await approve(id);
    const listing = await publicText();
    expect(listing).toContain(redacted.text);
    expect(listing).not.toContain(PNR);

    // A moderator may not read the original; an admin may, and the read is audited without the text.
    expect((await request('GET', `/api/staff/submissions/${id}/originals`)).status).toBe(403);
    expect(
      await t.store.listAudit({ action: 'submission.original.read', targetId: id, limit: 5 }),
    ).toHaveLength(0);
    const read = await request('GET', `/api/staff/submissions/${id}/originals`, undefined, admin);
    expect(read.status).toBe(200);
    const { originals } = (await read.json()) as RestrictedOriginals;
    expect(originals).toEqual([
      expect.objectContaining({ redactionId: redacted.redactionId, field: 'text', text }),
    ]);
    const rows = await t.store.listAudit({ action: 'submission.original.read', targetId: id, limit: 5 });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorLabel).toBe('admin@malmo.se');
    const redactRows = await t.store.listAudit({ action: 'submission.redact', targetId: id, limit: 5 });
    expect(JSON.stringify([...rows, ...redactRows])).not.toContain(PNR);

    const overlapping = await request('POST', `/api/staff/submissions/${id}/redactions`, {
      field: 'text',
      spans: [{ start: 0, end: 5000 }],
    });
    expect(overlapping.status).toBe(400);
  });

  it('should refuse to purge without a gallringsbeslut, and keep no original when purging with one', async () => {
    // Purge cannot be set without the decision's reference…
    const refused = await request(
      'PATCH',
      '/api/staff/settings',
      { redaction: { mode: 'purge', gallringsbeslut: ' ' } },
      admin,
    );
    expect(refused.status).toBe(400);
    // …and a purge setting that lost it (edited outside the app) refuses to redact.
    const now = new Date().toISOString();
    await t.query('DELETE FROM settings WHERE key = ?', 'redaction');
    await t.query(
      'INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)',
      'redaction',
      JSON.stringify({ mode: 'purge' }),
      now,
      null,
    );
    const text = `Mitt nummer är ${PNR}.`;
    const { id } = await comment(text);
    const start = text.indexOf(PNR);
    const span = { field: 'text', spans: [{ start, end: start + PNR.length }] };
    const res = await request('POST', `/api/staff/submissions/${id}/redactions`, span);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/gallringsbeslut/);

    const set = await request(
      'PATCH',
      '/api/staff/settings',
      { redaction: { mode: 'purge', gallringsbeslut: 'KS-2026-0042' } },
      admin,
    );
    expect(set.status).toBe(200);
    expect((await request('POST', `/api/staff/submissions/${id}/redactions`, span)).status).toBe(201);
    const read = await request('GET', `/api/staff/submissions/${id}/originals`, undefined, admin);
    expect(((await read.json()) as RestrictedOriginals).originals).toEqual([]);
    await request('PATCH', '/api/staff/settings', { redaction: { mode: 'restricted' } }, admin);
  });

  it('should answer publicly: the participant reads it through the receipt, and an e-mail is queued', async () => {
    const { id, receipt } = await comment('Varför är det så mörkt i tunneln?', {
      contact: { email: 'ung.person@example.se', consentVersion: 'v1' },
    });
    const res = await request('PUT', `/api/staff/submissions/${id}/answer`, {
      text: 'Vi byter belysningen i tunneln i december.',
    });
    expect(res.status).toBe(200);
    const answered = (await res.json()) as AnswerResult;
    expect(answered).toEqual({
      answer: { text: 'Vi byter belysningen i tunneln i december.', answeredAt: expect.any(String) },
      mailQueued: true,
    });
    const receipts = await t.post('/api/receipts', { receipts: [receipt] });
    const [status] = ((await receipts.json()) as { receipts: ReceiptStatus[] }).receipts;
    expect(status?.answer?.text).toBe('Vi byter belysningen i tunneln i december.');
    const mails = await t.query<{ recipient: string; text: string }>(
      "SELECT recipient, body_text AS text FROM mail_outbox WHERE kind = 'answer'",
    );
    expect(mails).toEqual([
      { recipient: 'ung.person@example.se', text: expect.stringContaining('Vi byter belysningen') },
    ]);
    // The mail holds the answer, never the participant's own text.
    expect(mails[0]?.text).not.toContain('mörkt i tunneln');

    const { id: noContact } = await comment('Bra initiativ!');
    const plain = await request('PUT', `/api/staff/submissions/${noContact}/answer`, { text: 'Tack!' });
    expect(((await plain.json()) as AnswerResult).mailQueued).toBe(false);
    expect((await request('PUT', `/api/staff/submissions/${id}/answer`, { text: '' })).status).toBe(400);
    expect((await request('PUT', '/api/staff/submissions/no-such-id/answer', { text: 'Hej' })).status).toBe(
      404,
    );
  });

  it('should refuse to answer an item of choice and scale answers only, which is never published', async () => {
    const choices = testSubmission({ kind: 'answer', text: null, moderationStatus: 'none' });
    await t.store.saveSubmissions([choices]);
    const res = await request('PUT', `/api/staff/submissions/${choices.id}/answer`, { text: 'Tack!' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('never published');
    expect((await t.store.receiptStatuses([choices.receipt]))[0]).not.toHaveProperty('answer');
  });
});
