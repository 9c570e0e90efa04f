import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { Insats, InsatsList } from '../../../common/wire/index.ts';
import { STORE_KINDS, type TestApp, testApp } from '../../test/index.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function list(app: TestApp) {
  const res = await app.app.request('/api/insatser');
  expect(res.status).toBe(200);
  return v.parse(InsatsList, await res.json()).insatser;
}

describe.each(STORE_KINDS)('GET /api/insatser on %s', (kind) => {
  it('should list the example insatser, marked as examples, each with a question of every kind', async () => {
    t = await testApp({ kind, exampleContent: true });
    const insatser = await list(t);
    expect(insatser.map((i) => i.title.sv)).toEqual([
      'Exempel: Prao i år 8',
      'Exempel: Tryggare Malmö',
      'Exempel: Ung i sommar',
    ]);
    for (const insats of insatser) {
      expect(insats.example).toBe(true);
      expect(insats.questions.map((q) => q.kind).sort()).toEqual(['multiple', 'scale', 'single', 'text']);
      expect(insats.title.en).toBeTruthy();
      expect(insats.title.ar).toBeTruthy();
      for (const q of insats.questions.filter((q) => q.kind === 'single' || q.kind === 'multiple')) {
        expect(q.options?.length).toBeGreaterThan(1);
      }
    }
  });

  it('should list nothing when example content is off', async () => {
    t = await testApp({ kind, exampleContent: false });
    expect(await list(t)).toEqual([]);
  });

  it('should show only the latest version of a changed question', async () => {
    t = await testApp({ kind });
    const insats = (await t.store.getPublishedInsats('exempel-prao-ar-8')) as Insats;
    const questions = insats.questions.map((q) =>
      q.id === 'prao-hjalp' ? { ...q, version: 2, text: { sv: 'Fick du hjälp att hitta en plats?' } } : q,
    );
    await t.store.saveInsats({ ...insats, questions }, { published: true });
    const shown = (await list(t)).find((i) => i.id === 'exempel-prao-ar-8');
    expect(shown?.questions.filter((q) => q.id === 'prao-hjalp')).toEqual([
      expect.objectContaining({ version: 2, text: { sv: 'Fick du hjälp att hitta en plats?' } }),
    ]);
    expect(shown?.questions.map((q) => q.id)).toEqual(insats.questions.map((q) => q.id));
  });

  it('should let a device revalidate its offline copy with an ETag', async () => {
    t = await testApp({ kind });
    const first = await t.app.request('/api/insatser');
    const tag = first.headers.get('ETag');
    expect(tag).toBeTruthy();
    const again = await t.app.request('/api/insatser', { headers: { 'If-None-Match': tag ?? '' } });
    expect(again.status).toBe(304);
  });
});

describe.each(STORE_KINDS)('GET /api/insatser/:id on %s', (kind) => {
  it('should return one published insats', async () => {
    t = await testApp({ kind });
    const res = await t.app.request('/api/insatser/exempel-ung-i-sommar');
    expect(res.status).toBe(200);
    expect(v.parse(Insats, await res.json()).title.sv).toBe('Exempel: Ung i sommar');
  });

  it.each([['finns-inte'], ['%00'], ['..%2F..%2Fetc']])('should answer 404 problem for "%s"', async (id) => {
    t = await testApp({ kind });
    const res = await t.app.request(`/api/insatser/${id}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('should answer 404 for an insats that is withdrawn', async () => {
    t = await testApp({ kind });
    await t.store.setExamplesPublished(false);
    expect((await t.app.request('/api/insatser/exempel-ung-i-sommar')).status).toBe(404);
  });
});
