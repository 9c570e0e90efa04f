import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerItem, commentItem, STORE_KINDS, send, type TestApp, testApp } from '../../test/index.ts';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

async function statuses(receipts: string[]) {
  const res = await t.post('/api/receipts', { receipts });
  expect(res.status).toBe(200);
  return ((await res.json()) as { receipts: Record<string, unknown>[] }).receipts;
}

async function receiptOf(item: unknown): Promise<string> {
  const [result] = await send(t, [item]);
  if (!result?.receipt) throw new Error('no receipt');
  return result.receipt;
}

describe.each(STORE_KINDS)('POST /api/receipts on %s', (kind) => {
  beforeEach(async () => {
    t = await testApp({ kind });
  });

  it('should say received for new input and unknown for a receipt never issued, in the order asked', async () => {
    const receipt = await receiptOf(commentItem());
    const never = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect(await statuses([never, receipt])).toEqual([
      { receipt: never, status: 'unknown' },
      { receipt, status: 'received' },
    ]);
  });

  it('should say published once a moderator approves, with the official answer', async () => {
    const receipt = await receiptOf(commentItem());
    await t.moderate(receipt, { status: 'approved', answer: 'Tack! Belysningen byts i vår.' });
    const [status] = await statuses([receipt]);
    expect(status).toMatchObject({
      receipt,
      status: 'published',
      answer: { text: 'Tack! Belysningen byts i vår.' },
    });
    const answer = status?.answer as { answeredAt: string } | undefined;
    expect(Date.parse(answer?.answeredAt ?? '')).not.toBeNaN();
  });

  it('should say not_published with the reason when rejected or hidden', async () => {
    const rejected = await receiptOf(commentItem());
    const hidden = await receiptOf(commentItem());
    await t.moderate(rejected, { status: 'rejected', reason: 'Innehöll personuppgifter.' });
    await t.moderate(hidden, { status: 'hidden' });
    expect(await statuses([rejected, hidden])).toEqual([
      { receipt: rejected, status: 'not_published', reason: 'Innehöll personuppgifter.' },
      { receipt: hidden, status: 'not_published' },
    ]);
  });

  it('should tell nothing but the status: no text, no id, no area', async () => {
    const item = commentItem({ text: 'Hemlig kommentar om gården' });
    const receipt = await receiptOf(item);
    const [status] = await statuses([receipt]);
    expect(Object.keys(status ?? {})).toEqual(['receipt', 'status']);
    const raw = JSON.stringify(status);
    expect(raw).not.toContain(item.id);
    expect(raw).not.toContain('Hemlig');
  });

  it('should say received for choice answers, which are never published one by one', async () => {
    const receipt = await receiptOf(answerItem());
    expect(await statuses([receipt])).toEqual([{ receipt, status: 'received' }]);
  });

  it.each([
    ['no receipts', { receipts: [] }],
    ['something that is not a receipt', { receipts: ["' OR 1=1 --"] }],
    ['more than 100 receipts', { receipts: Array.from({ length: 101 }, () => 'AAAAAAAAAAAAAAAAAAAAAA') }],
  ])('should answer 400 problem for %s', async (_, body) => {
    const res = await t.post('/api/receipts', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('should answer 415 for a body that is not JSON', async () => {
    const res = await t.post('/api/receipts', 'receipts=abc', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
  });
});
