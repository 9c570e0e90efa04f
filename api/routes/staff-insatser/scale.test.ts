import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Insats } from '../../../common/wire/index.ts';
import type { AnswerDistribution } from '../../../common/wire/insights.ts';
import type { PublicAnswerSummary } from '../../../common/wire/open-data.ts';
import type { StaffQuestion } from '../../store/index.ts';
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

/**
 * Scale questions with their own words, through the API: staff set them, a change after answers
 * makes a new version, devices answer each version (schema 1 and 3, "don't know" where offered),
 * and the dashboard, the public summary and the export name each version's steps by its words.
 */

const DAY = Date.parse('2026-11-23T10:00:00Z');
const NEXT_DAY = Date.parse('2026-11-24T10:00:00Z');
const INSATS = {
  title: { sv: 'Parken vid skolan' },
  summary: { sv: 'En tryggare park.' },
  namnder: ['Tekniska nämnden'],
  areaCodes: ['11319'],
  dimensions: ['social'],
  kind: 'kraftsamlande',
  status: 'ongoing',
  period: { start: '2026-01-01' },
};
const FIRST_WORDS = {
  min: { sv: 'Inte alls trygg', ar: 'لا أشعر بالأمان أبدًا' },
  max: { sv: 'Mycket trygg', ar: 'أشعر بأمان كبير' },
};
const SECOND_WORDS = {
  min: { sv: 'Aldrig', ar: 'أبدًا' },
  max: { sv: 'Alltid', ar: 'دائمًا' },
  middle: [null, { sv: 'Ibland', ar: 'أحيانًا' }, null],
  dontKnow: true,
};

describe.each(STORE_KINDS)('scale questions with their own words on %s', (kind) => {
  let t: TestApp;
  let moderator: Signed;
  let admin: Signed;
  let now = DAY;
  let insatsId = '';
  let question: StaffQuestion;

  const request = (method: string, path: string, body: unknown, who: Signed) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(who, body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const answer = (schemaVersion: 1 | 3, version: number, value: number | string) => ({
    ...answerItem({
      insatsId,
      answers: [{ questionId: question.id, questionVersion: version, value }],
      createdAt: new Date(now - 60_000).toISOString(),
    }),
    schemaVersion,
    id: randomUUID(),
  });

  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: false, now: () => now });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin' });
    moderator = await signIn(t.app, 'moderator@malmo.se');
    admin = await signIn(t.app, 'admin@malmo.se');
    const created = await request('POST', '/api/staff/insatser', INSATS, moderator);
    expect(created.status).toBe(201);
    insatsId = ((await created.json()) as { id: string }).id;
    const added = await request(
      'POST',
      `/api/staff/insatser/${insatsId}/questions`,
      { kind: 'scale', text: { sv: 'Hur trygg känner du dig i parken?' }, scale: FIRST_WORDS },
      moderator,
    );
    expect(added.status).toBe(201);
    question = ((await added.json()) as { question: StaffQuestion }).question;
    expect(
      (await request('POST', `/api/staff/insatser/${insatsId}/publish`, undefined, moderator)).status,
    ).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('should give devices the words of the version in the catalogue', async () => {
    const { insatser } = (await (await t.app.request('/api/insatser')).json()) as { insatser: Insats[] };
    const q = insatser.find((i) => i.id === insatsId)?.questions[0];
    expect(q?.version).toBe(1);
    expect(q?.scale).toEqual({ min: FIRST_WORDS.min, max: FIRST_WORDS.max });
  });

  it('should refuse "don\'t know" where the version does not offer it, and from schema version 1', async () => {
    const [v3, v1, step] = await send(t, [
      answer(3, 1, 'dont-know'),
      answer(1, 1, 'dont-know'),
      answer(3, 1, 2),
    ]);
    expect(v3?.status).toBe('rejected');
    expect(v3?.errors).toEqual([
      { path: 'answers.0.value', message: 'this version of the question does not offer "don\'t know"' },
    ]);
    expect(v1?.status).toBe('rejected');
    expect(v1?.errors).toEqual([{ path: 'answers.0.value', message: 'must be a whole number from 1 to 5' }]);
    // One bad item never blocks the rest of the batch.
    expect(step?.status).toBe('created');
  });

  it("should make a new version when the words change after answers, and keep each version's words", async () => {
    const changed = await request(
      'PATCH',
      `/api/staff/insatser/${insatsId}/questions/${question.id}`,
      { scale: SECOND_WORDS },
      moderator,
    );
    expect(changed.status).toBe(200);
    const after = ((await changed.json()) as { question: StaffQuestion }).question;
    expect(after.version).toBe(2);
    expect(after.scale).toEqual(SECOND_WORDS);
    // Switching "don't know" is no typo fix: what devices may answer would change under them.
    const typo = await request(
      'PATCH',
      `/api/staff/insatser/${insatsId}/questions/${question.id}`,
      { scale: { ...SECOND_WORDS, dontKnow: false }, typoFix: true },
      admin,
    );
    expect(typo.status).toBe(400);

    // A device that still holds version 1 (schema 1) and one with version 2 (schema 3).
    const results = await send(t, [answer(1, 1, 5), answer(3, 2, 'dont-know'), answer(3, 2, 3)]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created']);

    const dashboard = await request(
      'GET',
      `/api/staff/dashboard/answers?insats=${insatsId}&from=2026-11-01&to=2026-11-30`,
      undefined,
      moderator,
    );
    expect(dashboard.status).toBe(200);
    const body = (await dashboard.json()) as AnswerDistribution;
    const rows = (version: number) =>
      body.questions
        .find((q) => q.version === version)
        ?.options.map((o) => [o.id, o.label?.sv ?? null, o.count]);
    expect(rows(1)).toEqual([
      ['1', 'Inte alls trygg', 0],
      ['2', null, 1],
      ['3', null, 0],
      ['4', null, 0],
      ['5', 'Mycket trygg', 1],
    ]);
    // "Don't know" apart from the steps, not in them.
    expect(rows(2)).toEqual([
      ['1', 'Aldrig', 0],
      ['2', null, 0],
      ['3', 'Ibland', 1],
      ['4', null, 0],
      ['5', 'Alltid', 0],
      ['dont-know', 'Vet inte', 1],
    ]);

    // The export: each answer with the words of the version answered.
    const zip = await request(
      'GET',
      `/api/staff/exports/submissions.zip?insats=${insatsId}`,
      undefined,
      moderator,
    );
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const answers = parse(strFromU8(files['answers.csv'] as Uint8Array), {
      delimiter: ';',
      bom: true,
      columns: true,
      record_delimiter: '\r\n',
    }) as Record<string, string>[];
    const cells = answers.map((a) => [a.version, a.value, a.option_labels]).sort();
    expect(cells).toEqual([
      ['1', '2', ''],
      ['1', '5', 'Mycket trygg'],
      ['2', '3', 'Ibland'],
      ['2', 'dont-know', 'Vet inte'],
    ]);
    // The public summary of the next day (a staff session would have expired by then): each version with its own words (counts protected).
    now = NEXT_DAY;
    const summary = (await (
      await t.app.request(`/api/public/answers/${insatsId}`)
    ).json()) as PublicAnswerSummary;
    const labels = (version: number) =>
      summary.questions.find((q) => q.version === version)?.options.map((o) => o.label?.ar ?? null);
    expect(labels(1)).toEqual(['لا أشعر بالأمان أبدًا', null, null, null, 'أشعر بأمان كبير']);
    expect(labels(2)).toEqual(['أبدًا', null, 'أحيانًا', null, 'دائمًا', 'لا أعرف']);
  });
});
