import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, TRYGGARE, testStore } from '../../test/index.ts';
import { TEST_PG_URL } from '../../test/pg.ts';
import { REDACTION_PLACEHOLDER } from '../moderation.ts';
import { TEST_ACTOR, testSubmission } from '../testing.ts';
import type { AuditActor, NewSubmission, Store } from '../types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const ADMIN: AuditActor = {
  at: '2026-11-21T09:00:00.000Z',
  actorId: 'admin-1',
  actorLabel: 'admin@malmo.se',
  requestId: null,
};
const PNR = '850709-9805';
const PHONE = '070-123 45 67';
const TEXT = `Ring ${PHONE} eller skriv till anna@example.com, personnummer ${PNR}. Tack!`;
const span = (text: string, part: string) => ({
  start: text.indexOf(part),
  end: text.indexOf(part) + part.length,
});

/** A comment with TEXT and the flags ingest would have stored for it. */
function flaggedComment(): NewSubmission {
  const email = span(TEXT, 'anna@example.com');
  return testSubmission({
    text: TEXT,
    flags: [
      { kind: 'phone', field: 'text', ...span(TEXT, PHONE), duplicateOf: null },
      { kind: 'email', field: 'text', ...email, duplicateOf: null },
      { kind: 'personnummer', field: 'text', ...span(TEXT, PNR), duplicateOf: null },
    ],
  });
}

async function allowPurge(store: Store): Promise<void> {
  const saved = await store.saveSetting(
    'redaction',
    { mode: 'purge', gallringsbeslut: 'KS-2026-123 §4' },
    ADMIN,
  );
  expect(saved.status).toBe('saved');
}

/** Every table's rows as one JSON text, to look for copies of a string. */
async function everything(c: TestStore): Promise<string> {
  const tables = [
    'submissions',
    'submission_answers',
    'submission_flags',
    'tags',
    'contacts',
    'official_answers',
    'redactions',
    'restricted_originals',
    'audit_log',
    'settings',
    'mail_outbox',
  ];
  const rows = await Promise.all(tables.map((t) => c.query(`SELECT * FROM ${t}`)));
  return JSON.stringify(rows);
}

describe.each(STORE_KINDS)('redaction in the %s store', (kind) => {
  it('should replace the spans, move the later flags, drop the redacted ones, and keep the original for admins only', async () => {
    ctx = await testStore({ kind });
    const item = flaggedComment();
    await ctx.store.saveSubmissions([item]);
    const outcome = await ctx.store.redactSubmission(
      item.id,
      'text',
      [span(TEXT, PNR), span(TEXT, PHONE)],
      'restricted',
      ADMIN,
    );
    const expected = `Ring ${REDACTION_PLACEHOLDER} eller skriv till anna@example.com, personnummer ${REDACTION_PLACEHOLDER}. Tack!`;
    expect(outcome).toMatchObject({ status: 'redacted', text: expected });

    const stored = await ctx.store.getSubmission(item.id);
    expect(stored?.text).toBe(expected);
    // Only the e-mail flag is left, moved to where the address now is.
    expect(stored?.flags).toEqual([
      { kind: 'email', field: 'text', ...span(expected, 'anna@example.com'), duplicateOf: null },
    ]);
    expect((await ctx.store.listQueue({}, { limit: 5 })).items[0]).toMatchObject({
      text: expected,
      flagged: true,
    });
    // The hash of the original could confirm a guess; a retry of the item is still a duplicate.
    expect(stored?.contentHash).not.toBe(item.contentHash);
    expect(await ctx.store.saveSubmissions([item])).toEqual([
      { status: 'duplicate', receipt: item.receipt, tags: item.tags },
    ]);

    const originals = await ctx.store.getRestrictedOriginals(item.id);
    expect(originals).toEqual([
      {
        redactionId: outcome.status === 'redacted' ? outcome.redactionId : '',
        submissionId: item.id,
        field: 'text',
        text: TEXT,
        redactedAt: ADMIN.at,
        actorId: 'admin-1',
      },
    ]);
    // The original is in restricted_originals and nowhere else: not the audit, not the flags.
    const [audit] = await ctx.store.listAudit({ action: 'submission.redact', limit: 5 });
    expect(audit).toMatchObject({
      actorId: 'admin-1',
      targetId: item.id,
      before: null,
      after: {
        field: 'text',
        spans: [span(TEXT, PHONE), span(TEXT, PNR)].map((x) => [x.start, x.end]),
        mode: 'restricted',
      },
    });
    const copies = (await everything(ctx)).split(PNR).length - 1;
    expect(copies).toBe(1);
  });

  it('should redact a short-text answer and refuse spans that do not fit', async () => {
    ctx = await testStore({ kind });
    const answer = `Mitt nummer är ${PHONE}`;
    const item = testSubmission({
      kind: 'answer',
      text: null,
      answers: [{ questionId: TRYGGARE.text, questionVersion: 1, value: answer }],
    });
    await ctx.store.saveSubmissions([item]);
    const field = `answers.${TRYGGARE.text}` as const;
    expect(
      await ctx.store.redactSubmission(item.id, field, [{ start: 0, end: 99 }], 'restricted', ADMIN),
    ).toMatchObject({ status: 'invalid' });
    expect(
      await ctx.store.redactSubmission(
        item.id,
        field,
        [
          { start: 3, end: 6 },
          { start: 5, end: 8 },
        ],
        'restricted',
        ADMIN,
      ),
    ).toMatchObject({ status: 'invalid' });
    expect(await ctx.store.redactSubmission(item.id, field, [], 'restricted', ADMIN)).toMatchObject({
      status: 'invalid',
    });
    expect(
      await ctx.store.redactSubmission(item.id, 'title', [{ start: 0, end: 1 }], 'restricted', ADMIN),
    ).toMatchObject({ status: 'invalid' });
    expect(
      await ctx.store.redactSubmission(
        item.id,
        'device_id' as 'text',
        [{ start: 0, end: 1 }],
        'restricted',
        ADMIN,
      ),
    ).toMatchObject({ status: 'invalid' });
    expect(
      await ctx.store.redactSubmission('nope', 'text', [{ start: 0, end: 1 }], 'restricted', ADMIN),
    ).toEqual({ status: 'not-found' });

    expect(
      await ctx.store.redactSubmission(item.id, field, [span(answer, PHONE)], 'restricted', ADMIN),
    ).toMatchObject({ status: 'redacted' });
    expect((await ctx.store.getSubmission(item.id))?.answers).toEqual([
      { questionId: TRYGGARE.text, questionVersion: 1, value: `Mitt nummer är ${REDACTION_PLACEHOLDER}` },
    ]);
  });

  it("should redact the organisation's name the person typed", async () => {
    ctx = await testStore({ kind });
    const name = `Föreningen, ring ${PHONE}`;
    const item = testSubmission({ kind: 'proposal', title: 'Läxhjälp', organisation: name });
    await ctx.store.saveSubmissions([item]);
    expect(
      await ctx.store.redactSubmission(item.id, 'organisation', [span(name, PHONE)], 'restricted', ADMIN),
    ).toMatchObject({ status: 'redacted', text: `Föreningen, ring ${REDACTION_PLACEHOLDER}` });
    expect((await ctx.store.getSubmission(item.id))?.organisation).toBe(
      `Föreningen, ring ${REDACTION_PLACEHOLDER}`,
    );
    expect(await ctx.store.getRestrictedOriginals(item.id)).toMatchObject([
      { field: 'organisation', text: name },
    ]);
  });

  it('should give the receipt the redacted fields as stored now, and nothing for an item never redacted', async () => {
    ctx = await testStore({ kind });
    const answer = `Mitt nummer är ${PHONE}`;
    const redacted = testSubmission({
      kind: 'answer',
      title: 'Rubrik',
      text: TEXT,
      organisation: `Förening ${PNR}`,
      answers: [{ questionId: TRYGGARE.text, questionVersion: 1, value: answer }],
    });
    const untouched = flaggedComment();
    await ctx.store.saveSubmissions([redacted, untouched]);
    await ctx.store.redactSubmission(redacted.id, 'text', [span(TEXT, PNR)], 'restricted', ADMIN);
    const now = (await ctx.store.getSubmission(redacted.id))?.text as string;
    await ctx.store.redactSubmission(redacted.id, 'text', [span(now, PHONE)], 'restricted', ADMIN);
    await ctx.store.redactSubmission(
      redacted.id,
      'organisation',
      [{ start: 9, end: 20 }],
      'restricted',
      ADMIN,
    );
    await ctx.store.redactSubmission(
      redacted.id,
      `answers.${TRYGGARE.text}`,
      [span(answer, PHONE)],
      'restricted',
      ADMIN,
    );
    const [r, u] = await ctx.store.receiptStatuses([redacted.receipt, untouched.receipt]);
    expect(r?.redacted).toEqual({
      text: `Ring ${REDACTION_PLACEHOLDER} eller skriv till anna@example.com, personnummer ${REDACTION_PLACEHOLDER}. Tack!`,
      organisation: `Förening ${REDACTION_PLACEHOLDER}`,
      answers: { [TRYGGARE.text]: `Mitt nummer är ${REDACTION_PLACEHOLDER}` },
    });
    expect(u).not.toHaveProperty('redacted');
    expect(JSON.stringify([r, u])).not.toContain(redacted.id);
  });

  it('should refuse to purge without a gallringsbeslut in the settings', async () => {
    ctx = await testStore({ kind });
    const item = flaggedComment();
    await ctx.store.saveSubmissions([item]);
    expect(await ctx.store.redactSubmission(item.id, 'text', [span(TEXT, PNR)], 'purge', ADMIN)).toEqual({
      status: 'purge-not-allowed',
    });
    expect((await ctx.store.getSubmission(item.id))?.text).toBe(TEXT);
  });

  it('should leave no copy of a purged original in any table, earlier restricted copies included', async () => {
    ctx = await testStore({ kind });
    const item = flaggedComment();
    await ctx.store.saveSubmissions([item]);
    await ctx.store.redactSubmission(item.id, 'text', [span(TEXT, PHONE)], 'restricted', TEST_ACTOR);
    await allowPurge(ctx.store);
    const now = (await ctx.store.getSubmission(item.id))?.text as string;
    const purged = await ctx.store.redactSubmission(item.id, 'text', [span(now, PNR)], 'purge', ADMIN);
    expect(purged).toMatchObject({ status: 'redacted' });
    expect(await ctx.store.getRestrictedOriginals(item.id)).toEqual([]);
    const all = await everything(ctx);
    expect(all).not.toContain(PNR);
    expect(all).not.toContain(PHONE);
    const [audit] = await ctx.store.listAudit({ action: 'submission.redact', limit: 1 });
    expect(audit?.after).toMatchObject({ mode: 'purge', gallringsbeslut: 'KS-2026-123 §4' });
  });
});

describe('a purged original on disk', () => {
  it('should be in neither the SQLite main file nor its WAL after the redaction', async () => {
    ctx = await testStore({ kind: 'sqlite' });
    await allowPurge(ctx.store);
    const checkpointed = flaggedComment();
    await ctx.store.saveSubmissions([checkpointed]);
    // One copy reaches the main file, the other is only in the WAL when the redaction starts.
    await ctx.query('PRAGMA wal_checkpoint(TRUNCATE)');
    const inWal = testSubmission({ text: `Andra: ${PNR.replace('9805', '9813')} hej` });
    await ctx.store.saveSubmissions([inWal]);
    const files = () => {
      const path = ctx?.dbPath as string;
      const wal = `${path}-wal`;
      return Buffer.concat([readFileSync(path), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
    };
    expect(files().includes(PNR)).toBe(true);
    expect(files().includes('850709-9813')).toBe(true);

    const first = await ctx.store.redactSubmission(
      checkpointed.id,
      'text',
      [span(TEXT, PNR)],
      'purge',
      ADMIN,
    );
    const inWalText = inWal.text as string;
    const second = await ctx.store.redactSubmission(
      inWal.id,
      'text',
      [span(inWalText, '850709-9813')],
      'purge',
      ADMIN,
    );
    expect(first).toMatchObject({ status: 'redacted', walTruncated: true });
    expect(second).toMatchObject({ status: 'redacted', walTruncated: true });
    expect(files().includes(PNR)).toBe(false);
    expect(files().includes('850709-9813')).toBe(false);
    // The rest of the text is still there, so the search itself works.
    expect(files().includes('skriv till anna@example.com')).toBe(true);
  });

  it('should not be in a pg_dump of the PostgreSQL schema after the redaction', async () => {
    // What a dump cannot show: the old row version stays in the table file as a dead tuple until
    // (auto)vacuum removes it, and in WAL segments until they are recycled; base backups and
    // dumps made before the purge keep it until they expire. See kysely/redaction.ts.
    ctx = await testStore({ kind: 'postgres' });
    await allowPurge(ctx.store);
    const item = flaggedComment();
    await ctx.store.saveSubmissions([item]);
    const schema = new URL(ctx.target.kind === 'postgres' ? ctx.target.url : '').searchParams
      .get('options')
      ?.replace('-c search_path=', '');
    expect(schema).toMatch(/^kt_/);
    const dump = () =>
      execFileSync('pg_dump', [`--schema=${schema}`, TEST_PG_URL], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(dump()).toContain(PNR);
    await ctx.store.redactSubmission(item.id, 'text', [span(TEXT, PNR)], 'purge', ADMIN);
    const after = dump();
    expect(after).not.toContain(PNR);
    expect(after).toContain('skriv till anna@example.com');
  });
});
