import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentItem, type TestApp, testApp } from '../../test/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ type: 'about:blank', status });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
}

describe('POST /api/submissions rejects a bad request as a whole', () => {
  it('should answer 400 for malformed JSON', async () => {
    await expectProblem(await t.post('/api/submissions', '{"submissions": [}'), 400);
  });

  it('should answer 400 with the field for an empty batch', async () => {
    const body = await expectProblem(await t.post('/api/submissions', { submissions: [] }), 400);
    expect(body.errors).toEqual([{ path: 'submissions', message: 'a batch needs at least one submission' }]);
  });

  it('should answer 400 for more than 100 items, storing none of them', async () => {
    const items = Array.from({ length: 101 }, () => commentItem());
    await expectProblem(await t.post('/api/submissions', { submissions: items }), 400);
    expect(await t.store.getSubmission(items[0]?.id ?? '')).toBeUndefined();
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a batch under another name', { items: [commentItem()] }],
    ['submissions that are not a list', { submissions: commentItem() }],
  ])('should answer 400 for %s', async (_, body) => {
    await expectProblem(await t.post('/api/submissions', body), 400);
  });

  it('should accept exactly 100 items', async () => {
    const res = await t.post('/api/submissions', {
      submissions: Array.from({ length: 100 }, () => commentItem()),
    });
    expect(res.status).toBe(200);
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['']])(
    'should answer 415 for content type "%s"',
    async (type) => {
      await expectProblem(
        await t.post('/api/submissions', { submissions: [commentItem()] }, { 'Content-Type': type }),
        415,
      );
    },
  );

  it('should accept application/json with a charset', async () => {
    const res = await t.post(
      '/api/submissions',
      { submissions: [commentItem()] },
      { 'Content-Type': 'application/json; charset=utf-8' },
    );
    expect(res.status).toBe(200);
  });

  it('should answer 413 for a body over 1 MB', async () => {
    const big = JSON.stringify({ submissions: [commentItem({ text: 'x'.repeat(1_000_001) })] });
    await expectProblem(await t.post('/api/submissions', big), 413);
  });

  it('should answer 413 for a streamed body over 1 MB without Content-Length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 1_100_000) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await t.app.request('/api/submissions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(res, 413);
  });
});
