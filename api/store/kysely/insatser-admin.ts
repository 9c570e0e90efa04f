/**
 * Insatser managed by staff (issue 7): create, edit, publish, unpublish, archive; the image; the
 * nämnder. Every change is audited in its own transaction with before and after. The questions
 * are in ./insatser-questions.ts.
 */
import { resolveScope } from './scope.ts';
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { InsatsFields, InsatsLifecycle, InsatsTransition, StaffInsats, Store } from '../types.ts';
import { auditRow, insertAudit } from './audit.ts';
import { catalogueChanged } from './catalogue.ts';
import { type InsatsData, insatsContent, isPostgres, ordered, readStaffInsatser } from './insatser-rows.ts';
import { questionStore } from './insatser-questions.ts';
import { withRetry } from './retry.ts';
import { writeFirst } from './write-lock.ts';

type InsatserAdminStore = Pick<
  Store,
  | 'listStaffInsatser'
  | 'getStaffInsats'
  | 'createInsats'
  | 'updateInsats'
  | 'transitionInsats'
  | 'addQuestion'
  | 'updateQuestion'
  | 'reorderQuestions'
  | 'removeQuestion'
  | 'setInsatsImage'
  | 'getInsatsImage'
  | 'listNamnder'
  | 'addNamnd'
>;

/** Where each transition may start, and where it leads. */
const TRANSITIONS: Record<InsatsTransition, { from: readonly InsatsLifecycle[]; to: InsatsLifecycle }> = {
  publish: { from: ['draft', 'unpublished'], to: 'published' },
  unpublish: { from: ['published'], to: 'unpublished' },
  archive: { from: ['draft', 'published', 'unpublished'], to: 'archived' },
};

/** The insatser-admin part of the store. */
export function insatserAdminStore(db: Kysely<Database>): InsatserAdminStore {
  const postgres = isPostgres(db);

  /** Runs `change` in a transaction holding the insats `id` (locked), then refreshes the catalogue. */
  async function withInsats<T>(
    id: string,
    change: (trx: Transaction<Database>, before: StaffInsats) => Promise<T>,
  ): Promise<T | { status: 'not-found' }> {
    if (id.includes('\0')) return { status: 'not-found' };
    const result = await withRetry(() =>
      db.transaction().execute(async (trx) => {
        await writeFirst(trx, postgres);
        if (postgres)
          await trx.selectFrom('insatser').select('id').where('id', '=', id).forUpdate().execute();
        const [before] = await readStaffInsatser(trx, id);
        if (!before) return { status: 'not-found' as const };
        return change(trx, before);
      }),
    );
    catalogueChanged(db);
    return result;
  }

  async function fieldsProblem(
    trx: Transaction<Database>,
    f: Partial<InsatsFields>,
  ): Promise<string | undefined> {
    for (const name of ['title', 'summary'] as const) {
      const text = f[name];
      if (text !== undefined && text.sv.trim() === '') return `${name} needs Swedish (sv)`;
    }
    if (f.namnder && f.namnder.length > 0) {
      const known = new Set(
        (await trx.selectFrom('namnder').select('name').where('name', 'in', f.namnder).execute()).map(
          (n) => n.name,
        ),
      );
      const unknown = f.namnder.find((n) => !known.has(n));
      if (unknown !== undefined) return `namnder: ${unknown} is not a known nämnd`;
    }
    if (f.areaCodes && f.areaCodes.length > 0) {
      const known = new Set(
        (await trx.selectFrom('areas').select('code').where('code', 'in', f.areaCodes).execute()).map(
          (a) => a.code,
        ),
      );
      const unknown = f.areaCodes.find((c) => !known.has(c));
      if (unknown !== undefined) return `areaCodes: ${unknown} is not a known delområde`;
    }
    if (f.period?.end !== undefined && f.period.end < f.period.start)
      return 'period: the end is before the start';
    return undefined;
  }

  async function writeData(trx: Transaction<Database>, before: StaffInsats, data: InsatsData, at: string) {
    // The status has its own column; the rest of the fields are the JSON.
    const { status, ...rest } = data;
    await trx
      .updateTable('insatser')
      .set({ data: JSON.stringify(rest), status: status ?? before.status, updated_at: at })
      .where('id', '=', before.id)
      .execute();
  }

  const dataOf = (i: StaffInsats): InsatsData => {
    const { id: _id, lifecycle: _l, example: _e, questions: _q, updatedAt: _u, image, ...fields } = i;
    return { ...fields, ...(image ? { image } : {}) };
  };

  return {
    ...questionStore(db),

    listStaffInsatser: async (scope) => readStaffInsatser(db, undefined, await resolveScope(db, scope)),

    async getStaffInsats(id, scope) {
      if (id.includes('\0')) return undefined;
      return (await readStaffInsatser(db, id, await resolveScope(db, scope)))[0];
    },

    async createInsats(id, fields, actor) {
      const result = await withRetry(() =>
        db.transaction().execute(async (trx) => {
          await writeFirst(trx, postgres);
          const problem = await fieldsProblem(trx, fields);
          if (problem) return { status: 'invalid' as const, message: problem };
          const taken = await trx.selectFrom('insatser').select('id').where('id', '=', id).executeTakeFirst();
          if (taken) return { status: 'invalid' as const, message: `id: ${id} is taken` };
          const { status, ...data } = normalised(fields);
          const inserted = await trx
            .insertInto('insatser')
            .values({
              id,
              status,
              published: 0,
              lifecycle: 'draft',
              example: 0,
              data: JSON.stringify(data),
              updated_at: actor.at,
            })
            .onConflict((oc) => oc.column('id').doNothing())
            .returning('id')
            .execute();
          if (inserted.length === 0) return { status: 'invalid' as const, message: `id: ${id} is taken` };
          const [after] = await readStaffInsatser(trx, id);
          if (!after) throw new Error('insats vanished in its own transaction');
          await insertAudit(trx, [auditRow(actor, 'insats.create', target(id), null, insatsContent(after))]);
          return { status: 'saved' as const, before: null, after };
        }),
      );
      catalogueChanged(db);
      return result;
    },

    updateInsats: (id, change, actor) =>
      withInsats(id, async (trx, before) => {
        const problem = await fieldsProblem(trx, change);
        if (problem) return { status: 'invalid' as const, message: problem };
        // Every field from the normalised whole (a key given as undefined removes it), then the image.
        const next: InsatsData = {
          ...normalised({ ...before, ...change }),
          ...(before.image ? { image: before.image } : {}),
        };
        const beforeContent = insatsContent(before) as unknown as Record<string, unknown>;
        const changedKeys = Object.keys(change).filter(
          (k) => JSON.stringify(beforeContent[k]) !== JSON.stringify((next as Record<string, unknown>)[k]),
        );
        if (changedKeys.length === 0) return { status: 'unchanged' as const, value: before };
        await writeData(trx, before, next, actor.at);
        const [after] = await readStaffInsatser(trx, id);
        if (!after) throw new Error('insats vanished in its own transaction');
        const afterContent = insatsContent(after) as unknown as Record<string, unknown>;
        const pick = (o: Record<string, unknown>) =>
          Object.fromEntries(changedKeys.map((k) => [k, o[k] ?? null]));
        await insertAudit(trx, [
          auditRow(actor, 'insats.update', target(id), pick(beforeContent), pick(afterContent)),
        ]);
        return { status: 'saved' as const, before, after };
      }),

    transitionInsats: (id, transition, actor) =>
      withInsats(id, async (trx, before) => {
        const { from, to } = TRANSITIONS[transition];
        if (!from.includes(before.lifecycle)) {
          return {
            status: 'invalid' as const,
            message: `cannot ${transition} an insats that is ${before.lifecycle}`,
          };
        }
        await trx
          .updateTable('insatser')
          .set({ lifecycle: to, published: to === 'published' ? 1 : 0, updated_at: actor.at })
          .where('id', '=', id)
          .execute();
        const after = { ...before, lifecycle: to, updatedAt: actor.at };
        await insertAudit(trx, [
          auditRow(
            actor,
            `insats.${transition}`,
            target(id),
            { lifecycle: before.lifecycle },
            { lifecycle: to },
          ),
        ]);
        return { status: 'saved' as const, before, after };
      }),

    setInsatsImage: (id, image, actor) =>
      withInsats(id, async (trx, before) => {
        const old = before.image ? { hash: before.image.hash } : null;
        const hash = image ? createHash('sha256').update(image.data).digest('hex') : null;
        if ((old?.hash ?? null) === hash) return { status: 'unchanged' as const, value: old };
        await trx.deleteFrom('insats_images').where('insats_id', '=', id).execute();
        const data = dataOf(before);
        delete data.image;
        if (image && hash) {
          await trx
            .insertInto('insats_images')
            .values({
              insats_id: id,
              content_type: image.contentType,
              data: Buffer.from(image.data).toString('base64'),
              bytes: image.data.byteLength,
              hash,
              updated_at: actor.at,
            })
            .execute();
          data.image = { contentType: image.contentType, bytes: image.data.byteLength, hash };
        }
        await writeData(trx, before, data, actor.at);
        const after = hash ? { hash } : null;
        await insertAudit(trx, [
          auditRow(actor, 'insats.image', target(id), old && before.image, after && data.image),
        ]);
        return { status: 'saved' as const, before: old, after };
      }),

    async getInsatsImage(id, { publishedOnly }) {
      if (id.includes('\0')) return undefined;
      let q = db
        .selectFrom('insats_images')
        .innerJoin('insatser', 'insatser.id', 'insats_images.insats_id')
        .select(['insats_images.content_type', 'insats_images.data', 'insats_images.hash'])
        .where('insats_images.insats_id', '=', id);
      if (publishedOnly) q = q.where('insatser.lifecycle', '=', 'published');
      const row = await q.executeTakeFirst();
      return row
        ? {
            contentType: row.content_type,
            data: new Uint8Array(Buffer.from(row.data, 'base64')),
            hash: row.hash,
          }
        : undefined;
    },

    async listNamnder() {
      return db.selectFrom('namnder').select(['id', 'name']).orderBy('name').execute();
    },

    addNamnd: (name, actor) =>
      withRetry(() =>
        db.transaction().execute(async (trx) => {
          await writeFirst(trx, postgres);
          const trimmed = name.trim();
          if (trimmed === '') return { status: 'invalid' as const, message: 'name must not be empty' };
          const existing = await trx
            .selectFrom('namnder')
            .select(['id', 'name'])
            .where('name', '=', trimmed)
            .executeTakeFirst();
          if (existing) return { status: 'unchanged' as const, value: existing };
          const after = { id: randomUUID(), name: trimmed };
          await trx
            .insertInto('namnder')
            .values({ ...after, created_at: actor.at })
            .execute();
          await insertAudit(trx, [
            auditRow(actor, 'namnd.create', { type: 'namnd', id: after.id }, null, after),
          ]);
          return { status: 'saved' as const, before: null, after };
        }),
      ),
  };
}

const target = (id: string) => ({ type: 'insats', id });

/** Texts in a stable language order, lists without repeats: equal fields store (and compare) equal. */
function normalised(f: InsatsFields): InsatsFields {
  return {
    title: ordered(f.title),
    summary: ordered(f.summary),
    ...(f.body ? { body: ordered(f.body) } : {}),
    namnder: [...new Set(f.namnder)],
    areaCodes: [...new Set(f.areaCodes)].sort(),
    dimensions: [...new Set(f.dimensions)],
    kind: f.kind,
    status: f.status,
    period:
      f.period.end === undefined ? { start: f.period.start } : { start: f.period.start, end: f.period.end },
    ...(f.contact ? { contact: f.contact } : {}),
    ...(f.imageAlt ? { imageAlt: ordered(f.imageAlt) } : {}),
  };
}
