import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaffUser,
  answerItem,
  type Result,
  type Signed,
  STORE_KINDS,
  send,
  signIn,
  staffHeaders,
  type TestApp,
  TRYGGARE,
  testApp,
} from '../../test/index.ts';
import { ownComment } from '../staff-queue/testing.ts';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const PENDING = 'Hemlig väntande text som ingen analytiker får se';
const ARABIC = 'نريد ملعبًا أكبر; شكرًا';
const EMAIL = 'deltagare.kontakt@example.se';
const PHONE = '0701234567';
const DEVICE = 'device-exportsecret1';

type Table = Record<string, string>[];
interface Export {
  submissions: Table;
  answers: Table;
  raw: string;
  header: string[];
}

/** Unzips the export and parses both files. */
async function download(t: TestApp, who: Signed | null, query = ''): Promise<Export> {
  const res = await t.app.request(
    `/api/staff/exports/submissions.zip${query}`,
    who ? { headers: staffHeaders(who) } : {},
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  expect(res.headers.get('content-disposition')).toMatch(
    /^attachment; filename="kraftsamla-export-.*\.zip"$/,
  );
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  expect(Object.keys(files).sort()).toEqual(['answers.csv', 'submissions.csv']);
  const text = (name: string) => strFromU8(files[name] as Uint8Array);
  const raw = text('submissions.csv');
  // A UTF-8 BOM (TextDecoder drops it from the text).
  for (const name of ['submissions.csv', 'answers.csv'])
    expect([...(files[name] as Uint8Array).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const table = (csv: string) =>
    parse(csv, { delimiter: ';', bom: true, columns: true, record_delimiter: '\r\n' }) as Table;
  const header = (parse(raw, { delimiter: ';', bom: true, to_line: 1 }) as string[][])[0] ?? [];
  return { submissions: table(raw), answers: table(text('answers.csv')), raw, header };
}

describe.each(STORE_KINDS)('GET /api/staff/exports/submissions.zip on %s', (kind) => {
  let t: TestApp;
  const signed: Record<'admin' | 'moderator' | 'analyst', Signed> = {} as never;
  let results: Result[];

  beforeAll(async () => {
    t = await testApp({ kind, now: () => NOW });
    for (const role of ['admin', 'moderator', 'analyst'] as const) {
      await addStaffUser(t.store, { email: `${role}@malmo.se`, role });
      signed[role] = await signIn(t.app, `${role}@malmo.se`);
    }
    results = await send(t, [
      ownComment(ARABIC, { contact: { email: EMAIL, phone: PHONE, consentVersion: 'v1' } }),
      ownComment(PENDING, {
        deviceId: DEVICE,
        contact: { email: 'vantande@example.se', phone: '+46701112233', consentVersion: 'v1' },
      }),
      ownComment('=HYPERLINK("http://evil.example";"klicka")', {
        insatsId: undefined,
        location: { areaCode: '10101' },
        respondent: { group: 'resident', ageBand: '30plus' },
      }),
      answerItem(),
    ]);
    for (const r of results) expect(r.status).toBe('created');
    const [arabic, , formula] = results;
    await t.moderate(arabic?.receipt as string, { status: 'approved', answer: 'Tack, vi tittar på det.' });
    await t.moderate(formula?.receipt as string, { status: 'approved' });
  }, 60_000);
  afterAll(() => t?.close());

  it('should refuse anonymous downloads with 401', async () => {
    expect((await t.app.request('/api/staff/exports/submissions.zip')).status).toBe(401);
  });

  it('should give admins and moderators the contact columns, and the pending text as stored', async () => {
    for (const role of ['admin', 'moderator'] as const) {
      const e = await download(t, signed[role]);
      expect(e.header.slice(-3)).toEqual(['email', 'phone', 'consent_version']);
      const arabic = e.submissions.find((r) => r.text === ARABIC);
      expect(arabic).toMatchObject({ email: EMAIL, phone: PHONE, moderation_status: 'approved' });
      expect(arabic?.official_answer).toBe('Tack, vi tittar på det.');
      expect(e.submissions.find((r) => r.text === PENDING)?.phone).toBe("'+46701112233");
      expect(e.raw).not.toContain(DEVICE);
    }
  });

  it('should audit an export with contact columns before it starts, then with its row count', async () => {
    const audits = (action: string) => t.store.listAudit({ action, actorId: signed.admin.me.id, limit: 50 });
    const started = await audits('export.contacts');
    const done = await audits('export.contacts.done');
    await download(t, signed.admin, '?insats=none');
    const startedAfter = await audits('export.contacts');
    const doneAfter = await audits('export.contacts.done');
    expect(startedAfter).toHaveLength(started.length + 1);
    expect(doneAfter).toHaveLength(done.length + 1);
    const start = startedAfter.find((a) => !started.some((b) => b.id === a.id));
    const end = doneAfter.find((a) => !done.some((b) => b.id === a.id));
    expect(start?.after).toMatchObject({ filter: { insats: 'none' } });
    expect(end?.after).toMatchObject({ rows: 1, complete: true, filter: { insats: 'none' } });
  });

  it('should give analysts no contact columns, no pending text and no device id', async () => {
    const e = await download(t, signed.analyst);
    expect(e.header).not.toContain('email');
    expect(e.header).not.toContain('phone');
    expect(e.header).not.toContain('consent_version');
    expect(e.raw).not.toContain(PENDING);
    expect(e.raw).not.toContain('vantande@example.se');
    expect(e.raw).not.toContain(EMAIL);
    expect(e.raw).not.toContain(DEVICE);
    const pending = e.submissions.find((r) => r.moderation_status === 'pending' && r.kind === 'comment');
    expect(pending).toBeDefined();
    expect(pending?.text).toBe('');
    expect(e.submissions.map((r) => r.text)).toContain(ARABIC);
    expect(
      await t.store.listAudit({ action: 'export.contacts', actorId: signed.analyst.me.id, limit: 1 }),
    ).toEqual([]);
  });

  it('should neutralise formulas, keep ids and area codes text, and write Stockholm days', async () => {
    const e = await download(t, signed.analyst);
    const formula = e.submissions.find((r) => r.area_code === '10101');
    expect(formula?.text).toBe('\'=HYPERLINK("http://evil.example";"klicka")');
    expect(e.raw).toContain('"10101"');
    expect(formula).toMatchObject({
      day: '2026-11-20',
      created_at: '2026-11-20T18:30:00.000Z',
      counted: 'yes',
    });
  });

  it('should apply the dashboard filters', async () => {
    const none = await download(t, signed.analyst, '?insats=none');
    expect(none.submissions.map((r) => r.area_code)).toEqual(['10101']);
    const area = await download(t, signed.analyst, '?area=11319');
    expect(area.submissions).toHaveLength(3);
    const group = await download(t, signed.analyst, '?group=resident');
    expect(group.submissions).toHaveLength(1);
    const later = await download(t, signed.analyst, '?from=2026-11-21');
    expect(later.submissions).toHaveLength(0);
    const res = await t.app.request('/api/staff/exports/submissions.zip?area=11319&district=Norr', {
      headers: staffHeaders(signed.analyst),
    });
    expect(res.status).toBe(400);
  });

  it('should write each answer with its question and option labels, multiple choices joined by |', async () => {
    const e = await download(t, signed.analyst, `?insats=${TRYGGARE.insatsId}`);
    const multiple = e.answers.find((r) => r.question_id === TRYGGARE.multiple);
    expect(multiple?.value).toBe('ljus|platser');
    expect(multiple?.option_labels?.split('|')).toHaveLength(2);
    expect(multiple?.question_text?.length).toBeGreaterThan(0);
    expect(e.answers.find((r) => r.question_id === TRYGGARE.scale)?.value).toBe('3');
    expect(new Set(e.answers.map((r) => r.submission_id))).toEqual(new Set([results[3]?.id]));
  });
});
