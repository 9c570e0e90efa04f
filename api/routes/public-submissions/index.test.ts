import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSubmissionPage } from '../../../common/wire/moderation.ts';
import { REDACTION_PLACEHOLDER } from '../../store/moderation.ts';
import {
  addStaffUser,
  type Signed,
  send,
  signIn,
  STORE_KINDS,
  staffHeaders,
  type TestApp,
  TRYGGARE,
  testApp,
} from '../../test/index.ts';
import { ownComment } from '../staff-queue/testing.ts';
import { fillCells } from './testing.ts';

const PNR = '19811218-9876';
const EMAIL = 'anna.svensson@example.se';

describe.each(STORE_KINDS)('GET /api/public/submissions on %s', (kind) => {
  let t: TestApp;
  let moderator: Signed;
  beforeAll(async () => {
    t = await testApp({ kind, config: { rateLimit: { perDevice: null, perAddress: 40 } } });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    moderator = await signIn(t.app, 'moderator@malmo.se');
    // Cells published at 5 or more, so their items are listed with their delområde.
    await fillCells(t, [
      { area: '11321', insats: TRYGGARE.insatsId },
      { area: '11320', insats: TRYGGARE.insatsId },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const staff = (method: string, path: string, body: unknown) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(moderator, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
  const approve = (ids: string[]) =>
    staff('POST', '/api/staff/moderation', { target: { ids }, action: 'approve' });
  const list = async (query = '') => {
    const res = await t.app.request(`/api/public/submissions${query}`);
    expect(res.status).toBe(200);
    return { res, body: (await res.json()) as PublicSubmissionPage };
  };

  it('should never show contact details, ids, device ids or text of a pending or redacted submission', async () => {
    const text = `Jag heter Anna, ${PNR}, mejla ${EMAIL}.`;
    const item = ownComment(text, {
      contact: { email: 'kontakt@example.se', phone: '0701234567', consentVersion: 'v1' },
    });
    const [result] = await send(t, [item]);
    const secrets = [
      PNR,
      EMAIL,
      'kontakt@example.se',
      '0701234567',
      item.id,
      item.deviceId,
      String(result?.receipt),
    ];
    const leaks = async () => {
      const { body } = await list('?limit=50');
      const json = JSON.stringify(body);
      return secrets.filter((s) => json.includes(s));
    };
    // Pending: not listed at all.
    expect(await leaks()).toEqual([]);
    expect((await list()).body.items).toEqual([]);

    for (const secret of [PNR, EMAIL]) {
      const current = (await t.store.getSubmission(item.id))?.text ?? '';
      const start = current.indexOf(secret);
      const res = await staff('POST', `/api/staff/submissions/${item.id}/redactions`, {
        field: 'text',
        spans: [{ start, end: start + secret.length }],
      });
      expect(res.status).toBe(201);
    }
    await approve([item.id]);
    const { body } = await list();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.text).toBe(
      `Jag heter Anna, ${REDACTION_PLACEHOLDER}, mejla ${REDACTION_PLACEHOLDER}.`,
    );
    expect(await leaks()).toEqual([]);
  });

  it('should let caches keep a page only if they ask again: 304 while unchanged, the new page once an item is hidden', async () => {
    const item = ownComment('Cachad kommentar om Möllan.', { location: { areaCode: '11321' } });
    await send(t, [item]);
    await approve([item.id]);
    const first = await list('?area=11321');
    expect(first.res.headers.get('Cache-Control')).toBe('no-cache');
    const etag = first.res.headers.get('ETag') as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.body.items.map((i) => i.text)).toEqual(['Cachad kommentar om Möllan.']);

    const again = await t.app.request('/api/public/submissions?area=11321', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(await again.text()).toBe('');

    await staff('POST', '/api/staff/moderation', { target: { ids: [item.id] }, action: 'hide' });
    const after = await t.app.request('/api/public/submissions?area=11321', {
      headers: { 'If-None-Match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    expect(((await after.json()) as PublicSubmissionPage).items).toEqual([]);
  });

  it('should show approved items newest first with area, day and official answer', async () => {
    const a = ownComment('Fler bänkar på Möllan.', { location: { areaCode: '11320' } });
    const b = ownComment('Förslag om takodling.', {
      kind: 'proposal',
      title: 'Takodling',
      respondent: { group: 'association', organisation: 'Odla Malmö' },
      insatsId: undefined,
    });
    const rejected = ownComment('Inget att visa.');
    for (const item of [a, b, rejected]) await send(t, [item]);
    await approve([a.id, b.id]);
    await staff('POST', '/api/staff/moderation', {
      target: { ids: [rejected.id] },
      action: 'reject',
      reason: { text: 'Nej' },
    });
    await staff('PUT', `/api/staff/submissions/${a.id}/answer`, { text: 'Vi ställer ut bänkar i vår.' });

    const { res, body } = await list('?limit=50');
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const texts = body.items.map((i) => i.text);
    expect(texts.slice(0, 2)).toEqual(['Förslag om takodling.', 'Fler bänkar på Möllan.']);
    expect(texts).not.toContain('Inget att visa.');
    expect(body.items[0]).toMatchObject({ kind: 'proposal', organisation: 'Odla Malmö', insatsId: null });
    expect(body.items[1]).toMatchObject({
      area: { code: '11320', name: expect.any(String) },
      day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      answer: { text: 'Vi ställer ut bänkar i vår.' },
      organisation: null,
    });

    expect((await list('?area=11320')).body.items.map((i) => i.text)).toEqual(['Fler bänkar på Möllan.']);
    expect((await list('?insats=exempel-tryggare-malmo')).body.items.map((i) => i.text)).not.toContain(
      'Förslag om takodling.',
    );
    // Paging one at a time gives the same items, each once.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: PublicSubmissionPage = (await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body;
      paged.push(...page.items.map((i) => i.key));
      cursor = page.next;
    } while (cursor !== null);
    expect(paged).toEqual(body.items.map((i) => i.key));
  });

  it('should refuse malformed queries, and limit requests per address', async () => {
    for (const query of ['?area=1', '?limit=0', '?cursor=xyz', '?id=1']) {
      const res = await t.app.request(`/api/public/submissions${query}`);
      expect(res.status, query).toBe(400);
    }
    let status = 200;
    // 100 requests: more than the limit in one window even if a minute boundary passes meanwhile.
    for (let i = 0; i < 100 && status === 200; i++) {
      status = (await t.app.request('/api/public/submissions?limit=1')).status;
    }
    expect(status).toBe(429);
  });
});
