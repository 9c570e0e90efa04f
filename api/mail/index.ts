/**
 * Outgoing e-mail: the SMTP transport from the configuration, and the sender that works
 * through the outbox. Messages are queued by the store in the transaction of what they tell
 * about (store.answerSubmission, store.enqueueMail); any instance's sender claims due ones under
 * a lease, sends them, and marks them sent or failed.
 *
 * Logs name message ids, kinds and SMTP response codes only: never an address, a subject or a
 * body (the SMTP server's reply text can quote the recipient, so it is not logged or kept either).
 */
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config/index.ts';
import { type Logger, loggableError } from '../logging/index.ts';
import type { OutboxMail, Store } from '../store/index.ts';
import { holderName, type Periodic, startPeriodic } from '../periodic/index.ts';

export { answerMail, digestMail, MY_INPUT_PATH, publicLink, REVIEW_PATH } from './templates.ts';

/**
 * Whether this deployment sends e-mail (SMTP configured). When it does not, callers queue
 * nothing: an answer is published without a message, since nothing would ever send it and the
 * outbox would keep addresses for no purpose.
 */
export function mailEnabled(config: { mail?: MailConfig | null | undefined }): boolean {
  return config.mail !== undefined && config.mail !== null;
}

/** One message to hand to the SMTP server. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** What sends a message; rejects with the SMTP error (`responseCode`) when the server refuses. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** How long the sender waits for the SMTP server at each step. */
const SMTP_TIMEOUT_MS = 30_000;

/** An SMTP transport (nodemailer) for `config`; it connects on the first message. */
export function smtpTransport(config: MailConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    // nodemailer's own logging would write addresses: off.
    logger: false,
    debug: false,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === null ? {} : { html: mail.html }),
      });
    },
    close: () => transporter.close(),
  };
}

/** What an SMTP failure may say in logs and in the outbox: codes only. */
export interface SmtpFailure {
  /** nodemailer's error code (ECONNECTION, EENVELOPE, EAUTH, …), if any. */
  code: string | null;
  /** The SMTP reply code (421, 550, …), if the server answered. */
  responseCode: number | null;
  /** Whether trying again cannot help: a 5xx reply to this message (not to signing in). */
  permanent: boolean;
}

/** The loggable parts of a send error: never its message, which can quote the recipient. */
export function smtpFailure(err: unknown): SmtpFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    responseCode?: unknown;
  };
  const code = typeof e.code === 'string' && /^[A-Z_]{1,32}$/.test(e.code) ? e.code : null;
  const responseCode =
    typeof e.responseCode === 'number' && Number.isInteger(e.responseCode) ? e.responseCode : null;
  // A refused sign-in is a configuration problem, not this message's: keep it for a retry.
  const permanent = responseCode !== null && responseCode >= 500 && responseCode < 600 && code !== 'EAUTH';
  return { code, responseCode, permanent };
}

/** What one round of the sender did. */
export interface SendRound {
  sent: number;
  retry: number;
  givenUp: number;
}

/** Options of {@link startMailSender} and {@link sendDueMail}. */
export interface MailSenderOptions {
  store: Pick<Store, 'claimMail' | 'markMailSent' | 'markMailFailed'>;
  transport: MailTransport;
  /** This sender's name in the outbox's claims; unique per process by default. */
  holder?: string;
  /** The clock in milliseconds (tests move it). */
  now?: () => number;
  /** Wait between rounds (default 15 s). */
  intervalMs?: number;
  /**
   * How long a claim lasts: longer than sending one batch can take, even with every message
   * running into the SMTP timeouts (default 15 min, for 10 messages).
   */
  leaseMs?: number;
  /** Messages claimed at a time (default 10). */
  batch?: number;
  logger?: Logger;
}

/**
 * Claims due messages, sends each, and marks it sent, or failed (retried with backoff, given
 * up on a permanent refusal or after the last attempt). Runs until nothing is due.
 */
export async function sendDueMail(options: MailSenderOptions & { holder: string }): Promise<SendRound> {
  const { store, transport, holder, logger } = options;
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? 15 * 60_000;
  const batch = options.batch ?? 10;
  const round: SendRound = { sent: 0, retry: 0, givenUp: 0 };
  for (;;) {
    const claimed = await store.claimMail(holder, new Date(now()).toISOString(), leaseMs, batch);
    for (const mail of claimed) await sendOne(mail);
    if (claimed.length < batch) return round;
  }

  async function sendOne(mail: OutboxMail): Promise<void> {
    const log = { mailId: mail.id, kind: mail.kind, attempt: mail.attempts + 1 };
    try {
      await transport.send({ to: mail.recipient, subject: mail.subject, text: mail.text, html: mail.html });
    } catch (err) {
      const failure = smtpFailure(err);
      const error = [failure.code, failure.responseCode].filter((p) => p !== null).join(' ') || 'send failed';
      const outcome = await store.markMailFailed(mail.id, holder, new Date(now()).toISOString(), error, {
        permanent: failure.permanent,
      });
      if (outcome === 'given-up') round.givenUp++;
      if (outcome === 'retry') round.retry++;
      logger?.warn(
        { ...log, code: failure.code, responseCode: failure.responseCode, outcome },
        outcome === 'given-up' ? 'E-mail given up' : 'E-mail not sent; trying again later',
      );
      return;
    }
    if (await store.markMailSent(mail.id, holder, new Date(now()).toISOString())) {
      round.sent++;
      logger?.info(log, 'E-mail sent');
    } else {
      // The claim ran out while sending and another sender may send it again: make the lease longer.
      logger?.warn(log, 'E-mail sent after its claim ended; it may be sent twice');
    }
  }
}

/** A running sender. */
export type MailSender = Periodic;

/** Starts sending queued mail every `intervalMs`; `wake()` sends at once (after queueing one). */
export function startMailSender(options: MailSenderOptions): MailSender {
  const holder = options.holder ?? holderName('mail');
  return startPeriodic({
    intervalMs: options.intervalMs ?? 15_000,
    step: () => sendDueMail({ ...options, holder }),
    // Only store errors get here (SMTP errors are handled per message): no address in them.
    onError: (err) => options.logger?.warn({ err: loggableError(err) }, 'Sending e-mail failed'),
  });
}
