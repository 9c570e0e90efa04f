/**
 * What moderators do to one submission, mounted beside staff-submissions at
 * /api/staff/submissions: correct its delområde and insats, redact spans of its text, answer it
 * publicly; and for admins, read the originals restricted redactions kept (audited first).
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import {
  AnswerRequest,
  AnswerResult,
  RedactionRequest,
  RedactionResult,
  RestrictedOriginals,
  SubmissionPatch,
  SubmissionPatchResult,
} from '../../../common/wire/moderation.ts';
import { audit } from '../../auth/audit/index.ts';
import { ADMINS, MODERATORS } from '../../auth/policy/index.ts';
import { jsonBody } from '../../http/json-body.ts';
import { problem } from '../../http/problem.ts';
import { submissionInScope } from '../../http/scope.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import { answerMail, MY_INPUT_PATH, publicLink } from '../../mail/templates.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import type { RedactionField, StoredSubmission } from '../../store/index.ts';
import { auditActor } from '../staff-queue/filter.ts';

const MAX_PATCH_BYTES = 1024;
const MAX_REDACTION_BYTES = 8 * 1024;
/** 5,000 characters of answer, escaped at worst, fit. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** Submission ids are UUIDs; anything much longer is not one (and is not looked up). */
const MAX_ID_CHARS = 100;

const auth = { 401: { description: 'Not signed in', problem: true } } as const;
const notFound = { 404: { description: 'No such submission', problem: true } } as const;
const bodyErrors = {
  413: { description: 'Body too large', problem: true },
  415: { description: 'Not application/json', problem: true },
} as const;

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/submissions',
  tag: 'moderation',
  routes: [
    {
      method: 'patch',
      path: '/:id',
      access: MODERATORS,
      scoped: true,
      summary: "Set a submission's delområde or insats",
      description:
        '`areaCode`: the delområde staff decided (a `staff` tag, primary from now on). `insatsId`: the insats a ' +
        'comment or proposal is about (null: none). Audited. Needs X-CSRF-Token.',
      body: SubmissionPatch,
      responses: {
        200: { description: 'The values after the change', schema: SubmissionPatchResult },
        400: { description: 'Malformed body, nothing to change, no such area or insats', problem: true },
        ...auth,
        403: { description: 'Not a moderator or admin, or missing X-CSRF-Token', problem: true },
        ...notFound,
        ...bodyErrors,
      },
    },
    {
      method: 'post',
      path: '/:id/redactions',
      access: MODERATORS,
      scoped: true,
      summary: 'Redact spans of a submission',
      description:
        'Replaces each span (UTF-16 offsets into the field as stored) by a placeholder, for the public and the ' +
        'participant. The original is kept for admins (`restricted`) or destroyed (`purge`), as the settings ' +
        'say. The audit records field and spans, never the text. Needs X-CSRF-Token.',
      body: RedactionRequest,
      responses: {
        201: { description: "The field's text afterwards", schema: RedactionResult },
        400: { description: 'Malformed body, or spans out of range or overlapping', problem: true },
        ...auth,
        403: { description: 'Not a moderator or admin, or missing X-CSRF-Token', problem: true },
        ...notFound,
        409: { description: 'Purge is set but no gallringsbeslut is recorded', problem: true },
        ...bodyErrors,
      },
    },
    {
      method: 'get',
      path: '/:id/originals',
      access: ADMINS,
      scoped: true,
      summary: 'Originals kept by restricted redactions',
      description:
        'Admins only, for release on request after a secrecy review. Every read is audited before the texts ' +
        'leave the server.',
      responses: {
        200: { description: 'The originals, oldest first', schema: RestrictedOriginals },
        ...auth,
        403: { description: 'Not an admin', problem: true },
        ...notFound,
      },
    },
    {
      method: 'put',
      path: '/:id/answer',
      access: MODERATORS,
      scoped: true,
      summary: 'Answer a submission publicly',
      description:
        "Creates or replaces the city's public answer. The participant sees it through their receipt; one who " +
        'left an e-mail address gets it by e-mail. Audited. Needs X-CSRF-Token.',
      body: AnswerRequest,
      responses: {
        200: { description: 'The answer, and whether an e-mail was queued', schema: AnswerResult },
        400: {
          description: 'Malformed body, or an item of choice and scale answers only (never published)',
          problem: true,
        },
        ...auth,
        403: { description: 'Not a moderator or admin, or missing X-CSRF-Token', problem: true },
        ...notFound,
        ...bodyErrors,
      },
    },
  ],
};

/** The per-submission moderation resource. */
export function staffSubmissionModeration(deps: ApiDeps) {
  const find = async (id: string): Promise<StoredSubmission | undefined> =>
    id.length > MAX_ID_CHARS ? undefined : deps.store.getSubmission(id);
  const missing = (c: Parameters<typeof problem>[0]) =>
    problem(c, 404, 'There is no submission with this id.');

  return new Hono<AppEnv>()
    .patch('/:id', submissionInScope(deps), jsonBody(SubmissionPatch, MAX_PATCH_BYTES), async (c) => {
      const id = c.req.param('id');
      const body = c.var.body;
      if (body.areaCode === undefined && body.insatsId === undefined) {
        return problem(c, 400, 'Nothing to change: send areaCode, insatsId or both.');
      }
      if (id.length > MAX_ID_CHARS) return missing(c);
      // A scoped moderator may not move an item to an insats outside their nämnder.
      if (body.insatsId !== undefined && !(await deps.store.insatsInStaffScope(body.insatsId, c.var.scope))) {
        return problem(c, 403, 'This insats is not one of your nämnder: you may not move input to it.', {
          errors: [{ path: 'insatsId', message: 'is outside your nämnder' }],
        });
      }
      const actor = auditActor(c, deps);
      const result: SubmissionPatchResult = {};
      // Both in one request: the area is checked up front and set last, so a refused insats (the
      // likelier refusal: answers belong to their insats) leaves both as they were.
      if (body.areaCode !== undefined && body.insatsId !== undefined) {
        const known = await deps.store.lookupCatalogue({ insatsIds: [], areaCodes: [body.areaCode] });
        if (!known.areaCodes.has(body.areaCode)) {
          return problem(c, 400, 'There is no delområde with this code.', {
            errors: [{ path: 'areaCode', message: 'is not a delområde' }],
          });
        }
      }
      const changes = [
        [
          'insatsId',
          body.insatsId,
          (value: string | null) => deps.store.setSubmissionInsats(id, value, actor),
        ],
        ['areaCode', body.areaCode, (value: string) => deps.store.setSubmissionArea(id, value, actor)],
      ] as const;
      for (const [field, value, apply] of changes) {
        if (value === undefined) continue;
        const outcome = await (apply as (v: string | null) => ReturnType<typeof apply>)(value);
        if (outcome.status === 'not-found') return missing(c);
        if (outcome.status === 'invalid') {
          return problem(c, 400, outcome.message, { errors: [{ path: field, message: outcome.message }] });
        }
        result[field] = outcome.status === 'saved' ? outcome.after : outcome.value;
      }
      return c.json(result satisfies SubmissionPatchResult);
    })
    .post(
      '/:id/redactions',
      submissionInScope(deps),
      jsonBody(RedactionRequest, MAX_REDACTION_BYTES),
      async (c) => {
        const id = c.req.param('id');
        if (id.length > MAX_ID_CHARS) return missing(c);
        const { field, spans } = c.var.body;
        const settings = await deps.store.getSettings();
        const outcome = await deps.store.redactSubmission(
          id,
          field as RedactionField,
          spans,
          settings.redaction.mode,
          auditActor(c, deps),
        );
        if (outcome.status === 'not-found') return missing(c);
        if (outcome.status === 'invalid') {
          return problem(c, 400, outcome.message, { errors: [{ path: 'spans', message: outcome.message }] });
        }
        if (outcome.status === 'purge-not-allowed') {
          return problem(
            c,
            409,
            'Redaction is set to purge originals, but no gallringsbeslut is recorded. Submissions are public ' +
              'records: an admin must record the reference of the decision allowing their destruction in the ' +
              'settings first (or set redaction to restricted). Nothing was changed.',
          );
        }
        return c.json(
          { text: outcome.text, redactionId: outcome.redactionId } satisfies RedactionResult,
          201,
        );
      },
    )
    .get('/:id/originals', submissionInScope(deps), async (c) => {
      const id = c.req.param('id');
      if ((await find(id)) === undefined) return missing(c);
      const originals = await deps.store.getRestrictedOriginals(id);
      // Audited first: if the row cannot be written, the originals are not sent.
      await audit(c, deps, {
        action: 'submission.original.read',
        targetType: 'submission',
        targetId: id,
        after: { redactionIds: originals.map((o) => o.redactionId) },
      });
      c.header('Cache-Control', 'no-store');
      return c.json({
        originals: originals.map((o) => ({
          redactionId: o.redactionId,
          field: o.field,
          text: o.text,
          redactedAt: o.redactedAt,
          actorId: o.actorId,
        })),
      } satisfies RestrictedOriginals);
    })
    .put('/:id/answer', submissionInScope(deps), jsonBody(AnswerRequest, MAX_ANSWER_BYTES), async (c) => {
      const id = c.req.param('id');
      const submission = await find(id);
      if (submission === undefined) return missing(c);
      const text = c.var.body.text;
      const actor = auditActor(c, deps);
      const insats =
        submission.insatsId === null ? undefined : await deps.store.getPublishedInsats(submission.insatsId);
      const language = submission.locale.toLowerCase().split(/[-_]/)[0] ?? 'sv';
      const mail = answerMail({
        locale: submission.locale,
        insatsTitle: insats === undefined ? null : (insats.title[language] ?? insats.title.sv),
        answer: text,
        myInputUrl: publicLink(deps.config.linkOrigin, MY_INPUT_PATH),
      });
      const outcome = await deps.store.answerSubmission(id, text, actor, {
        mail: {
          id: randomUUID(),
          key: `answer:${id}:${actor.at}`,
          kind: 'answer',
          createdAt: actor.at,
          ...mail,
        },
      });
      if (outcome.status === 'not-found') return missing(c);
      if (outcome.status === 'invalid') return problem(c, 400, outcome.message);
      // Unchanged: the answer and its time are the ones given before (as the participant sees them).
      const [receipt] = await deps.store.receiptStatuses([submission.receipt]);
      const answer = receipt?.answer ?? { text, answeredAt: actor.at };
      c.header('Cache-Control', 'no-store');
      return c.json({ answer, mailQueued: outcome.mailQueued ?? false } satisfies AnswerResult);
    });
}
