import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundarySets } from '../../../common/wire/staff.ts';
import { hashToken, PLAIN_COOKIE } from '../../auth/sessions/index.ts';
import { malmoVariant, VARIANT_VERSION } from '../../domain/retag/testing.ts';
import { MALMO_BOUNDARY_VERSION, MALMO_GEOJSON } from '../../seed/index.ts';
import { STORE_KINDS, type TestApp, testApp } from '../../test/index.ts';
import { areaNamesOf } from './names.ts';

interface Collection {
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } }[];
}
const swapRing = (ring: number[][]) => ring.map(([x = 0, y = 0]) => [y, x]);

/** A variant of Malmö's set in which Seved (11319) has another name and stadsområde. */
function renamedVariant(): string {
  const set = JSON.parse(malmoVariant().geojson) as { features: { properties: Record<string, unknown> }[] };
  for (const f of set.features) {
    if (String(f.properties.do_kod).startsWith('11319')) {
      f.properties.namn = 'Seved (nytt namn)';
      f.properties.stadsomrade_2013_2016 = 'Nya Söder';
    }
  }
  return JSON.stringify(set);
}

describe.each(STORE_KINDS)('/api/staff/boundary-sets (%s)', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp({ kind, exampleContent: false });
  });
  afterEach(async () => {
    await t.close();
  });

  /** Headers of a signed-in staff member with `role` (account and session made in the store). */
  async function staff(role: 'admin' | 'moderator' | 'analyst') {
    const at = new Date().toISOString();
    const id = `user-${role}`;
    const user = {
      id,
      email: `${role}@malmo.se`,
      name: role,
      role,
      active: true,
      passwordHash: null,
      oidcSubject: null,
      createdAt: at,
      updatedAt: at,
      lastLoginAt: null,
      namnder: [],
      inputWithoutInsats: false,
    };
    await t.store.createStaffUser(user, {
      id: `audit-${id}`,
      at,
      actorId: null,
      actorLabel: 'cli',
      action: 'user.create',
      targetType: 'staff_user',
      targetId: id,
      before: null,
      after: null,
      requestId: null,
    });
    const token = randomBytes(32).toString('base64url');
    const csrfToken = `csrf-${role}`;
    await t.store.createStaffSession({
      idHash: hashToken(token),
      userId: id,
      csrfToken,
      method: 'password',
      createdAt: at,
      lastSeenAt: at,
    });
    return { Cookie: `${PLAIN_COOKIE}=${token}`, 'X-CSRF-Token': csrfToken };
  }

  const activate = (version: string, headers: Record<string, string>) =>
    t.app.request(`/api/staff/boundary-sets/${encodeURIComponent(version)}/activate`, {
      method: 'POST',
      headers,
    });

  it('should list the versions and the active one to moderators only', async () => {
    expect((await t.app.request('/api/staff/boundary-sets')).status).toBe(401);
    const analyst = await staff('analyst');
    expect((await t.app.request('/api/staff/boundary-sets', { headers: analyst })).status).toBe(403);
    expect((await activate(MALMO_BOUNDARY_VERSION, analyst)).status).toBe(403);

    const res = await t.app.request('/api/staff/boundary-sets', { headers: await staff('moderator') });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = v.parse(BoundarySets, await res.json());
    expect(body).toMatchObject({
      active: MALMO_BOUNDARY_VERSION,
      sets: [{ version: MALMO_BOUNDARY_VERSION, active: true }],
      retag: null,
    });
  });

  it('should activate a stored set, start its re-tag, apply its names and audit the change', async () => {
    await t.store.addBoundarySet({ version: VARIANT_VERSION, geojson: renamedVariant() });
    const moderator = await staff('moderator');
    const res = await activate(VARIANT_VERSION, moderator);
    expect(res.status).toBe(200);
    const body = v.parse(BoundarySets, await res.json());
    expect(body.active).toBe(VARIANT_VERSION);
    expect(body.sets.map((s) => [s.version, s.active])).toEqual([
      [MALMO_BOUNDARY_VERSION, false],
      [VARIANT_VERSION, true],
    ]);
    expect(body.retag).toMatchObject({
      boundaryVersion: VARIANT_VERSION,
      previousVersion: MALMO_BOUNDARY_VERSION,
    });
    expect(await t.store.activeBoundaryVersion()).toBe(VARIANT_VERSION);

    const seved = (await t.store.listAreas()).find((a) => a.code === '11319');
    expect(seved).toMatchObject({ name: 'Seved (nytt namn)', district: 'Nya Söder', aliases: ['Seved'] });

    const rows = await t.store.listAudit({ action: 'boundaries.activate', limit: 5 });
    expect(rows).toMatchObject([
      {
        actorId: 'user-moderator',
        actorLabel: 'moderator@malmo.se',
        targetType: 'boundary_set',
        targetId: VARIANT_VERSION,
        before: { active: MALMO_BOUNDARY_VERSION },
        after: { active: VARIANT_VERSION, retagJob: body.retag?.id },
      },
    ]);

    // Choosing the set already in use changes nothing and records nothing.
    const again = await activate(VARIANT_VERSION, moderator);
    expect(again.status).toBe(200);
    expect(v.parse(BoundarySets, await again.json()).retag?.id).toBe(body.retag?.id);
    expect(await t.store.listAudit({ action: 'boundaries.activate', limit: 5 })).toHaveLength(1);
  });

  it('should answer 404 for a version that was never stored, changing nothing', async () => {
    const res = await activate('no-such-version', await staff('admin'));
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await t.store.activeBoundaryVersion()).toBe(MALMO_BOUNDARY_VERSION);
    expect(await t.store.listAudit({ action: 'boundaries.', limit: 5 })).toEqual([]);
  });

  it.each([
    [
      'its longitude and latitude exchanged',
      (fc: Collection) => {
        for (const f of fc.features) f.geometry.coordinates = f.geometry.coordinates.map(swapRing);
      },
      /^Boundary set legacy cannot be activated: the coordinates \(x 55\.50\d+–55\.64\d+, y 12\.88\d+–13\.15\d+\) lie in Malmö only with x and y exchanged, in WGS84 .*latitude is written before longitude.*\. Import a corrected file with npm run areas:import\.$/,
    ],
    [
      'one area moved 0.5° north',
      (fc: Collection) => {
        const f = fc.features[7] as Collection['features'][number];
        f.geometry.coordinates = f.geometry.coordinates.map((ring) =>
          ring.map(([x = 0, y = 0]) => [x, y + 0.5]),
        );
      },
      /^Boundary set legacy cannot be activated: feature 7 \(code 10108\): reaches \d+\.\d km outside Malmö \(its known extent/,
    ],
  ])('should refuse (422) to activate a stored set with %s, changing nothing', async (_, spoil, message) => {
    const fc = JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')) as Collection;
    spoil(fc);
    // Stored directly, as an import before the extent check could have stored it.
    await t.store.addBoundarySet({ version: 'legacy', geojson: JSON.stringify(fc) });
    const res = await activate('legacy', await staff('moderator'));
    expect(res.status).toBe(422);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const body = (await res.json()) as { title: string; detail: string };
    expect(body.title).toBe('Unprocessable Content');
    expect(body.detail).toMatch(message);
    expect(await t.store.activeBoundaryVersion()).toBe(MALMO_BOUNDARY_VERSION);
    expect(await t.store.listAudit({ action: 'boundaries.', limit: 5 })).toEqual([]);
  });

  it('should refuse an activation without the CSRF token', async () => {
    await t.store.addBoundarySet({ version: VARIANT_VERSION, geojson: renamedVariant() });
    const { Cookie } = await staff('moderator');
    expect((await activate(VARIANT_VERSION, { Cookie })).status).toBe(403);
    expect(await t.store.activeBoundaryVersion()).toBe(MALMO_BOUNDARY_VERSION);
  });
});

describe('areaNamesOf', () => {
  const set = (features: Record<string, unknown>[]) =>
    JSON.stringify({ type: 'FeatureCollection', features: features.map((properties) => ({ properties })) });

  it('should read codes, display names and stadsområden as the import stored them', () => {
    expect(
      areaNamesOf(
        set([
          { do_kod: '11319.0', namn: 'Seved', stadsomrade_2013_2016: 'Söder' },
          { do_kod: 99901, namn: ' Nytt område ' },
          { namn: 'Utan kod' },
        ]),
      ),
    ).toEqual([
      { code: '11319', name: 'Seved', district: 'Söder' },
      { code: '99901', name: 'Nytt område' },
    ]);
  });

  it("should leave names alone when the set has only upper-case labels, with Malmö's name for a new area", () => {
    expect(
      areaNamesOf(
        set([
          { do_kod: '11319', namn: 'SEVED', stadsomrade_2013_2016: 'Söder' },
          { do_kod: '99901', namn: 'NYTT' },
        ]),
      ),
    ).toEqual([{ code: '11319', district: 'Söder', fallbackName: 'Södra Sofielund' }, { code: '99901' }]);
  });
});
