/**
 * Questions of insatser managed by staff (issue 7). A question version is what a participant
 * saw: once any version of a question has answers, a change to it is stored as a new version
 * and the answers stay on theirs; only an admin's typo fix changes the latest one in place.
 * Stricter than "after the first answer": once the insats has left draft, a device may hold
 * the version offline and answer it days later, so a change then is a new version too, and a
 * removed question is hidden rather than deleted (its late answers are still accepted).
 * Order and hiding are not part of a version: they apply to every version of the id.
 */
import type { Kysely, Transaction } from 'kysely';
import { GENERIC_SCALE, normalisedScale, scaleProblem } from '../../domain/insatser/scale.ts';
import type { Database } from '../schema.ts';
import type { QuestionContent, StaffQuestion, Store } from '../types.ts';
import { auditRow, insertAudit } from './audit.ts';
import { catalogueChanged } from './catalogue.ts';
import { isPostgres, ordered, questionContent, staffQuestions } from './insatser-rows.ts';
import { withRetry } from './retry.ts';
import { writeFirst } from './write-lock.ts';

type QuestionStore = Pick<Store, 'addQuestion' | 'updateQuestion' | 'reorderQuestions' | 'removeQuestion'>;

/** Why `q` cannot be stored, or undefined when it can. */
export function questionContentProblem(q: QuestionContent): string | undefined {
  if (q.text.sv.trim() === '') return 'text needs Swedish (sv)';
  const scale = scaleProblem(q.kind, q.scale);
  if (scale) return scale;
  const choice = q.kind === 'single' || q.kind === 'multiple';
  const options = q.options ?? [];
  if (!choice) return options.length > 0 ? `options: a ${q.kind} question has none` : undefined;
  if (options.length < 2) return `options: a ${q.kind} choice question needs at least two`;
  if (new Set(options.map((o) => o.id)).size !== options.length)
    return 'options: two options have the same id';
  const blank = options.findIndex((o) => o.label.sv.trim() === '');
  return blank >= 0 ? `options.${blank}.label needs Swedish (sv)` : undefined;
}

/** The question part of the insatser-admin store. */
export function questionStore(db: Kysely<Database>): QuestionStore {
  const postgres = isPostgres(db);

  /** Runs `change` holding the insats (locked) with its questions; refreshes the catalogue after. */
  async function withQuestions<T>(
    insatsId: string,
    change: (trx: Transaction<Database>, questions: StaffQuestion[], seen: boolean) => Promise<T>,
  ): Promise<T | { status: 'not-found' }> {
    if (insatsId.includes('\0')) return { status: 'not-found' };
    const result = await withRetry(() =>
      db.transaction().execute(async (trx) => {
        await writeFirst(trx, postgres);
        let q = trx.selectFrom('insatser').select('lifecycle').where('id', '=', insatsId);
        if (postgres) q = q.forUpdate();
        const insats = await q.executeTakeFirst();
        if (!insats) return { status: 'not-found' as const };
        // Out of draft, devices may have fetched its questions (see the module comment).
        const seen = insats.lifecycle !== 'draft';
        return change(trx, (await staffQuestions(trx, [insatsId])).get(insatsId) ?? [], seen);
      }),
    );
    catalogueChanged(db);
    return result;
  }

  const target = (id: string) => ({ type: 'question', id });

  return {
    addQuestion: (insatsId, question, actor) =>
      withQuestions(insatsId, async (trx, questions) => {
        const content = normalised(question);
        const problem = questionContentProblem(content);
        if (problem) return { status: 'invalid' as const, message: problem };
        const taken = await trx
          .selectFrom('questions')
          .select('id')
          .where('id', '=', question.id)
          .executeTakeFirst();
        if (taken) return { status: 'invalid' as const, message: `id: ${question.id} is taken` };
        const position = Math.max(-1, ...questions.map((q) => q.position)) + 1;
        await insertVersion(trx, insatsId, question.id, 1, position, content, actor.at);
        const after: StaffQuestion = {
          id: question.id,
          version: 1,
          position,
          hidden: false,
          answers: 0,
          ...content,
        };
        await insertAudit(trx, [
          auditRow(actor, 'question.create', target(question.id), null, {
            insatsId,
            ...questionContent(after),
          }),
        ]);
        return { status: 'saved' as const, before: null, after };
      }),

    updateQuestion: (insatsId, questionId, next, { typoFix }, actor) =>
      withQuestions(insatsId, async (trx, questions, seen) => {
        const before = questions.find((q) => q.id === questionId);
        if (!before) return { status: 'not-found' as const };
        const content = normalised(next);
        const problem = questionContentProblem(content);
        if (problem) return { status: 'invalid' as const, message: problem };
        if (JSON.stringify(questionContent(content)) === JSON.stringify(questionContent(before))) {
          return { status: 'unchanged' as const, value: before };
        }
        const optionIds = (q: QuestionContent) => JSON.stringify((q.options ?? []).map((o) => o.id));
        if (typoFix && (content.kind !== before.kind || optionIds(content) !== optionIds(before))) {
          return {
            status: 'invalid' as const,
            message: 'a typo fix changes texts only: the kind and the options (their ids) stay',
          };
        }
        // What a device may answer must not change under answers already given.
        if (typoFix && (content.scale?.dontKnow ?? false) !== (before.scale?.dontKnow ?? false)) {
          return {
            status: 'invalid' as const,
            message: 'a typo fix changes texts only: whether "don\'t know" is offered stays',
          };
        }
        const newVersion = !typoFix && (before.answers > 0 || seen);
        const version = newVersion ? before.version + 1 : before.version;
        if (newVersion) {
          await insertVersion(trx, insatsId, questionId, version, before.position, content, actor.at);
          if (before.hidden) {
            await trx.updateTable('questions').set({ hidden: 1 }).where('id', '=', questionId).execute();
          }
        } else {
          await trx
            .updateTable('questions')
            .set({ kind: content.kind, data: dataOf(content) })
            .where('id', '=', questionId)
            .where('version', '=', before.version)
            .execute();
        }
        const after: StaffQuestion = { ...before, ...content, version };
        if (!content.options) delete after.options;
        if (!content.scale) delete after.scale;
        const action = typoFix ? 'question.typo-fix' : newVersion ? 'question.version' : 'question.update';
        await insertAudit(trx, [
          auditRow(
            actor,
            action,
            target(questionId),
            { insatsId, ...questionContent(before) },
            { insatsId, ...questionContent(after) },
          ),
        ]);
        return { status: 'saved' as const, before, after };
      }),

    reorderQuestions: (insatsId, ids, actor) =>
      withQuestions(insatsId, async (trx, questions) => {
        const current = questions.map((q) => q.id);
        if (
          ids.length !== current.length ||
          new Set(ids).size !== ids.length ||
          !ids.every((id) => current.includes(id))
        ) {
          return { status: 'invalid' as const, message: 'ids must name every question of the insats once' };
        }
        if (ids.every((id, i) => id === current[i])) return { status: 'unchanged' as const, value: current };
        for (const [position, id] of ids.entries()) {
          await trx.updateTable('questions').set({ position }).where('id', '=', id).execute();
        }
        await insertAudit(trx, [
          auditRow(
            actor,
            'question.reorder',
            { type: 'insats', id: insatsId },
            { order: current },
            { order: ids },
          ),
        ]);
        return { status: 'saved' as const, before: current, after: [...ids] };
      }),

    async removeQuestion(insatsId, questionId, actor) {
      const outcome = await withQuestions(insatsId, async (trx, questions, seen) => {
        const before = questions.find((q) => q.id === questionId);
        if (!before) return 'not-found' as const;
        // Never answered nor seen: nothing refers to it. Else kept for the answers, out of the catalogue.
        const hide = before.answers > 0 || seen;
        if (hide)
          await trx.updateTable('questions').set({ hidden: 1 }).where('id', '=', questionId).execute();
        else await trx.deleteFrom('questions').where('id', '=', questionId).execute();
        await insertAudit(trx, [
          auditRow(
            actor,
            hide ? 'question.hide' : 'question.delete',
            target(questionId),
            { insatsId, ...questionContent(before) },
            hide ? { hidden: true } : null,
          ),
        ]);
        return hide ? ('hidden' as const) : ('deleted' as const);
      });
      return typeof outcome === 'string' ? outcome : 'not-found';
    },
  };
}

async function insertVersion(
  trx: Transaction<Database>,
  insatsId: string,
  id: string,
  version: number,
  position: number,
  content: QuestionContent,
  at: string,
): Promise<void> {
  await trx
    .insertInto('questions')
    .values({
      id,
      version,
      insats_id: insatsId,
      position,
      kind: content.kind,
      data: dataOf(content),
      created_at: at,
    })
    .execute();
}

/** `questions.data`, in the shape the catalogue reads (text, options, scale, audience). */
function dataOf(q: QuestionContent): string {
  return JSON.stringify({ text: q.text, options: q.options, scale: q.scale, audience: q.audience });
}

/**
 * Texts in a stable language order: equal content compares equal. A scale question without
 * words of its own gets the faces' generic words; words on another kind are left for
 * {@link questionContentProblem} to refuse.
 */
function normalised(q: QuestionContent): QuestionContent {
  const scale = q.kind === 'scale' ? (q.scale ?? GENERIC_SCALE) : q.scale;
  return {
    kind: q.kind,
    text: ordered(q.text),
    ...(q.options && q.options.length > 0
      ? { options: q.options.map((o) => ({ id: o.id, label: ordered(o.label) })) }
      : {}),
    ...(scale ? { scale: normalisedScale(scale, ordered) } : {}),
    audience: q.audience,
  };
}
