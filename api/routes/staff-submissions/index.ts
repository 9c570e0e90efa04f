/**
 * /api/staff/submissions: a participant's contact details, for moderators and admins only
 * (analysts never see them). Every read is audited before the details leave the server; a
 * deletion (the participant withdrew consent) is audited in the same transaction.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { audit } from '../../auth/audit/index.ts';
import { MODERATORS } from '../../auth/policy/index.ts';
import { problem } from '../../http/problem.ts';
import { submissionInScope } from '../../http/scope.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import { auditActor } from '../staff-queue/filter.ts';

/** GET /api/staff/submissions/:id/contact. null: no contact details were given (or kept). */
export const SubmissionContact = v.object({
  contact: v.nullable(
    v.object({
      email: v.nullable(v.string()),
      phone: v.nullable(v.string()),
      /** The consent text version the participant agreed to when leaving them. */
      consentVersion: v.string(),
    }),
  ),
});
export type SubmissionContact = v.InferOutput<typeof SubmissionContact>;

/** Submission ids are UUIDs; anything much longer is not one (and is not looked up). */
const MAX_ID_CHARS = 100;

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/submissions',
  tag: 'staff submissions',
  routes: [
    {
      method: 'get',
      path: '/:id/contact',
      access: MODERATORS,
      scoped: true,
      summary: "A submission's contact details",
      description:
        'Moderators and admins only. Every read is written to the audit log (who, when, which ' +
        'submission; never the details themselves).',
      responses: {
        200: { description: 'The contact details, or null when none were given', schema: SubmissionContact },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not a moderator or admin', problem: true },
        404: { description: 'No such submission', problem: true },
      },
    },
    {
      method: 'delete',
      path: '/:id/contact',
      access: MODERATORS,
      scoped: true,
      summary: "Delete a submission's contact details",
      description:
        'When the participant withdraws consent. Moderators and admins only; needs X-CSRF-Token. An answer ' +
        'e-mail not yet sent is given up. Audited (who, when, which submission; never the details). ' +
        'Deleting details that are already gone answers 204 as well.',
      responses: {
        204: { description: 'The submission has no contact details now' },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not a moderator or admin, or missing X-CSRF-Token', problem: true },
        404: { description: 'No such submission', problem: true },
      },
    },
  ],
};

/** The staff-submissions resource. */
export function staffSubmissions(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get('/:id/contact', submissionInScope(deps), async (c) => {
      const id = c.req.param('id');
      const contact = id.length > MAX_ID_CHARS ? undefined : await deps.store.getSubmissionContact(id);
      if (contact === undefined) return problem(c, 404, 'There is no submission with this id.');
      // Audited first: if the row cannot be written, the details are not sent.
      await audit(c, deps, { action: 'submission.contact.read', targetType: 'submission', targetId: id });
      c.header('Cache-Control', 'no-store');
      return c.json({ contact } satisfies SubmissionContact);
    })
    .delete('/:id/contact', submissionInScope(deps), async (c) => {
      const id = c.req.param('id');
      const deleted =
        id.length > MAX_ID_CHARS
          ? undefined
          : await deps.store.deleteSubmissionContact(id, auditActor(c, deps));
      if (deleted === undefined) return problem(c, 404, 'There is no submission with this id.');
      return c.body(null, 204);
    });
}
