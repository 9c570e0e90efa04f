import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logging/index.ts';
import type { NewMail } from '../store/index.ts';
import { TEST_ACTOR, testSubmission } from '../store/testing.ts';
import { STORE_KINDS, type TestStore, testStore } from '../test/index.ts';
import {
  answerMail,
  mailEnabled,
  sendDueMail,
  smtpFailure,
  smtpTransport,
  startMailSender,
} from './index.ts';
import { type SmtpSink, startSmtpSink } from './testing.ts';

const ADDRESS = 'deltagare.hemlig@example.org';

describe('mailEnabled', () => {
  it('should be on only when an SMTP server is configured', () => {
    expect(mailEnabled({ mail: null })).toBe(false);
    expect(mailEnabled({})).toBe(false);
    expect(
      mailEnabled({ mail: { host: 'smtp', port: 587, secure: false, auth: null, from: 'a@b.se' } }),
    ).toBe(true);
  });
});

describe('smtpFailure', () => {
  it('should call a 5xx refusal of the message permanent, and 4xx, sign-in and network errors not', () => {
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'EENVELOPE', responseCode: 550 }))).toEqual({
      code: 'EENVELOPE',
      responseCode: 550,
      permanent: true,
    });
    expect(
      smtpFailure(Object.assign(new Error('x'), { code: 'EENVELOPE', responseCode: 451 })).permanent,
    ).toBe(false);
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'EAUTH', responseCode: 535 })).permanent).toBe(
      false,
    );
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'ECONNECTION' }))).toEqual({
      code: 'ECONNECTION',
      responseCode: null,
      permanent: false,
    });
  });
});

describe.each(STORE_KINDS)('mail sender (%s)', (kind) => {
  let ctx: TestStore;
  let sink: SmtpSink;
  let clock: number;
  const now = () => clock;
  const iso = () => new Date(clock).toISOString();

  beforeEach(async () => {
    ctx = await testStore({ kind });
    sink = await startSmtpSink();
    clock = Date.parse('2026-11-24T09:00:00.000Z');
  });
  afterEach(async () => {
    await sink.close();
    await ctx.close();
  });

  function mail(over: Partial<NewMail> = {}): NewMail {
    const id = randomUUID();
    const rendered = answerMail({
      locale: 'sv',
      insatsTitle: 'Tryggare Malmö',
      answer: 'Vi sätter upp fler lampor i vår.',
      myInputUrl: 'https://delta.example.se/mina-svar',
    });
    return {
      id,
      key: `answer:${id}`,
      kind: 'answer',
      recipient: ADDRESS,
      createdAt: iso(),
      ...rendered,
      ...over,
    };
  }

  async function outboxRow(id: string) {
    const [row] = await ctx.query<{ status: string; recipient: string | null; attempts: number }>(
      'SELECT status, recipient, attempts FROM mail_outbox WHERE id = ?',
      id,
    );
    return row;
  }

  it('should deliver an answer queued with the answer once, with its subject and text, then forget the address', async () => {
    const submission = testSubmission({ contact: { email: ADDRESS, phone: null, consentVersion: 'v1' } });
    await ctx.store.saveSubmissions([submission]);
    await ctx.store.moderateSubmissions({ ids: [submission.id] }, 'approve', {}, TEST_ACTOR);
    const rendered = answerMail({
      locale: submission.locale,
      insatsTitle: 'Tryggare Malmö',
      answer: 'Vi sätter upp fler lampor i vår.',
      myInputUrl: 'https://delta.example.se/mina-svar',
    });
    const id = randomUUID();
    const answered = await ctx.store.answerSubmission(
      submission.id,
      'Vi sätter upp fler lampor i vår.',
      TEST_ACTOR,
      {
        mail: { id, key: `answer:${submission.id}:1`, kind: 'answer', createdAt: iso(), ...rendered },
      },
    );
    expect(answered.mailQueued).toBe(true);
    const log = memoryLogger('trace');
    const transport = smtpTransport(sink.config);
    try {
      const round = await sendDueMail({ store: ctx.store, transport, holder: 'a', now, logger: log.logger });
      expect(round).toEqual({ sent: 1, retry: 0, givenUp: 0 });
      expect(await sendDueMail({ store: ctx.store, transport, holder: 'a', now })).toEqual({
        sent: 0,
        retry: 0,
        givenUp: 0,
      });
    } finally {
      transport.close();
    }
    expect(sink.messages).toHaveLength(1);
    const [got] = sink.messages;
    expect(got?.to).toEqual([ADDRESS]);
    expect(got?.subject).toBe('Svar på ditt inspel: Tryggare Malmö');
    expect(got?.text).toBe(rendered.text.replace(/\n$/, ''));
    expect(got?.text).toContain('https://delta.example.se/mina-svar');
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', recipient: null });
    expect(log.lines().join('\n')).toContain(id);
    expect(log.lines().join('\n')).not.toContain(ADDRESS);
    expect(log.lines().join('\n')).not.toContain('lampor');
  });

  it('should try a message refused with 4xx again after the backoff, and deliver it then', async () => {
    const m = mail();
    await ctx.store.enqueueMail(m);
    const transport = smtpTransport(sink.config);
    const log = memoryLogger('trace');
    try {
      sink.refuse(451);
      expect(
        await sendDueMail({ store: ctx.store, transport, holder: 'a', now, logger: log.logger }),
      ).toMatchObject({
        retry: 1,
      });
      expect(await outboxRow(m.id)).toMatchObject({ status: 'pending', attempts: 1, recipient: ADDRESS });
      sink.refuse(null);
      // Not due yet: nothing is sent at once.
      expect(await sendDueMail({ store: ctx.store, transport, holder: 'a', now })).toMatchObject({ sent: 0 });
      clock += 2 * 60_000;
      expect(await sendDueMail({ store: ctx.store, transport, holder: 'a', now })).toMatchObject({ sent: 1 });
    } finally {
      transport.close();
    }
    expect(sink.messages.map((x) => x.subject)).toEqual([m.subject]);
    expect(log.lines().join('\n')).toContain('451');
    expect(log.lines().join('\n')).not.toContain(ADDRESS);
  });

  it('should give a message refused with 5xx up at once and never send it', async () => {
    const m = mail();
    await ctx.store.enqueueMail(m);
    const transport = smtpTransport(sink.config);
    try {
      sink.refuse(550);
      expect(await sendDueMail({ store: ctx.store, transport, holder: 'a', now })).toMatchObject({
        givenUp: 1,
      });
      sink.refuse(null);
      clock += 24 * 60 * 60_000;
      expect(await sendDueMail({ store: ctx.store, transport, holder: 'a', now })).toMatchObject({ sent: 0 });
    } finally {
      transport.close();
    }
    expect(sink.messages).toHaveLength(0);
    expect(await outboxRow(m.id)).toMatchObject({ status: 'given-up', recipient: null });
  });

  it('should deliver each message exactly once with two senders on the same database', async () => {
    const queued = Array.from({ length: 25 }, (_, i) => mail({ subject: `Meddelande ${i}` }));
    for (const m of queued) await ctx.store.enqueueMail(m);
    const other = ctx.reopen();
    const transports = { one: smtpTransport(sink.config), two: smtpTransport(sink.config) };
    try {
      const rounds = await Promise.all([
        sendDueMail({ store: ctx.store, transport: transports.one, holder: 'one', now, batch: 3 }),
        sendDueMail({ store: other, transport: transports.two, holder: 'two', now, batch: 3 }),
      ]);
      expect(rounds[0].sent + rounds[1].sent).toBe(25);
    } finally {
      for (const t of Object.values(transports)) t.close();
    }
    const subjects = sink.messages.map((x) => x.subject).sort();
    expect(subjects).toEqual(queued.map((m) => m.subject).sort());
  });

  it('should send what is queued while running, and stop on request', async () => {
    const transport = smtpTransport(sink.config);
    const sender = startMailSender({ store: ctx.store, transport, now, intervalMs: 60_000 });
    try {
      await ctx.store.enqueueMail(mail({ subject: 'Väckt' }));
      sender.wake();
      const [got] = await sink.waitFor(1);
      expect(got?.subject).toBe('Väckt');
    } finally {
      await sender.stop();
      transport.close();
    }
  });
});
