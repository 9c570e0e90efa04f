import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaffUser, send, signIn, staffHeaders, type TestApp, testApp } from '../../test/index.ts';
import { ownComment } from '../staff-queue/testing.ts';

/**
 * Absolute URLs the server writes come from the link origin (PUBLIC_URL, or on a local trial
 * http://localhost:PORT), never from a request's Host header.
 */
describe('absolute links', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ config: { linkOrigin: 'http://localhost:8787' } });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('should describe the open data with the same links and ETag whatever Host the request names', async () => {
    const honest = await t.app.request('http://localhost:8787/api/open-data/dataset.jsonld');
    const forged = await t.app.request('http://evil.example/api/open-data/dataset.jsonld', {
      headers: { Host: 'evil.example' },
    });
    const [a, b] = [await honest.text(), await forged.text()];
    expect(b).toBe(a);
    expect(b).not.toContain('evil.example');
    expect(b).toContain('http://localhost:8787/api/open-data/counts.csv');
    expect(forged.headers.get('ETag')).toBe(honest.headers.get('ETag'));
  });

  it("should link the answer e-mail to the link origin's My input page, not to the request's Host", async () => {
    const moderator = await signIn(t.app, 'moderator@malmo.se');
    const item = ownComment('Varför är det så mörkt i tunneln?', {
      contact: { email: 'ung.person@example.se', consentVersion: 'v1' },
    });
    await send(t, [item]);
    const res = await t.app.request(`http://evil.example/api/staff/submissions/${item.id}/answer`, {
      method: 'PUT',
      headers: staffHeaders(moderator, {
        'Content-Type': 'application/json',
        Host: 'evil.example',
        Origin: 'http://evil.example',
      }),
      body: JSON.stringify({ text: 'Vi byter belysningen i december.' }),
    });
    expect(res.status).toBe(200);
    const [mail] = await t.query<{ text: string }>(
      "SELECT body_text AS text FROM mail_outbox WHERE kind = 'answer'",
    );
    expect(mail?.text).toContain('http://localhost:8787/');
    expect(mail?.text).not.toContain('evil.example');
  });
});
