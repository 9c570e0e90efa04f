import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReasonTemplate, ReasonTemplateList, Settings } from '../../../common/wire/moderation.ts';
import {
  addStaffUser,
  type Signed,
  signIn,
  STORE_KINDS,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';

describe.each(STORE_KINDS)('staff settings on %s', (kind) => {
  let t: TestApp;
  let moderator: Signed;
  let admin: Signed;
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: false });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin' });
    moderator = await signIn(t.app, 'moderator@malmo.se');
    admin = await signIn(t.app, 'admin@malmo.se');
  });
  afterAll(async () => {
    await t.close();
  });

  const request = (method: string, path: string, body?: unknown, who = admin) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(who, body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const templates = async (query = '', who = moderator) =>
    (
      (await (
        await request('GET', `/api/staff/reason-templates${query}`, undefined, who)
      ).json()) as ReasonTemplateList
    ).templates;

  it('should let admins create, replace and delete reason templates, and moderators read the active ones', async () => {
    // The store comes with default templates (personal data, spam, …).
    const seeded = (await templates('?all=1')).map((x) => x.id);
    const created = await request('POST', '/api/staff/reason-templates', {
      label: { sv: 'Reklam' },
      text: { sv: 'Inspelet var reklam.' },
      position: 2,
    });
    expect(created.status).toBe(200);
    const spam = (await created.json()) as ReasonTemplate;
    const hidden = await request('POST', '/api/staff/reason-templates', {
      id: 'gammal',
      label: { sv: 'Gammal' },
      text: { sv: 'Används inte.' },
      active: false,
    });
    expect(hidden.status).toBe(200);
    const active = (await templates()).map((x) => x.id);
    expect(active).toContain(spam.id);
    expect(active).not.toContain('gammal');
    expect(new Set((await templates('?all=1')).map((x) => x.id))).toEqual(
      new Set([...seeded, spam.id, 'gammal']),
    );

    const replaced = await request('POST', '/api/staff/reason-templates', {
      id: spam.id,
      label: { sv: 'Reklam' },
      text: { sv: 'Inspelet var reklam eller spam.', en: 'The input was advertising.' },
    });
    expect(((await replaced.json()) as ReasonTemplate).text).toEqual({
      sv: 'Inspelet var reklam eller spam.',
      en: 'The input was advertising.',
    });
    // Moderators read, never edit.
    const refused = await request(
      'POST',
      '/api/staff/reason-templates',
      { label: { sv: 'x' }, text: { sv: 'y' } },
      moderator,
    );
    expect(refused.status).toBe(403);
    expect(
      (
        await request('POST', '/api/staff/reason-templates', {
          label: { en: 'No Swedish' },
          text: { sv: 'y' },
        })
      ).status,
    ).toBe(400);

    // Refusals name their field, for the editor to show beside it.
    const noSwedish = await request('POST', '/api/staff/reason-templates', {
      label: { en: 'No Swedish' },
      text: { sv: 'y' },
    });
    expect(((await noSwedish.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'label.sv',
    ]);
    const long = await request('POST', '/api/staff/reason-templates', {
      label: { sv: 'Reklam', en: 'x'.repeat(81) },
      text: { sv: 'y' },
    });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'label.en',
    ]);

    expect((await request('DELETE', `/api/staff/reason-templates/${spam.id}`)).status).toBe(204);
    expect((await request('DELETE', `/api/staff/reason-templates/${spam.id}`)).status).toBe(404);
    expect((await templates()).map((x) => x.id)).not.toContain(spam.id);
  });

  it('should save settings an admin changes, refuse what the rules forbid, and change nothing then', async () => {
    const defaults = (await (await request('GET', '/api/staff/settings')).json()) as Settings;
    expect(defaults.redaction).toEqual({ mode: 'restricted' });
    expect(defaults.retention.contactMonths).toBe(12);

    const saved = await request('PATCH', '/api/staff/settings', {
      retention: { ...defaults.retention, contactMonths: 6 },
      digest: { enabled: true, time: '06:30' },
    });
    expect(saved.status).toBe(200);
    const after = (await saved.json()) as Settings;
    expect(after.retention.contactMonths).toBe(6);
    expect(after.digest.time).toBe('06:30');
    expect(await t.store.listAudit({ action: 'settings.update', limit: 10 })).toHaveLength(2);

    // Deleting submissions needs a gallringsbeslut: refused, and the digest change with it is not saved.
    const refused = await request('PATCH', '/api/staff/settings', {
      retention: { ...after.retention, submissionMonths: 24, gallringsbeslut: null },
      digest: { enabled: false, time: '06:30' },
    });
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as { detail: string; errors: { path: string }[] };
    expect(problem.detail).toMatch(/gallringsbeslut/);
    expect(problem.errors.map((e) => e.path)).toEqual(['retention']);
    expect(((await (await request('GET', '/api/staff/settings')).json()) as Settings).digest.enabled).toBe(
      true,
    );

    expect((await request('PATCH', '/api/staff/settings', {})).status).toBe(400);
    expect((await request('GET', '/api/staff/settings', undefined, moderator)).status).toBe(403);
  });

  it('should turn the digest on and off for the signed-in staff member only', async () => {
    const on = await request('POST', '/api/staff/me/digest', { optIn: true }, moderator);
    expect(on.status).toBe(200);
    expect(await on.json()).toEqual({ optIn: true });
    expect((await t.store.digestRecipients()).map((r) => r.email)).toEqual(['moderator@malmo.se']);
    const off = await request('POST', '/api/staff/me/digest', { optIn: false }, moderator);
    expect(await off.json()).toEqual({ optIn: false });
    expect(await t.store.digestRecipients()).toEqual([]);
  });

  it("should tell each staff member their own digest choice, not someone else's", async () => {
    const mine = async (who: Signed) => {
      const res = await request('GET', '/api/staff/me/digest', undefined, who);
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      return res.json();
    };
    expect(await mine(moderator)).toEqual({ optIn: false });
    await request('POST', '/api/staff/me/digest', { optIn: true }, moderator);
    expect(await mine(moderator)).toEqual({ optIn: true });
    expect(await mine(admin)).toEqual({ optIn: false });
    await request('POST', '/api/staff/me/digest', { optIn: false }, moderator);
    expect(await mine(moderator)).toEqual({ optIn: false });
    expect((await t.app.request('/api/staff/me/digest')).status).toBe(401);
  });
});
