/**
 * The invariant of docs/open-data.md: nothing the public can read, alone or combined, pins a
 * count below 5 for any insats × delområde in a publication. Reads every public endpoint (the
 * counts as JSON and CSV, the answer summaries, the listing unfiltered, by insats, by kind and by
 * every delområde), learns what each listed item reveals about its cell, and for every cell
 * published as "fewer than 5" tries each true value 0–4 against all of it: at least two must
 * fit, or the cell is pinned.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionV1 } from '../../../common/wire/index.ts';
import type { PublicSubmission, PublicSubmissionPage } from '../../../common/wire/moderation.ts';
import type { OpenDataCounts, PublicAnswerSummary } from '../../../common/wire/open-data.ts';
import {
  addStaffUser,
  answerItem,
  STORE_KINDS,
  send,
  signIn,
  staffHeaders,
  TRYGGARE,
  type TestApp,
  testApp,
} from '../../test/index.ts';
import { ownComment } from '../staff-queue/testing.ts';

const T = TRYGGARE.insatsId;
const device = () => `device-${randomUUID().slice(0, 12)}`;

/** What the public can read, all of it. */
interface Public {
  counts: OpenDataCounts;
  csv: string;
  answers: PublicAnswerSummary[];
  /** Every listed item by key, and the delområde the `area` filter placed it in, if any. */
  items: Map<string, PublicSubmission & { filteredArea?: string }>;
}

async function readAll(t: TestApp): Promise<Public> {
  const json = async <X>(path: string) => {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as X;
  };
  const counts = await json<OpenDataCounts>('/api/open-data/counts');
  const csv = await (await t.app.request('/api/open-data/counts.csv')).text();
  const answers = await Promise.all(
    counts.insatser.flatMap((i) =>
      i.id === null ? [] : [json<PublicAnswerSummary>(`/api/public/answers/${i.id}`)],
    ),
  );
  const items = new Map<string, PublicSubmission & { filteredArea?: string }>();
  const list = async (query: string, area?: string) => {
    let cursor: string | null = null;
    do {
      const page: PublicSubmissionPage = await json(
        `/api/public/submissions?limit=50${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      for (const item of page.items) {
        const known = items.get(item.key);
        items.set(item.key, { ...item, ...known, ...(area ? { filteredArea: area } : {}) });
      }
      cursor = page.next;
    } while (cursor !== null);
  };
  await list('');
  for (const i of counts.insatser) await list(`&insats=${i.id ?? 'none'}`);
  for (const kind of ['answer', 'comment', 'proposal']) await list(`&kind=${kind}`);
  for (const a of counts.areas) if (a.code !== null) await list(`&area=${a.code}`, a.code);
  return { counts, csv, answers, items };
}

/**
 * For each cell published as "fewer than 5", the true values 0–4 consistent with everything
 * public. An item known to be in the cell (its delområde shown, or found by the area filter)
 * is a lower bound; items of the same insats whose delområde is not known are somewhere in that
 * insats's cells that do not show delområden, each holding at most its published bound.
 */
function consistentValues(pub: Public): Map<string, number[]> {
  const to = pub.counts.period.to;
  const inPeriod = [...pub.items.values()].filter((i) => i.day <= to);
  const areaOf = (i: PublicSubmission & { filteredArea?: string }) => i.area?.code ?? i.filteredArea ?? null;
  const key = (area: string | null, insats: string | null) => `${area ?? '-'}×${insats ?? '-'}`;
  const known = new Map<string, number>();
  const unplaced = new Map<string | null, number>();
  for (const i of inPeriod) {
    const area = areaOf(i);
    if (area === null) unplaced.set(i.insatsId, (unplaced.get(i.insatsId) ?? 0) + 1);
    else known.set(key(area, i.insatsId), (known.get(key(area, i.insatsId)) ?? 0) + 1);
  }
  const out = new Map<string, number[]>();
  const cells = pub.counts.cells;
  for (const c of cells) {
    if (!c.fewerThan5) continue;
    const here = known.get(key(c.area, c.insats)) ?? 0;
    // Where this insats's unplaced items could be: its "fewer than 5" cells and its no-area cell.
    const others = cells.filter((o) => o.insats === c.insats && o !== c && (o.fewerThan5 || o.area === null));
    const room = others.reduce(
      (sum, o) => sum + (o.fewerThan5 ? 4 : (o.count ?? 0) + 4) - (known.get(key(o.area, o.insats)) ?? 0),
      0,
    );
    const mustHold = unplaced.get(c.insats) ?? 0;
    out.set(
      key(c.area, c.insats),
      [0, 1, 2, 3, 4].filter((v) => v >= here && v - here + room >= mustHold),
    );
  }
  return out;
}

describe.each(STORE_KINDS)('small counts across every public endpoint on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ kind, now: () => Date.parse('2026-11-25T10:00:00Z') });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    const moderator = await signIn(t.app, 'moderator@malmo.se');
    const comment = (text: string, over: Partial<SubmissionV1> = {}) => ownComment(text, over);
    const approved: SubmissionV1[] = [
      // The probe's cell: 4 approved comments in Södra Sofielund on one insats, on two days.
      ...[1, 2, 3, 4].map((n) =>
        comment(`Kommentar ${n} om Seved.`, {
          createdAt: n <= 2 ? '2026-11-20T18:30:00.000Z' : '2026-11-22T09:00:00.000Z',
        }),
      ),
      // 11320 × Tryggare: 2 comments approved, with 5 choice answers published as 5.
      ...[1, 2].map((n) => comment(`Möllan ${n}.`, { location: { areaCode: '11320' } })),
      // 11321 × no insats: 3 approved, 1 pending (4).
      ...[1, 2, 3].map((n) => comment(`Idé ${n}.`, { insatsId: undefined, location: { areaCode: '11321' } })),
      // 11322 × Tryggare: 2 short-text answers, approved.
      ...[1, 2].map(() =>
        answerItem({
          deviceId: device(),
          location: { areaCode: '11322' },
          answers: [{ questionId: TRYGGARE.text, questionVersion: 1, value: 'Vid parken.' }],
        }),
      ),
      // In no delområde.
      comment('Ingen plats vald.', { location: {} }),
    ];
    const pending = [
      ...Array.from({ length: 5 }, () => answerItem({ deviceId: device(), location: { areaCode: '11320' } })),
      comment('Idé 4.', { insatsId: undefined, location: { areaCode: '11321' } }),
    ];
    const results = await send(t, [...approved, ...pending]);
    expect(results.every((r) => r.status === 'created')).toBe(true);
    const res = await t.app.request('/api/staff/moderation', {
      method: 'POST',
      headers: staffHeaders(moderator, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ target: { ids: approved.map((i) => i.id) }, action: 'approve' }),
    });
    expect(res.status).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  it('should pin no "fewer than 5" cell, whatever the public combines', async () => {
    const pub = await readAll(t);
    const cell = (area: string | null, insats: string | null) =>
      pub.counts.cells.find((c) => c.area === area && c.insats === insats);
    // The scene is what it should be: the small cells are suppressed, 11320 × Tryggare is 5.
    for (const [area, insats] of [
      ['11319', T],
      ['11321', null],
      ['11322', T],
      [null, T],
    ] as const)
      expect(cell(area, insats)?.fewerThan5, `${area} × ${insats}`).toBe(true);
    expect(cell('11320', T)?.count).toBe(5);
    expect(pub.items.size).toBe(12);

    const pinned = [...consistentValues(pub)].filter(([, values]) => values.length < 2);
    expect(pinned).toEqual([]);

    // Every published number, wherever it is, is "<5" or a multiple of 5.
    const numbers = [
      ...pub.counts.cells.map((c) => c.count ?? 0),
      ...pub.answers.flatMap((a) => a.questions.flatMap((q) => q.options.map((o) => o.count ?? 0))),
      ...pub.csv
        .split('\r\n')
        .slice(1)
        .filter((l) => l !== '')
        .map((l) => l.split(';')[5]?.replaceAll('"', ''))
        .map((c) => (c === '<5' ? 0 : Number(c))),
    ];
    expect(numbers.length).toBeGreaterThan(2 * pub.counts.cells.length);
    expect(numbers.filter((n) => !(n % 5 === 0))).toEqual([]);
  });

  it('should list items of a cell published at 5 or more with their delområde, and others without', async () => {
    const pub = await readAll(t);
    const byText = (text: string) => [...pub.items.values()].find((i) => i.text === text);
    expect(byText('Möllan 1.')?.area?.code).toBe('11320');
    expect(byText('Kommentar 1 om Seved.')?.area).toBeNull();
    expect(byText('Idé 1.')?.area).toBeNull();
    const seved = await t.app.request('/api/public/submissions?area=11319');
    expect(((await seved.json()) as PublicSubmissionPage).items).toEqual([]);
  });
});
