import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Insats } from '../../../common/wire/index.ts';
import type { SensitiveWarning } from '../../../common/wire/insatser-admin.ts';
import {
  contains,
  hugePng,
  jpegThenGpsJpeg,
  jpegTurnedByExif,
  jpegWithGps,
  jpegWithTrailer,
  pngWithTrailer,
  SECRET,
  webpWithUnknownChunk,
} from '../../domain/insatser/test-images.ts';
import type { StaffInsats, StaffQuestion } from '../../store/index.ts';
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

const NEW_INSATS = {
  title: { sv: 'Fritidsgården på Seved', en: 'The youth centre in Seved' },
  summary: { sv: 'Längre öppettider på kvällarna.', en: 'Longer opening hours in the evening.' },
  namnder: ['Fritidsnämnden'],
  areaCodes: ['11319'],
  dimensions: ['social'],
  kind: 'local-development',
  status: 'planned',
  period: { start: '2027-01-01', end: '2027-12-31' },
  contact: { name: 'Anna Andersson', email: 'anna.andersson@malmo.se' },
};
const SCALE = {
  kind: 'scale',
  text: { sv: 'Hur bra är fritidsgården?', en: 'How good is the youth centre?' },
};

describe.each(STORE_KINDS)('staff insatser on %s', (kind) => {
  let t: TestApp;
  let analyst: Signed;
  let moderator: Signed;
  let admin: Signed;
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: false });
    await addStaffUser(t.store, { email: 'analyst@malmo.se', role: 'analyst' });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin' });
    analyst = await signIn(t.app, 'analyst@malmo.se');
    moderator = await signIn(t.app, 'moderator@malmo.se');
    admin = await signIn(t.app, 'admin@malmo.se');
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const request = (method: string, path: string, body: unknown, who: Signed) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(who, body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const putImage = (id: string, body: Uint8Array, type: string, who = moderator) =>
    t.app.request(`/api/staff/insatser/${id}/image`, {
      method: 'PUT',
      headers: staffHeaders(who, { 'Content-Type': type }),
      body: new Uint8Array(body),
    });
  const catalogue = async () =>
    ((await (await t.app.request('/api/insatser')).json()) as { insatser: Insats[] }).insatser;
  const audit = (targetId: string) =>
    t.store.listAudit({ targetId, limit: 100 }).then((rows) => rows.map((r) => r.action).reverse());
  const answer = (insatsId: string, questionId: string, version: number, value: number) =>
    answerItem({
      id: randomUUID(),
      insatsId,
      answers: [{ questionId, questionVersion: version, value }],
    });

  async function draft(): Promise<StaffInsats> {
    const res = await request('POST', '/api/staff/insatser', NEW_INSATS, moderator);
    expect(res.status).toBe(201);
    return (await res.json()) as StaffInsats;
  }
  async function addScale(insatsId: string): Promise<StaffQuestion> {
    const res = await request('POST', `/api/staff/insatser/${insatsId}/questions`, SCALE, moderator);
    expect(res.status).toBe(201);
    return ((await res.json()) as { question: StaffQuestion }).question;
  }

  it('should take an insats from draft to published to archived, with role checks and audit rows', async () => {
    // Analysts read, never write.
    expect((await request('POST', '/api/staff/insatser', NEW_INSATS, analyst)).status).toBe(403);
    const insats = await draft();
    expect(insats).toMatchObject({
      id: 'fritidsgarden-pa-seved',
      lifecycle: 'draft',
      kind: 'local-development',
    });
    expect((await request('GET', `/api/staff/insatser/${insats.id}`, undefined, analyst)).status).toBe(200);
    expect(
      (await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, analyst)).status,
    ).toBe(403);
    // A draft is not in the public catalogue.
    expect((await catalogue()).map((i) => i.id)).not.toContain(insats.id);

    await addScale(insats.id);
    const published = await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator);
    expect(published.status).toBe(200);
    expect(((await published.json()) as StaffInsats).lifecycle).toBe('published');
    const inCatalogue = (await catalogue()).find((i) => i.id === insats.id);
    expect(inCatalogue?.questions.map((q) => q.kind)).toEqual(['scale']);
    // Publishing twice is not a change the lifecycle allows.
    expect(
      (await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator)).status,
    ).toBe(409);

    const patched = await request(
      'PATCH',
      `/api/staff/insatser/${insats.id}`,
      { areaCodes: ['11319', '11316'], contact: null },
      moderator,
    );
    expect(patched.status).toBe(200);
    expect((await patched.json()) as StaffInsats).toMatchObject({ areaCodes: ['11316', '11319'] });
    expect(((await t.store.getStaffInsats(insats.id)) as StaffInsats).contact).toBeUndefined();

    const archived = await request('POST', `/api/staff/insatser/${insats.id}/archive`, undefined, admin);
    expect(((await archived.json()) as StaffInsats).lifecycle).toBe('archived');
    expect((await catalogue()).map((i) => i.id)).not.toContain(insats.id);

    expect(await audit(insats.id)).toEqual([
      'insats.create',
      'insats.publish',
      'insats.update',
      'insats.archive',
    ]);
    const [update] = await t.store.listAudit({ targetId: insats.id, action: 'insats.update', limit: 1 });
    expect(update?.before).toEqual({ areaCodes: ['11319'], contact: NEW_INSATS.contact });
    expect(update?.after).toEqual({ areaCodes: ['11316', '11319'], contact: null });
    expect(update?.actorLabel).toBe('moderator@malmo.se');
  });

  it('should keep texts in every language the app offers, easy-read Swedish included', async () => {
    const more = {
      'sv-x-lattlast': 'Fritidsgården har öppet längre.',
      ckb: 'یانەی گەنجان',
      so: 'Xarunta dhallinyarada',
    };
    const res = await request(
      'POST',
      '/api/staff/insatser',
      { ...NEW_INSATS, title: { sv: 'Språkgården', ...more }, summary: { ...NEW_INSATS.summary, ...more } },
      moderator,
    );
    expect(res.status).toBe(201);
    const insats = (await res.json()) as StaffInsats;
    expect(insats.title).toEqual({ sv: 'Språkgården', ...more });
    const question = await request(
      'POST',
      `/api/staff/insatser/${insats.id}/questions`,
      { ...SCALE, text: { ...SCALE.text, ti: 'ከመይ እዩ?', kmr: 'Çawa ye?' } },
      moderator,
    );
    expect(((await question.json()) as { question: StaffQuestion }).question.text).toEqual({
      ...SCALE.text,
      ti: 'ከመይ እዩ?',
      kmr: 'Çawa ye?',
    });
    await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator);
    const shown = (await catalogue()).find((i) => i.id === insats.id);
    expect(shown?.summary).toEqual({ ...NEW_INSATS.summary, ...more });
    expect(shown?.questions[0]?.text).toMatchObject({ ti: 'ከመይ እዩ?', kmr: 'Çawa ye?' });
  });

  it('should refuse an unknown nämnd, and let only admins add one', async () => {
    const refused = await request(
      'POST',
      '/api/staff/insatser',
      { ...NEW_INSATS, namnder: ['Okänd nämnd'] },
      moderator,
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('namnder');
    expect((await request('POST', '/api/staff/namnder', { name: 'Okänd nämnd' }, moderator)).status).toBe(
      403,
    );
    expect((await request('POST', '/api/staff/namnder', { name: 'Okänd nämnd' }, admin)).status).toBe(200);
    const names = (
      (await (await request('GET', '/api/staff/namnder', undefined, analyst)).json()) as {
        namnder: { name: string }[];
      }
    ).namnder.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['Okänd nämnd', 'Tekniska nämnden', 'Förskolenämnden']));
    const created = await request(
      'POST',
      '/api/staff/insatser',
      { ...NEW_INSATS, namnder: ['Okänd nämnd'] },
      moderator,
    );
    expect(created.status).toBe(201);
    // The id made from the title was taken by the first test: another one was made.
    expect(((await created.json()) as StaffInsats).id).toMatch(/^fritidsgarden-pa-seved-[0-9a-f]{6}$/);
  });

  it('should keep answers on the version people saw, and accept late answers to v1 and to an archived insats', async () => {
    const insats = await draft();
    const question = await addScale(insats.id);
    // Before any answer, an edit changes version 1 in place.
    const early = await request(
      'PATCH',
      `/api/staff/insatser/${insats.id}/questions/${question.id}`,
      { text: { sv: 'Hur bra är fritidsgården i dag?' } },
      moderator,
    );
    expect(((await early.json()) as { question: StaffQuestion }).question.version).toBe(1);
    await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator);

    const [first] = await send(t, [answer(insats.id, question.id, 1, 4)]);
    expect(first?.status).toBe('created');
    const edited = await request(
      'PATCH',
      `/api/staff/insatser/${insats.id}/questions/${question.id}`,
      { text: { sv: 'Hur bra är fritidsgården på kvällen?' } },
      moderator,
    );
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { question: StaffQuestion }).question).toMatchObject({
      version: 2,
      answers: 1,
    });
    expect((await catalogue()).find((i) => i.id === insats.id)?.questions[0]).toMatchObject({
      id: question.id,
      version: 2,
      text: { sv: 'Hur bra är fritidsgården på kvällen?' },
    });
    const v1 = await t.store.getSubmission(first?.id ?? '');
    expect(v1?.answers).toEqual([{ questionId: question.id, questionVersion: 1, value: 4 }]);

    // A device that was offline answers version 1 after the edit: accepted, counted on v1.
    const [offline, current] = await send(t, [
      answer(insats.id, question.id, 1, 2),
      answer(insats.id, question.id, 2, 5),
    ]);
    expect(offline?.status).toBe('created');
    expect(current?.status).toBe('created');
    expect((await t.store.getSubmission(offline?.id ?? ''))?.answers[0]?.questionVersion).toBe(1);
    expect((await t.store.getSubmission(offline?.id ?? ''))?.late).toBeUndefined();

    // Archived since: still accepted, marked late, on the version answered.
    await request('POST', `/api/staff/insatser/${insats.id}/archive`, undefined, moderator);
    const [late] = await send(t, [answer(insats.id, question.id, 1, 3)]);
    expect(late?.status).toBe('created');
    const stored = await t.store.getSubmission(late?.id ?? '');
    expect(stored).toMatchObject({ late: true, answers: [{ questionVersion: 1, value: 3 }] });
    expect(await audit(question.id)).toEqual(['question.create', 'question.update', 'question.version']);
  });

  it('should make a new version when a published question changes before any answer (devices may hold it)', async () => {
    const insats = await draft();
    const question = await addScale(insats.id);
    await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator);
    const edited = await request(
      'PATCH',
      `/api/staff/insatser/${insats.id}/questions/${question.id}`,
      { audience: 'youth' },
      moderator,
    );
    expect(((await edited.json()) as { question: StaffQuestion }).question).toMatchObject({
      version: 2,
      audience: 'youth',
      answers: 0,
    });
    // The device that fetched version 1 before the change still gets its answer in.
    expect((await send(t, [answer(insats.id, question.id, 1, 5)]))[0]?.status).toBe('created');
  });

  it('should let only admins fix a typo without a new version', async () => {
    const insats = await draft();
    const question = await addScale(insats.id);
    await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator);
    await send(t, [answer(insats.id, question.id, 1, 4)]);
    const fix = {
      text: { sv: 'Hur bra är fritidsgården?', en: 'How good is the youth center?' },
      typoFix: true,
    };
    const path = `/api/staff/insatser/${insats.id}/questions/${question.id}`;
    expect((await request('PATCH', path, fix, moderator)).status).toBe(403);
    const fixed = await request('PATCH', path, fix, admin);
    expect(fixed.status).toBe(200);
    expect(((await fixed.json()) as { question: StaffQuestion }).question).toMatchObject({
      version: 1,
      text: { en: 'How good is the youth center?' },
    });
    // A typo fix keeps the kind.
    expect((await request('PATCH', path, { kind: 'text', typoFix: true }, admin)).status).toBe(400);
    const [row] = await t.store.listAudit({ targetId: question.id, action: 'question.typo-fix', limit: 1 });
    expect(row?.actorLabel).toBe('admin@malmo.se');
    expect(row?.before).toMatchObject({ version: 1, text: { en: 'How good is the youth centre?' } });
  });

  it('should hide an answered question from the catalogue, keep it for its answers, and reorder', async () => {
    const insats = await draft();
    const a = await addScale(insats.id);
    const b = await addScale(insats.id);
    const order = await request(
      'POST',
      `/api/staff/insatser/${insats.id}/questions/order`,
      { ids: [b.id, a.id] },
      moderator,
    );
    expect(((await order.json()) as StaffInsats).questions.map((q) => q.id)).toEqual([b.id, a.id]);
    await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator);
    await send(t, [answer(insats.id, a.id, 1, 4)]);
    expect(
      (await request('DELETE', `/api/staff/insatser/${insats.id}/questions/${a.id}`, undefined, moderator))
        .status,
    ).toBe(204);
    expect(
      (await request('DELETE', `/api/staff/insatser/${insats.id}/questions/${b.id}`, undefined, moderator))
        .status,
    ).toBe(204);
    expect((await catalogue()).find((i) => i.id === insats.id)?.questions).toEqual([]);
    // Both hidden: the insats was published, so a device may hold b too.
    const staffView = (await t.store.getStaffInsats(insats.id))?.questions;
    expect(staffView?.map((q) => [q.id, q.hidden, q.answers])).toEqual([
      [b.id, true, 0],
      [a.id, true, 1],
    ]);
    // An offline device still answers the hidden question.
    expect((await send(t, [answer(insats.id, a.id, 1, 2)]))[0]?.status).toBe('created');
    expect(await audit(a.id)).toEqual(['question.create', 'question.hide']);
    expect(await audit(b.id)).toEqual(['question.create', 'question.hide']);
    // In a draft no device has it: deleted.
    const other = await draft();
    const c = await addScale(other.id);
    await request('DELETE', `/api/staff/insatser/${other.id}/questions/${c.id}`, undefined, moderator);
    expect((await t.store.getStaffInsats(other.id))?.questions).toEqual([]);
    expect(await audit(c.id)).toEqual(['question.create', 'question.delete']);
  });

  it('should warn, not refuse, when a question asks about sensitive topics', async () => {
    const insats = await draft();
    const res = await request(
      'POST',
      `/api/staff/insatser/${insats.id}/questions`,
      {
        kind: 'single',
        text: { sv: 'Vilken religion har du?', en: 'Which party do you vote for?' },
        options: [{ label: { sv: 'Ingen' } }, { label: { sv: 'Vill inte svara' } }],
      },
      moderator,
    );
    expect(res.status).toBe(201);
    const { warnings } = (await res.json()) as { warnings: SensitiveWarning[] };
    expect(warnings).toEqual([
      { path: 'text.sv', topic: 'religion', match: 'religion' },
      { path: 'text.en', topic: 'politics', match: 'party' },
    ]);
    const check = await request(
      'POST',
      '/api/staff/question-warnings',
      { kind: 'text', text: { sv: 'Vad gör du på fritiden?' } },
      moderator,
    );
    expect(await check.json()).toEqual({ warnings: [] });
  });

  it('should answer the catalogue with an ETag, 304 while unchanged, and a new ETag after a change', async () => {
    const first = await t.app.request('/api/insatser');
    const tag = first.headers.get('ETag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('Cache-Control')).toBe('no-cache');
    const again = await t.app.request('/api/insatser', { headers: { 'If-None-Match': tag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const insats = await draft();
    await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator);
    const changed = await t.app.request('/api/insatser', { headers: { 'If-None-Match': tag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(tag);
  });

  it('should store an image without its metadata, serve it once published, and refuse wrong types and sizes', async () => {
    const insats = await draft();
    const jpeg = await jpegWithGps();
    expect((await putImage(insats.id, jpeg, 'image/jpeg', analyst)).status).toBe(403);
    expect((await putImage(insats.id, jpeg, 'image/gif')).status).toBe(415);
    expect((await putImage(insats.id, Buffer.alloc(1_000_001), 'image/png')).status).toBe(413);
    const wrongType = await putImage(insats.id, jpeg, 'image/png');
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { detail: string }).detail).toBe(
      'This is a image/jpeg image, not image/png; send it as image/jpeg.',
    );
    const stored = await putImage(insats.id, jpeg, 'image/jpeg');
    expect(stored.status).toBe(200);
    // Drafts' images are not public.
    expect((await t.app.request(`/api/insatser/${insats.id}/image`)).status).toBe(404);
    await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator);
    const image = await t.app.request(`/api/insatser/${insats.id}/image`);
    expect(image.status).toBe(200);
    expect(image.headers.get('Content-Type')).toBe('image/jpeg');
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(contains(bytes, SECRET)).toBe(false);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const etag = image.headers.get('ETag') ?? '';
    expect(
      (await t.app.request(`/api/insatser/${insats.id}/image`, { headers: { 'If-None-Match': etag } }))
        .status,
    ).toBe(304);
    const inCatalogue = (await catalogue()).find((i) => i.id === insats.id) as Insats & {
      image?: { hash: string };
    };
    expect(`"${inCatalogue.image?.hash}"`).toBe(etag);
    expect(await audit(insats.id)).toContain('insats.image');
  });

  it('should store and serve only the pixels of images that carry more after the picture', async () => {
    const insats = await draft();
    await request('POST', `/api/staff/insatser/${insats.id}/publish`, undefined, moderator);
    for (const [name, type, input] of [
      ['JPEG followed by a JPEG with GPS', 'image/jpeg', await jpegThenGpsJpeg()],
      ['JPEG with trailing bytes', 'image/jpeg', await jpegWithTrailer()],
      ['PNG with trailing bytes', 'image/png', await pngWithTrailer()],
      ['WebP with an unknown chunk', 'image/webp', await webpWithUnknownChunk()],
    ] as const) {
      expect((await putImage(insats.id, input, type)).status, name).toBe(200);
      for (const path of [`/api/insatser/${insats.id}/image`, `/api/staff/insatser/${insats.id}/image`]) {
        const res = await t.app.request(path, { headers: staffHeaders(moderator) });
        const served = new Uint8Array(await res.arrayBuffer());
        expect(contains(served, SECRET), `${name} at ${path}`).toBe(false);
        expect(imageEndsAtLastByte(type, served), name).toBe(true);
        expect((await sharp(served).metadata()).exif, name).toBeUndefined();
      }
      const stored = await t.store.getInsatsImage(insats.id, { publishedOnly: true });
      expect(contains(stored?.data ?? new Uint8Array(), SECRET), name).toBe(false);
    }
  });

  it('should store a photo turned the way its Exif orientation says, and refuse a huge PNG before decoding it', async () => {
    const insats = await draft();
    expect((await putImage(insats.id, await jpegTurnedByExif(), 'image/jpeg')).status).toBe(200);
    const stored = await t.store.getInsatsImage(insats.id, { publishedOnly: false });
    const meta = await sharp(stored?.data).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([20, 40, undefined]);
    const top = await sharp(stored?.data).extract({ left: 5, top: 5, width: 1, height: 1 }).raw().toBuffer();
    expect(top[0]).toBeGreaterThan(200); // red on top, as the phone showed it

    const huge = await putImage(insats.id, hugePng(), 'image/png');
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { detail: string }).detail).toContain('40000 × 40000 pixels');
    // The image before is kept.
    expect((await t.store.getInsatsImage(insats.id, { publishedOnly: false }))?.data).toEqual(stored?.data);
  });
});

/** Whether the file ends where its format says the image ends: nothing after it. */
function imageEndsAtLastByte(type: string, data: Uint8Array): boolean {
  const b = Buffer.from(data);
  if (type === 'image/jpeg') return b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
  if (type === 'image/png') return b.subarray(b.length - 8, b.length - 4).toString('latin1') === 'IEND';
  return b.readUInt32LE(4) === b.length - 8;
}
