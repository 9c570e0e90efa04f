/**
 * The question routes of the staff insatser resource: add, change (new version or typo fix),
 * reorder, remove; and the sensitive-topic check the editor asks before saving.
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { QuestionInput, QuestionOrder, QuestionPatch } from '../../../common/wire/insatser-admin.ts';
import { questionTexts, sensitiveWarnings } from '../../domain/insatser/sensitive.ts';
import { jsonBody } from '../../http/json-body.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv, StaffPrincipal } from '../../http/types.ts';
import type { QuestionContent, StaffQuestion } from '../../store/index.ts';
import { auditActor } from '../staff-queue/filter.ts';
import { respond } from './outcome.ts';

const MAX_QUESTION_BYTES = 64 * 1024;
const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('base64url')}`;

/** Options with ids: a new option gets one. */
function withOptionIds(options: QuestionInput['options']): QuestionContent['options'] {
  return options?.map((o) => ({ id: o.id ?? newId('o'), label: o.label }));
}

const choice = (kind: QuestionContent['kind']) => kind === 'single' || kind === 'multiple';

/** Adds the question routes to `app`. */
export function questionRoutes(app: Hono<AppEnv>, deps: ApiDeps): void {
  const result = (c: Parameters<typeof respond>[0], question: StaffQuestion, status: 200 | 201) =>
    c.json({ question, warnings: sensitiveWarnings(questionTexts(question)) }, status);

  app
    .post('/insatser/:id/questions', jsonBody(QuestionInput, MAX_QUESTION_BYTES), async (c) => {
      const body = c.var.body;
      const outcome = await deps.store.addQuestion(
        c.req.param('id'),
        {
          id: newId('q'),
          kind: body.kind,
          text: body.text,
          options: withOptionIds(body.options),
          ...(body.scale ? { scale: body.scale } : {}),
          audience: body.audience,
        },
        auditActor(c, deps),
      );
      return outcome.status === 'saved' ? result(c, outcome.after, 201) : respond(c, outcome);
    })
    .post('/insatser/:id/questions/order', jsonBody(QuestionOrder, 16 * 1024), async (c) => {
      const id = c.req.param('id');
      const outcome = await deps.store.reorderQuestions(id, c.var.body.ids, auditActor(c, deps));
      if (outcome.status === 'invalid' || outcome.status === 'not-found') return respond(c, outcome);
      return c.json(await deps.store.getStaffInsats(id));
    })
    .patch('/insatser/:id/questions/:qid', jsonBody(QuestionPatch, MAX_QUESTION_BYTES), async (c) => {
      const { typoFix, ...patch } = c.var.body;
      const { user } = c.var.staff as StaffPrincipal;
      // A typo fix changes what people already answered without a new version: admins only.
      if (typoFix && user.role !== 'admin') {
        return problem(
          c,
          403,
          'Only an admin may mark a change a typo fix; without it, answered questions get a new version.',
        );
      }
      const insatsId = c.req.param('id');
      const questionId = c.req.param('qid');
      const current = (await deps.store.getStaffInsats(insatsId))?.questions.find((q) => q.id === questionId);
      if (!current) return problem(c, 404, 'There is no such question in this insats.');
      const kind = patch.kind ?? current.kind;
      const options = choice(kind)
        ? patch.options !== undefined
          ? withOptionIds(patch.options)
          : current.options
        : undefined;
      // A scale keeps its words unless new ones are given (another kind has none).
      const scale = kind === 'scale' ? (patch.scale ?? current.scale) : undefined;
      const content: QuestionContent = {
        kind,
        text: patch.text ?? current.text,
        ...(options ? { options } : {}),
        ...(scale ? { scale } : {}),
        audience: patch.audience ?? current.audience,
      };
      const outcome = await deps.store.updateQuestion(
        insatsId,
        questionId,
        content,
        { typoFix },
        auditActor(c, deps),
      );
      if (outcome.status === 'saved') return result(c, outcome.after, 200);
      if (outcome.status === 'unchanged') return result(c, outcome.value, 200);
      return respond(c, outcome);
    })
    .delete('/insatser/:id/questions/:qid', async (c) => {
      const outcome = await deps.store.removeQuestion(
        c.req.param('id'),
        c.req.param('qid'),
        auditActor(c, deps),
      );
      if (outcome === 'not-found') return problem(c, 404, 'There is no such question in this insats.');
      return c.body(null, 204);
    })
    .post('/question-warnings', jsonBody(QuestionInput, MAX_QUESTION_BYTES), (c) =>
      c.json({ warnings: sensitiveWarnings(questionTexts(c.var.body)) }),
    );
}
