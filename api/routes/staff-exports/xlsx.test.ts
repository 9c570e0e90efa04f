import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaffUser,
  answerItem,
  type Signed,
  STORE_KINDS,
  send,
  signIn,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';
import { ownComment } from '../staff-queue/testing.ts';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const ARABIC = 'نريد ملعبًا أكبر;\nشكرًا';
const PHONE = '0701234567';
const PLUS_PHONE = '+46701112233';

/** The workbook as ExcelJS (another library than the one that wrote it) reads it. */
async function workbook(t: TestApp, who: Signed, query = ''): Promise<ExcelJS.Workbook> {
  const res = await t.app.request(`/api/staff/exports/submissions.xlsx${query}`, {
    headers: staffHeaders(who),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(res.headers.get('content-disposition')).toMatch(
    /^attachment; filename="kraftsamla-export-.*\.xlsx"$/,
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}

/** A sheet of the workbook, which must be there. */
function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  expect(sheet, name).toBeDefined();
  return sheet as ExcelJS.Worksheet;
}

/** A sheet's header row. */
const headerOf = (sheet: ExcelJS.Worksheet) =>
  (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);

/** A sheet's rows as objects by header, with ExcelJS's typed values. */
function rows(sheet: ExcelJS.Worksheet | undefined): Record<string, ExcelJS.CellValue>[] {
  if (!sheet) return [];
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

describe.each(STORE_KINDS)('GET /api/staff/exports/submissions.xlsx on %s', (kind) => {
  let t: TestApp;
  let admin: Signed;
  let analyst: Signed;
  beforeAll(async () => {
    t = await testApp({ kind, now: () => NOW });
    await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin' });
    await addStaffUser(t.store, { email: 'analyst@malmo.se', role: 'analyst' });
    admin = await signIn(t.app, 'admin@malmo.se');
    analyst = await signIn(t.app, 'analyst@malmo.se');
    const results = await send(t, [
      ownComment(ARABIC, { contact: { email: 'a@example.se', phone: PHONE, consentVersion: 'v1' } }),
      ownComment('=HYPERLINK("http://evil.example";"klicka")', {
        contact: { email: 'b@example.se', phone: PLUS_PHONE, consentVersion: 'v1' },
      }),
      answerItem(),
    ]);
    for (const r of results) expect(r.status).toBe('created');
  }, 60_000);
  afterAll(() => t?.close());

  it('should refuse anonymous downloads with 401', async () => {
    expect((await t.app.request('/api/staff/exports/submissions.xlsx')).status).toBe(401);
  });

  it('should type every cell: dates as dates, numbers as numbers, codes and phone numbers as text without an apostrophe', async () => {
    const book = await workbook(t, admin);
    expect(book.worksheets.map((s) => s.name)).toEqual(['submissions', 'answers']);
    const submissions = rows(book.getWorksheet('submissions'));
    const found = submissions.find((r) => r.text === ARABIC);
    // Arabic, the `;` and the line break intact, in a text cell.
    expect(found).toBeDefined();
    const arabic = found as Record<string, ExcelJS.CellValue>;
    expect(arabic.phone).toBe(PHONE);
    expect(arabic.area_code).toBe('11319');
    expect(typeof arabic.id).toBe('string');
    expect(arabic.day).toBeInstanceOf(Date);
    // The Malmö day the item was made, as a date: the day of its Malmö date-time.
    expect(arabic.created_at).toBeInstanceOf(Date);
    expect((arabic.day as Date).toISOString()).toBe(
      `${(arabic.created_at as Date).toISOString().slice(0, 10)}T00:00:00.000Z`,
    );
    // A date-time in Malmö's wall clock (UTC+1 in November): 10:00Z shows as 11:00.
    expect(arabic.received_at).toBeInstanceOf(Date);
    expect((arabic.received_at as Date).toISOString()).toBe('2026-11-24T11:00:00.000Z');
    const formula = submissions.find((r) => r.phone === PLUS_PHONE);
    // Neither the "+46" nor the "=" cell is a formula, and neither has an apostrophe in front.
    expect(formula?.text).toBe('=HYPERLINK("http://evil.example";"klicka")');
    const answers = rows(book.getWorksheet('answers'));
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(typeof a.version).toBe('number');
    expect(answers.some((a) => typeof a.value === 'number')).toBe(true);
  });

  it('should keep cells that look like numbers as text formatted as text', async () => {
    const book = await workbook(t, admin);
    const sheet = sheetOf(book, 'submissions');
    const header = headerOf(sheet);
    const phoneColumn = header.indexOf('phone') + 1;
    let checked = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const c = row.getCell(phoneColumn);
      if (c.value === null) return;
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.numFmt).toBe('@');
      checked += 1;
    });
    expect(checked).toBe(2);
  });

  it('should give analysts no contact columns, as the CSV', async () => {
    const book = await workbook(t, analyst);
    const header = headerOf(sheetOf(book, 'submissions'));
    expect(header).not.toContain('phone');
    expect(header).not.toContain('email');
  });
});
