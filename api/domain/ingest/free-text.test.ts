/**
 * Every string a participant can send, walked from the wire schema (all versions of
 * SubmissionItem): each free-text one must be checked at ingest, redactable, listed in
 * docs/dataskydd.md, and gone from the whole database once purged. A text field added to a
 * new schema version fails here until it is all of those.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANSWER_PATH,
  FREE_TEXT_PATHS,
  NOT_FREE_TEXT,
  storedField,
  stringLeaves,
} from '../../../common/wire/free-text.ts';
import { SubmissionItem } from '../../../common/wire/index.ts';
import {
  addStaffUser,
  answerItem,
  type Signed,
  STORE_KINDS,
  send,
  signIn,
  staffHeaders,
  TRYGGARE,
  type TestApp,
  testApp,
} from '../../test/index.ts';
import { proposalItem } from '../../test/proposal.ts';

const PNR = '850709-9805';
const PHONE = '070-123 45 67';
const EMAIL = 'kalle.anka@example.se';
const PLANTED = `Ring ${PHONE} eller skriv till ${EMAIL}, jag är ${PNR}`;

/**
 * A valid item of each schema version, with every optional free-text field present. A new
 * version needs one here (the test says so).
 */
const BASE: Record<number, () => Record<string, unknown>> = {
  1: () =>
    answerItem({
      title: 'Ljus vid cykelbanan',
      text: 'Det behövs mer ljus.',
      respondent: { group: 'association', organisation: 'Föreningen Ljus' },
      answers: [
        { questionId: TRYGGARE.single, questionVersion: 1, value: 'varje-vecka' },
        { questionId: TRYGGARE.text, questionVersion: 1, value: 'Vid tunneln' },
      ],
    }),
  2: () => proposalItem(),
  // Version 3 is version 1 with the scale's "don't know": the same free-text fields.
  3: () => ({ ...BASE[1]?.(), schemaVersion: 3 }),
};

const variants = (SubmissionItem as unknown as { options: v.GenericSchema[] }).options;
const versionOf = (schema: v.GenericSchema) =>
  (schema as unknown as { entries: { schemaVersion: { literal: number } } }).entries.schemaVersion.literal;

/** The free-text paths of one version, as the walk finds them. */
const freePaths = (schema: v.GenericSchema) =>
  stringLeaves(schema)
    .filter((l) => !l.formatted && !(l.path in NOT_FREE_TEXT))
    .map((l) => l.path);

/** `item` with PLANTED at `path`; for answers, as the answer to the text question. */
function plant(item: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(item);
  if (path === ANSWER_PATH) {
    const answers = copy.answers as { questionId: string; value: unknown }[];
    const text = answers.find((a) => a.questionId === TRYGGARE.text);
    if (!text) throw new Error('the base item needs an answer to the text question');
    text.value = PLANTED;
    return copy;
  }
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) {
    at[key] = { ...(at[key] as object) };
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1) as string] = PLANTED;
  return copy;
}

const fieldOf = (path: string) => (path === ANSWER_PATH ? `answers.${TRYGGARE.text}` : storedField(path));

describe('the free-text fields of the wire schema', () => {
  it('should find the text fields of every version, and know every kind of schema in them', () => {
    expect(FREE_TEXT_PATHS).toEqual(
      expect.arrayContaining(['title', 'text', 'respondent.organisation', 'organisation.name', 'otherText']),
    );
    expect(FREE_TEXT_PATHS).toContain(ANSWER_PATH);
    for (const schema of variants)
      expect(BASE[versionOf(schema)], `a base item of version ${versionOf(schema)}`).toBeDefined();
    // A string without a fixed form is free text unless a reason is written down.
    const formatted = stringLeaves(SubmissionItem)
      .filter((l) => l.formatted)
      .map((l) => l.path);
    expect(formatted).toEqual(expect.arrayContaining(['id', 'deviceId', 'contact.email', 'createdAt']));
    expect(formatted).not.toContain('otherText');
    expect(() => stringLeaves(v.object({ when: v.date() }))).toThrow(/date/);
  });

  it('should list every string a participant can send in docs/dataskydd.md', () => {
    const docs = readFileSync(new URL('../../../docs/dataskydd.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('### Free text a participant sends'));
    expect(section.length).toBeLessThan(docs.length);
    for (const path of [...FREE_TEXT_PATHS, ...Object.keys(NOT_FREE_TEXT)])
      expect(section, `docs/dataskydd.md names ${path}`).toContain(`\`${path}\``);
  });
});

describe.each(STORE_KINDS)('every free-text field on %s', (kind) => {
  let t: TestApp;
  let moderator: Signed;
  let admin: Signed;
  beforeAll(async () => {
    t = await testApp({ kind });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin' });
    moderator = await signIn(t.app, 'moderator@malmo.se');
    admin = await signIn(t.app, 'admin@malmo.se');
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const request = (method: string, path: string, body: unknown, who: Signed) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(who, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });

  /** Every row of every table, as text: where a purged text must not be. */
  async function everything(): Promise<string> {
    const tables =
      kind === 'sqlite'
        ? await t.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        : await t.query<{ name: string }>(
            'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()',
          );
    const rows = await Promise.all(tables.map(({ name }) => t.query(`SELECT * FROM "${name}"`)));
    return JSON.stringify(rows);
  }

  const cases = variants.flatMap((schema) =>
    freePaths(schema).map((path) => ({ version: versionOf(schema), path })),
  );

  it.each(cases)('should flag, redact and purge version $version `$path`', async ({ version, path }) => {
    const base = BASE[version];
    if (!base) throw new Error(`add a base item of version ${version} to BASE`);
    const item = plant(base(), path);
    expect(v.safeParse(SubmissionItem, item).issues).toBeUndefined();
    const [result] = await send(t, [item]);
    expect(result?.status).toBe('created');
    const id = item.id as string;
    const field = fieldOf(path);

    // Checked at ingest: each kind found, at its place in this field.
    const flags = await t.query<{ kind: string; field: string; start: number; end: number }>(
      'SELECT kind, field, span_start AS start, span_end AS "end" FROM submission_flags WHERE submission_id = ? ORDER BY span_start',
      id,
    );
    const here = flags.filter((f) => f.field === field);
    expect(here.map((f) => f.kind).sort(), `flags on ${field}`).toEqual(['email', 'personnummer', 'phone']);
    expect(here.map((f) => PLANTED.slice(f.start, f.end))).toEqual(
      expect.arrayContaining([PNR, EMAIL, expect.stringContaining(PHONE.slice(0, 3))]),
    );

    // Redactable, and purged: with purge on, the originals are kept nowhere.
    const purge = await request(
      'PATCH',
      '/api/staff/settings',
      { redaction: { mode: 'purge', gallringsbeslut: 'KS-2026-0042' } },
      admin,
    );
    expect(purge.status).toBe(200);
    const res = await request(
      'POST',
      `/api/staff/submissions/${id}/redactions`,
      { field, spans: here.map(({ start, end }) => ({ start, end })) },
      moderator,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const all = await everything();
    for (const secret of [PNR, EMAIL, PHONE])
      expect(all, `${secret} after purging ${field}`).not.toContain(secret);
    await request('PATCH', '/api/staff/settings', { redaction: { mode: 'restricted' } }, admin);
  });
});
