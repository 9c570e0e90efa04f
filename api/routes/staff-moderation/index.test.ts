import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiptStatus } from '../../../common/wire/index.ts';
import type {
  ModerationResult,
  QueueCount,
  QueuePage,
  ReasonTemplate,
} from '../../../common/wire/moderation.ts';
import { createApp } from '../../app.ts';
import {
  addStaffUser,
  malmoBoundaries,
  type Signed,
  send,
  signIn,
  STORE_KINDS,
  staffHeaders,
  type TestApp,
  testApp,
  testStore,
} from '../../test/index.ts';
import { ownComment } from '../staff-queue/testing.ts';

describe.each(STORE_KINDS)('POST /api/staff/moderation on %s', (kind) => {
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

  const request = (method: string, path: string, body: unknown, who = moderator) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(who, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
  const moderate = (body: unknown) => request('POST', '/api/staff/moderation', body);
  /** Sends comments, one request each; returns their ids and receipts. */
  const comments = async (...texts: string[]) => {
    const out: { id: string; receipt: string }[] = [];
    for (const text of texts) {
      const item = ownComment(text);
      const [result] = await send(t, [item]);
      out.push({ id: item.id, receipt: result?.receipt as string });
    }
    return out;
  };
  const statuses = async (receipts: string[]) => {
    const res = await t.post('/api/receipts', { receipts });
    return ((await res.json()) as { receipts: ReceiptStatus[] }).receipts;
  };

  it('should approve a selection in one action, with one audit row per item naming the moderator', async () => {
    const items = await comments(
      'Fler träd på torget.',
      'Fler gatlampor vid skolan.',
      'Längre öppettider i biblioteket.',
    );
    const res = await moderate({ target: { ids: items.slice(0, 2).map((i) => i.id) }, action: 'approve' });
    expect(res.status).toBe(200);
    const result = (await res.json()) as ModerationResult;
    expect(result.changed).toBe(2);
    expect(new Set(result.ids)).toEqual(new Set(items.slice(0, 2).map((i) => i.id)));
    expect((await statuses(items.map((i) => i.receipt))).map((s) => s.status)).toEqual([
      'published',
      'published',
      'received',
    ]);
    const rows = await t.store.listAudit({ action: 'submission.approve', targetId: items[0]?.id, limit: 5 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: moderator.me.id, actorLabel: 'moderator@malmo.se' });
    // Approving again changes nothing.
    const again = await moderate({ target: { ids: [items[0]?.id] }, action: 'approve' });
    expect(((await again.json()) as ModerationResult).changed).toBe(0);
  });

  it('should apply a bulk action on a filter only to the items received up to the count shown', async () => {
    const filter = { kind: ['proposal'] };
    const before = [];
    for (const title of ['Utegym', 'Parklet']) {
      const item = ownComment(`Förslag: ${title}`, { kind: 'proposal', title });
      await send(t, [item]);
      before.push(item.id);
    }
    const count = await t.app.request('/api/staff/queue/count?kind=proposal', {
      headers: { Cookie: moderator.cookie },
    });
    const shown = (await count.json()) as QueueCount;
    expect(shown.count).toBe(2);
    await new Promise((r) => setTimeout(r, 5));
    const late = ownComment('Förslag: Boulebana', { kind: 'proposal', title: 'Boulebana' });
    await send(t, [late]);

    const res = await moderate({ target: { filter, asOf: shown.asOf }, action: 'approve' });
    expect(res.status).toBe(200);
    const result = (await res.json()) as ModerationResult;
    expect(new Set(result.ids)).toEqual(new Set(before));
    const queue = await t.app.request('/api/staff/queue?kind=proposal', {
      headers: { Cookie: moderator.cookie },
    });
    expect(((await queue.json()) as QueuePage).items.map((i) => i.id)).toEqual([late.id]);
  });

  it('should refuse a rejection without a reason, and change nothing', async () => {
    const [item] = await comments('Det här är dumt.');
    for (const reason of [undefined, {}, { text: '   ' }]) {
      const res = await moderate({
        target: { ids: [item?.id] },
        action: 'reject',
        ...(reason ? { reason } : {}),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { path: string }[] }).errors).toEqual([
        { path: 'reason', message: 'is required to reject' },
      ]);
    }
    expect((await statuses([item?.receipt as string]))[0]?.status).toBe('received');
  });

  it('should reject with a template and free text, which the participant reads through the receipt', async () => {
    const saved = await request(
      'POST',
      '/api/staff/reason-templates',
      {
        label: { sv: 'Personuppgifter' },
        text: { sv: 'Inspelet innehöll personuppgifter.', en: 'The input contained personal data.' },
      },
      admin,
    );
    expect(saved.status).toBe(200);
    const template = (await saved.json()) as ReasonTemplate;
    const [item] = await comments('Ring mig på 070-123 45 67.');
    const res = await moderate({
      target: { ids: [item?.id] },
      action: 'reject',
      reason: { templateId: template.id, text: 'Skriv gärna igen utan telefonnummer.' },
    });
    expect(res.status).toBe(200);
    const [status] = await statuses([item?.receipt as string]);
    expect(status?.status).toBe('not_published');
    expect(status?.reason).toContain('Inspelet innehöll personuppgifter.');
    expect(status?.reason).toContain('Skriv gärna igen utan telefonnummer.');

    const unknown = await moderate({
      target: { ids: [item?.id] },
      action: 'hide',
      reason: { templateId: 'nope' },
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe(
      'reason.templateId',
    );
  });

  it('should refuse more than 500 ids and malformed targets', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => `id-${i}`);
    expect((await moderate({ target: { ids }, action: 'approve' })).status).toBe(400);
    expect((await moderate({ target: { filter: {}, asOf: 'yesterday' }, action: 'approve' })).status).toBe(
      400,
    );
    expect((await moderate({ target: { ids: ['x'] }, action: 'delete' })).status).toBe(400);
  });
});

describe('a bulk action over the limit', () => {
  it('should be refused whole with 409, naming how many items the filter matches', async () => {
    const ctx = await testStore();
    try {
      // The store's limit (10,000) is far above what a test makes: this store refuses any bulk action.
      const store = {
        ...ctx.store,
        moderateSubmissions: async () => ({ status: 'too-many' as const, count: 3, limit: 2 }),
      };
      const app = createApp({
        store,
        config: {
          staticDir: join(ctx.dir, 'none'),
          controllerName: 'Malmö stad',
          dpoContact: 'dpo@malmo.se',
        },
        boundaries: malmoBoundaries,
      });
      for (const text of ['Ett', 'Två', 'Tre', 'Fyra']) {
        const res = await app.request('/api/submissions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ submissions: [ownComment(`Förslag nummer ${text}.`)] }),
        });
        expect(res.status).toBe(200);
      }
      await addStaffUser(store, { email: 'moderator@malmo.se', role: 'moderator' });
      const moderator = await signIn(app, 'moderator@malmo.se');
      const res = await app.request('/api/staff/moderation', {
        method: 'POST',
        headers: staffHeaders(moderator, { 'Content-Type': 'application/json' }),
        body: JSON.stringify({ target: { filter: {}, asOf: new Date().toISOString() }, action: 'approve' }),
      });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { detail: string }).detail).toMatch(
        /matches 4 items; one action changes at most 2/,
      );
    } finally {
      await ctx.close();
    }
  });
});
