import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, TRYGGARE, testStore } from '../../test/index.ts';
import { TEST_ACTOR, testSubmission } from '../testing.ts';
import type { AuditActor, NewMail } from '../types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const MODERATOR: AuditActor = {
  at: '2026-11-21T09:00:00.000Z',
  actorId: 'mod-1',
  actorLabel: 'mod@malmo.se',
  requestId: 'r1',
};

describe.each(STORE_KINDS)('moderating submissions in the %s store', (kind) => {
  it('should apply a bulk action to the snapshot that was counted, not to what arrived after', async () => {
    ctx = await testStore({ kind });
    const early = Array.from({ length: 5 }, (_, i) =>
      testSubmission({ receivedAt: `2026-11-20T10:00:0${i}.000Z` }),
    );
    await ctx.store.saveSubmissions(early);
    const asOf = '2026-11-20T10:00:04.000Z';
    expect(await ctx.store.countQueue({}, asOf)).toBe(5);
    // Arrives between the count on screen and the click.
    const late = testSubmission({ receivedAt: '2026-11-20T10:00:05.000Z' });
    await ctx.store.saveSubmissions([late]);
    // And one is approved by someone else meanwhile: not changed (nor audited) twice.
    await ctx.store.moderateSubmissions({ ids: [early[0]?.id as string] }, 'approve', {}, TEST_ACTOR);

    const outcome = await ctx.store.moderateSubmissions({ filter: {}, asOf }, 'approve', {}, MODERATOR);
    expect(outcome).toEqual({ status: 'done', changed: 4, ids: early.slice(1).map((s) => s.id) });
    expect((await ctx.store.getSubmission(late.id))?.moderationStatus).toBe('pending');
    for (const s of early) expect((await ctx.store.getSubmission(s.id))?.moderationStatus).toBe('approved');

    const audit = await ctx.store.listAudit({ actorId: 'mod-1', limit: 50 });
    expect(audit).toHaveLength(4);
    expect(audit.map((a) => a.targetId).sort()).toEqual(early.slice(1).map((s) => s.id));
    expect(audit[0]).toMatchObject({
      action: 'submission.approve',
      targetType: 'submission',
      actorLabel: 'mod@malmo.se',
      requestId: 'r1',
      before: { status: 'pending', reason: null },
      after: { status: 'approved', reason: null, reasonTemplateId: null },
    });
  });

  it('should refuse a snapshot over the limit as a whole', async () => {
    ctx = await testStore({ kind });
    const items = Array.from({ length: 4 }, () => testSubmission());
    await ctx.store.saveSubmissions(items);
    const outcome = await ctx.store.moderateSubmissions(
      { filter: {}, asOf: '2030-01-01T00:00:00.000Z' },
      'reject',
      {},
      MODERATOR,
      { limit: 3 },
    );
    expect(outcome).toEqual({ status: 'too-many', count: 4, limit: 3 });
    expect(await ctx.store.countQueue({ statuses: ['pending'] }, '2030-01-01T00:00:00.000Z')).toBe(4);
    expect(await ctx.store.listAudit({ actorId: 'mod-1', limit: 5 })).toEqual([]);
  });

  it("should tell the reason in the participant's language, through the receipt", async () => {
    ctx = await testStore({ kind });
    const sv = testSubmission({ locale: 'sv' });
    const en = testSubmission({ locale: 'en-GB' });
    const ar = testSubmission({ locale: 'ar' });
    const choices = testSubmission({ kind: 'answer', text: null, moderationStatus: 'none' });
    await ctx.store.saveSubmissions([sv, en, ar, choices]);
    const ids = [sv.id, en.id, ar.id, choices.id];
    const outcome = await ctx.store.moderateSubmissions(
      { ids },
      'reject',
      { templateId: 'personuppgifter', text: 'Skriv gärna igen utan numret.' },
      MODERATOR,
    );
    // Choice-only answers are never moderated.
    expect(outcome).toMatchObject({ status: 'done', changed: 3 });
    const [rsv, ren, rar, rchoices] = await ctx.store.receiptStatuses([
      sv.receipt,
      en.receipt,
      ar.receipt,
      choices.receipt,
    ]);
    expect(rsv?.status).toBe('not_published');
    expect(rsv?.reason).toMatch(
      /^Ditt bidrag innehöll personuppgifter.*\n\nSkriv gärna igen utan numret\.$/s,
    );
    expect(ren?.reason).toMatch(/^Your contribution contained personal data/);
    // No Arabic text in the template: Swedish.
    expect(rar?.reason).toMatch(/^Ditt bidrag innehöll personuppgifter/);
    expect(rchoices).toEqual({ receipt: choices.receipt, status: 'received' });

    // The same again changes nothing; hiding later keeps a reason, reopening clears it.
    const again = await ctx.store.moderateSubmissions(
      { ids },
      'reject',
      { templateId: 'personuppgifter', text: 'Skriv gärna igen utan numret.' },
      MODERATOR,
    );
    expect(again).toMatchObject({ changed: 0 });
    await ctx.store.moderateSubmissions({ ids: [sv.id] }, 'hide', { text: 'Dold efter anmälan.' }, MODERATOR);
    expect((await ctx.store.receiptStatuses([sv.receipt]))[0]?.reason).toBe('Dold efter anmälan.');
    await ctx.store.moderateSubmissions({ ids: [sv.id] }, 'pending', { text: 'ignored' }, MODERATOR);
    expect((await ctx.store.receiptStatuses([sv.receipt]))[0]).toEqual({
      receipt: sv.receipt,
      status: 'received',
    });
    expect(
      await ctx.store.moderateSubmissions({ ids }, 'reject', { templateId: 'no-such' }, MODERATOR),
    ).toEqual({
      status: 'unknown-template',
    });
  });

  it('should set the delområde as a primary staff tag, keeping the others and the history', async () => {
    ctx = await testStore({ kind });
    const item = testSubmission();
    await ctx.store.saveSubmissions([item]);
    expect(await ctx.store.setSubmissionArea(item.id, '99999', MODERATOR)).toMatchObject({
      status: 'invalid',
    });
    expect(await ctx.store.setSubmissionArea(randomUUID(), '11320', MODERATOR)).toEqual({
      status: 'not-found',
    });

    expect(await ctx.store.setSubmissionArea(item.id, '11320', MODERATOR)).toEqual({
      status: 'saved',
      before: '11319',
      after: '11320',
    });
    expect(
      (await ctx.store.getSubmission(item.id))?.tags.map((t) => [t.source, t.areaCode, t.primary]),
    ).toEqual([
      ['staff', '11320', true],
      ['chosen', '11319', false],
    ]);
    const corrected = { ...MODERATOR, at: '2026-11-21T10:00:00.000Z' };
    expect(await ctx.store.setSubmissionArea(item.id, '25609', corrected)).toMatchObject({
      status: 'saved',
      before: '11320',
    });
    expect(await ctx.store.setSubmissionArea(item.id, '25609', corrected)).toEqual({
      status: 'unchanged',
      value: '25609',
    });
    const history = await ctx.store.tagHistory(item.id);
    expect(history.map((t) => [t.source, t.areaCode, t.primary, t.current, t.supersededAt])).toEqual([
      ['staff', '25609', true, true, null],
      ['chosen', '11319', false, true, null],
      ['staff', '11320', false, false, corrected.at],
    ]);
    const audit = await ctx.store.listAudit({ action: 'submission.area', limit: 5 });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [
        { areaCode: '11320', source: 'staff' },
        { areaCode: '25609', source: 'staff' },
      ],
      [
        { areaCode: '11319', source: 'chosen' },
        { areaCode: '11320', source: 'staff' },
      ],
    ]);
  });

  it('should correct the insats of a comment, never of answers, audited', async () => {
    ctx = await testStore({ kind });
    const comment = testSubmission();
    const answer = testSubmission({
      kind: 'answer',
      answers: [{ questionId: TRYGGARE.text, questionVersion: 1, value: 'Ljus' }],
    });
    await ctx.store.saveSubmissions([comment, answer]);
    expect(await ctx.store.setSubmissionInsats(comment.id, 'exempel-prao-ar-8', MODERATOR)).toEqual({
      status: 'saved',
      before: TRYGGARE.insatsId,
      after: 'exempel-prao-ar-8',
    });
    const later = { ...MODERATOR, at: '2026-11-21T10:00:00.000Z' };
    expect(await ctx.store.setSubmissionInsats(comment.id, null, later)).toMatchObject({
      status: 'saved',
      after: null,
    });
    expect(await ctx.store.setSubmissionInsats(comment.id, 'nope', MODERATOR)).toMatchObject({
      status: 'invalid',
    });
    expect(await ctx.store.setSubmissionInsats(answer.id, 'exempel-prao-ar-8', MODERATOR)).toMatchObject({
      status: 'invalid',
    });
    expect((await ctx.store.getSubmission(comment.id))?.insatsId).toBeNull();
    expect(
      (await ctx.store.listAudit({ action: 'submission.insats', limit: 5 })).map((a) => a.after),
    ).toEqual([{ insatsId: null }, { insatsId: 'exempel-prao-ar-8' }]);
  });

  it('should answer and re-answer publicly, audited, and queue an e-mail only to a given address', async () => {
    ctx = await testStore({ kind });
    const withEmail = testSubmission({
      contact: { email: 'anna@example.com', phone: null, consentVersion: 'v1' },
    });
    const phoneOnly = testSubmission({
      contact: { email: null, phone: '+46701234567', consentVersion: 'v1' },
    });
    await ctx.store.saveSubmissions([withEmail, phoneOnly]);
    const mail = (id: string): Omit<NewMail, 'recipient'> => ({
      id: randomUUID(),
      key: `answer:${id}`,
      kind: 'answer',
      subject: 'Svar från Malmö stad',
      text: 'Du har fått svar.',
      html: null,
      createdAt: MODERATOR.at,
    });
    expect(
      await ctx.store.answerSubmission(withEmail.id, '  Tack!  ', MODERATOR, { mail: mail(withEmail.id) }),
    ).toEqual({
      status: 'saved',
      before: null,
      after: 'Tack!',
      mailQueued: true,
    });
    expect(
      await ctx.store.answerSubmission(phoneOnly.id, 'Tack!', MODERATOR, { mail: mail(phoneOnly.id) }),
    ).toMatchObject({
      mailQueued: false,
    });
    const later = { ...MODERATOR, at: '2026-11-22T09:00:00.000Z' };
    expect(await ctx.store.answerSubmission(withEmail.id, 'Tack, åtgärdat.', later)).toMatchObject({
      before: 'Tack!',
    });
    expect(await ctx.store.answerSubmission(withEmail.id, 'Tack, åtgärdat.', later)).toEqual({
      status: 'unchanged',
      value: 'Tack, åtgärdat.',
    });
    expect(await ctx.store.answerSubmission(withEmail.id, ' ', later)).toMatchObject({ status: 'invalid' });
    expect(await ctx.store.answerSubmission(randomUUID(), 'x', later)).toEqual({ status: 'not-found' });
    // Choice and scale answers are never published: nothing to answer publicly.
    const choices = testSubmission({ kind: 'answer', text: null, moderationStatus: 'none' });
    await ctx.store.saveSubmissions([choices]);
    expect(await ctx.store.answerSubmission(choices.id, 'Tack!', later)).toMatchObject({ status: 'invalid' });
    expect((await ctx.store.receiptStatuses([choices.receipt]))[0]).not.toHaveProperty('answer');
    expect((await ctx.store.receiptStatuses([withEmail.receipt]))[0]?.answer).toEqual({
      text: 'Tack, åtgärdat.',
      answeredAt: later.at,
    });
    const audit = await ctx.store.listAudit({
      action: 'submission.answer',
      targetId: withEmail.id,
      limit: 5,
    });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ text: 'Tack!' }, { text: 'Tack, åtgärdat.' }],
      [null, { text: 'Tack!' }],
    ]);
    const queued = await ctx.store.claimMail('sender', '2030-01-01T00:00:00.000Z', 60_000, 10);
    expect(queued.map((m) => [m.key, m.recipient])).toEqual([[`answer:${withEmail.id}`, 'anna@example.com']]);
  });
});
