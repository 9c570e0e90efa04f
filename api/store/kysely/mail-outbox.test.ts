import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import type { NewMail } from '../types.ts';
import { MAX_MAIL_ATTEMPTS, nextAttemptAt } from './mail-outbox.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const T0 = '2026-11-21T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function mail(over: Partial<NewMail> = {}): NewMail {
  const id = randomUUID();
  return {
    id,
    key: `answer:${id}`,
    kind: 'answer',
    recipient: 'anna@example.com',
    subject: 'Svar på ditt bidrag',
    text: 'Hej! Malmö stad har svarat.',
    html: '<p>Hej!</p>',
    createdAt: T0,
    ...over,
  };
}

describe('nextAttemptAt', () => {
  it('should double the wait after each failure, up to six hours', () => {
    expect(nextAttemptAt(T0, 1)).toBe(at(1));
    expect(nextAttemptAt(T0, 2)).toBe(at(2));
    expect(nextAttemptAt(T0, 4)).toBe(at(8));
    expect(nextAttemptAt(T0, 20)).toBe(at(360));
  });
});

describe.each(STORE_KINDS)('the mail outbox in the %s store', (kind) => {
  it('should queue a key once, and give each message to one sender at a time', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const first = mail({ key: 'digest:2026-11-21:mod-1' });
    expect(await ctx.store.enqueueMail(first)).toBe(true);
    // Another instance making the same digest: ignored.
    expect(await ctx.store.enqueueMail(mail({ key: 'digest:2026-11-21:mod-1' }))).toBe(false);
    const others = [mail(), mail(), mail()];
    for (const m of others) await ctx.store.enqueueMail(m);

    const other = ctx.reopen();
    const [a, b] = await Promise.all([
      ctx.store.claimMail('sender-a', at(1), 60_000, 3),
      other.claimMail('sender-b', at(1), 60_000, 3),
    ]);
    // Two senders that read the same rows: never both get one (a loser may get fewer, or none).
    const claimed = [...a, ...b].map((m) => m.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect([...a, ...b].find((m) => m.id === first.id) ?? a[0]).toMatchObject({
      recipient: 'anna@example.com',
      subject: 'Svar på ditt bidrag',
      attempts: 0,
    });
    const rest = await ctx.store.claimMail('sender-c', at(1), 60_000, 10);
    const all = [first, ...others].map((m) => m.id).sort();
    expect([...claimed, ...rest.map((m) => m.id)].sort()).toEqual(all);
    // All are held: nothing more to claim until the leases end.
    expect(await ctx.store.claimMail('sender-d', at(1.5), 60_000, 10)).toEqual([]);
    expect((await ctx.store.claimMail('sender-d', at(2.5), 60_000, 10)).map((m) => m.id).sort()).toEqual(all);
  });

  it('should blank recipient and body once sent, and only for the sender holding it', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const m = mail();
    await ctx.store.enqueueMail(m);
    await ctx.store.claimMail('sender-a', at(1), 60_000, 10);
    expect(await ctx.store.markMailSent(m.id, 'sender-b', at(1))).toBe(false);
    expect(await ctx.store.markMailSent(m.id, 'sender-a', at(1))).toBe(true);
    expect(await ctx.store.markMailSent(m.id, 'sender-a', at(1))).toBe(false);
    const [row] = await ctx.query<Record<string, unknown>>('SELECT * FROM mail_outbox WHERE id = ?', m.id);
    expect(row).toMatchObject({
      status: 'sent',
      sent_at: at(1),
      recipient: null,
      subject: null,
      body_text: null,
      body_html: null,
    });
    expect(JSON.stringify(row)).not.toContain('anna@example.com');
    expect(await ctx.store.claimMail('sender-a', at(100), 60_000, 10)).toEqual([]);
  });

  it('should retry a failed message later with backoff, and give up (blanked) after the last attempt', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const m = mail();
    await ctx.store.enqueueMail(m);
    let now = Date.parse(T0);
    for (let attempt = 1; attempt < MAX_MAIL_ATTEMPTS; attempt++) {
      const iso = new Date(now).toISOString();
      const [claimed] = await ctx.store.claimMail('sender', iso, 60_000, 1);
      expect(claimed?.attempts).toBe(attempt - 1);
      expect(await ctx.store.markMailFailed(m.id, 'sender', iso, '421 try later')).toBe('retry');
      // Not due before its backoff has passed.
      expect(await ctx.store.claimMail('sender', iso, 60_000, 1)).toEqual([]);
      now = Date.parse(nextAttemptAt(iso, attempt));
    }
    const iso = new Date(now).toISOString();
    await ctx.store.claimMail('sender', iso, 60_000, 1);
    expect(await ctx.store.markMailFailed(m.id, 'other', iso, 'x')).toBe('not-held');
    expect(await ctx.store.markMailFailed(m.id, 'sender', iso, '421 try later')).toBe('given-up');
    const [row] = await ctx.query<Record<string, unknown>>('SELECT * FROM mail_outbox WHERE id = ?', m.id);
    expect(row).toMatchObject({
      status: 'given-up',
      attempts: MAX_MAIL_ATTEMPTS,
      recipient: null,
      last_error: '421 try later',
    });
  });

  it('should give up at once on a permanent failure', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const m = mail();
    await ctx.store.enqueueMail(m);
    await ctx.store.claimMail('sender', at(0), 60_000, 1);
    expect(
      await ctx.store.markMailFailed(m.id, 'sender', at(0), '550 no such user', { permanent: true }),
    ).toBe('given-up');
    expect(await ctx.store.claimMail('sender', at(1000), 60_000, 1)).toEqual([]);
  });
});
