import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaffUser,
  commentItem,
  type Signed,
  send,
  signIn,
  STORE_KINDS,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';

describe.each(STORE_KINDS)('GET /api/staff/submissions/:id/contact on %s', (kind) => {
  let t: TestApp;
  const who: Partial<Record<'admin' | 'moderator' | 'analyst', Signed>> = {};
  let withContact: string;
  let without: string;
  beforeAll(async () => {
    t = await testApp({ kind });
    for (const role of ['admin', 'moderator', 'analyst'] as const) {
      await addStaffUser(t.store, { email: `${role}@malmo.se`, role });
      who[role] = await signIn(t.app, `${role}@malmo.se`);
    }
    const a = commentItem({
      contact: { email: 'ung.person@example.se', phone: '070-123 45 67', consentVersion: 'v1' },
    });
    const b = commentItem();
    const results = await send(t, [a, b]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
    withContact = a.id;
    without = b.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const read = (id: string, signed?: Signed) =>
    t.app.request(`/api/staff/submissions/${id}/contact`, {
      headers: signed ? { Cookie: signed.cookie } : {},
    });

  it('should show a moderator the contact details, and audit the read without them', async () => {
    const res = await read(withContact, who.moderator);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({
      contact: { email: 'ung.person@example.se', phone: '070-123 45 67', consentVersion: 'v1' },
    });
    const rows = await t.store.listAudit({
      action: 'submission.contact.read',
      targetId: withContact,
      limit: 5,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: who.moderator?.me.id,
      actorLabel: 'moderator@malmo.se',
      targetType: 'submission',
      before: null,
      after: null,
    });
    const everything = JSON.stringify(await t.store.listAudit({ limit: 200 }));
    expect(everything).not.toMatch(/ung\.person|070-123/);
  });

  it('should show an admin too, and answer null (still audited) when none were given', async () => {
    const res = await read(without, who.admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ contact: null });
    expect(
      await t.store.listAudit({ action: 'submission.contact.read', targetId: without, limit: 5 }),
    ).toHaveLength(1);
  });

  it('should refuse an analyst with 403 and audit nothing', async () => {
    const before = (await t.store.listAudit({ action: 'submission.contact.read', limit: 100 })).length;
    const res = await read(withContact, who.analyst);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('ung.person');
    expect((await read(withContact)).status).toBe(401);
    expect(await t.store.listAudit({ action: 'submission.contact.read', limit: 100 })).toHaveLength(before);
  });

  it('should answer 404 for a submission that does not exist', async () => {
    expect((await read('00000000-0000-4000-8000-000000000000', who.moderator)).status).toBe(404);
    expect((await read('x'.repeat(500), who.moderator)).status).toBe(404);
  });
});

describe.each(STORE_KINDS)('DELETE /api/staff/submissions/:id/contact on %s', (kind) => {
  let t: TestApp;
  const who: Partial<Record<'moderator' | 'analyst', Signed>> = {};
  beforeAll(async () => {
    t = await testApp({ kind });
    for (const role of ['moderator', 'analyst'] as const) {
      await addStaffUser(t.store, { email: `${role}@malmo.se`, role });
      who[role] = await signIn(t.app, `${role}@malmo.se`);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const remove = (id: string, signed?: Signed, csrf = true) =>
    t.app.request(`/api/staff/submissions/${id}/contact`, {
      method: 'DELETE',
      headers: signed ? (csrf ? staffHeaders(signed) : { Cookie: signed.cookie }) : {},
    });
  const withContact = async (email: string) => {
    const item = commentItem({ contact: { email, phone: '070-765 43 21', consentVersion: 'v1' } });
    await send(t, [item]);
    return item.id;
  };

  it('should delete the details for a moderator, audited without them, and leave no copy in the SQLite files', async () => {
    const id = await withContact('tar.tillbaka@example.se');
    const res = await remove(id, who.moderator);
    expect(res.status).toBe(204);
    expect(await t.store.getSubmissionContact(id)).toBeNull();
    expect(await t.store.getSubmission(id)).toMatchObject({ hasContact: false });
    const rows = await t.store.listAudit({ action: 'submission.contact.delete', targetId: id, limit: 5 });
    expect(rows).toEqual([
      expect.objectContaining({
        actorId: who.moderator?.me.id,
        targetType: 'submission',
        after: { deleted: true },
      }),
    ]);
    expect(JSON.stringify(await t.store.listAudit({ limit: 200 }))).not.toMatch(/tar\.tillbaka|765 43/);
    if (kind === 'sqlite') {
      for (const file of [t.dbPath, `${t.dbPath}-wal`]) {
        if (existsSync(file)) expect(readFileSync(file).includes('tar.tillbaka@example.se')).toBe(false);
      }
    }
    // Already gone: nothing to do, still 204.
    expect((await remove(id, who.moderator)).status).toBe(204);
  });

  it('should give up an answer e-mail not yet sent to the address', async () => {
    const id = await withContact('vill.inte.ha.svar@example.se');
    const answered = await t.app.request(`/api/staff/submissions/${id}/answer`, {
      method: 'PUT',
      headers: staffHeaders(who.moderator as Signed, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ text: 'Tack för ditt förslag.' }),
    });
    expect(((await answered.json()) as { mailQueued: boolean }).mailQueued).toBe(true);
    expect((await remove(id, who.moderator)).status).toBe(204);
    const mails = await t.query<{ status: string; recipient: string | null }>(
      'SELECT status, recipient FROM mail_outbox',
    );
    expect(JSON.stringify(mails)).not.toContain('vill.inte.ha.svar');
    expect(mails.filter((m) => m.status === 'pending')).toEqual([]);
  });

  it('should refuse an analyst, a request without the CSRF token and no session, deleting nothing', async () => {
    const id = await withContact('kvar@example.se');
    expect((await remove(id, who.analyst)).status).toBe(403);
    expect((await remove(id, who.moderator, false)).status).toBe(403);
    expect((await remove(id)).status).toBe(401);
    expect(await t.store.getSubmissionContact(id)).toMatchObject({ email: 'kvar@example.se' });
  });

  it('should answer 404 for a submission that does not exist', async () => {
    expect((await remove('00000000-0000-4000-8000-000000000000', who.moderator)).status).toBe(404);
    expect((await remove('x'.repeat(500), who.moderator)).status).toBe(404);
  });
});
