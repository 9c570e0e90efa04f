/**
 * POST /api/staff/moderation: approve, reject, hide or reopen a selection of items, or every item
 * matching a filter up to the moment its count was shown (`asOf`), in one transaction with one
 * audit row per changed item. A reject always tells the participant why: a template, free text,
 * or both.
 */
import { Hono } from 'hono';
import { MAX_SELECTION_IDS, ModerationRequest, ModerationResult } from '../../../common/wire/moderation.ts';
import { MODERATORS } from '../../auth/policy/index.ts';
import { jsonBody } from '../../http/json-body.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import type { ModerationTarget } from '../../store/index.ts';
import { auditActor, toStoreFilter } from '../staff-queue/filter.ts';

/** 500 ids of ~40 characters, a filter and a reason fit with room to spare. */
const MAX_MODERATION_BYTES = 64 * 1024;

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/moderation',
  tag: 'moderation',
  routes: [
    {
      method: 'post',
      path: '/',
      access: MODERATORS,
      scoped: true,
      summary: 'Moderate a selection, or everything matching a filter',
      description:
        `\`target\`: \`{ids}\` (at most ${MAX_SELECTION_IDS}) or \`{filter, asOf}\` (the queue filter as JSON ` +
        'and the `asOf` of the count or page shown: items received later are left alone). `action`: ' +
        'approve, reject, hide or pending. `reason` (`templateId`, `text`) is what the participant reads; ' +
        'reject needs one. Items already so are left alone. Needs X-CSRF-Token.',
      body: ModerationRequest,
      responses: {
        200: { description: 'How many items changed, and which', schema: ModerationResult },
        400: {
          description: 'Malformed body, reject without a reason, or an unknown template',
          problem: true,
        },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not a moderator or admin, or missing X-CSRF-Token', problem: true },
        409: { description: 'The filter matches more items than one action may change', problem: true },
        413: { description: 'Body too large', problem: true },
        415: { description: 'Not application/json', problem: true },
      },
    },
  ],
};

/** The moderation resource. */
export function staffModeration(deps: ApiDeps) {
  return new Hono<AppEnv>().post('/', jsonBody(ModerationRequest, MAX_MODERATION_BYTES), async (c) => {
    const body = c.var.body;
    const reason = {
      ...(body.reason?.templateId === undefined ? {} : { templateId: body.reason.templateId }),
      ...(body.reason?.text === undefined || body.reason.text === '' ? {} : { text: body.reason.text }),
    };
    if (body.action === 'reject' && reason.templateId === undefined && reason.text === undefined) {
      return problem(c, 400, 'A rejection must say why: pick a reason template or write a reason.', {
        errors: [{ path: 'reason', message: 'is required to reject' }],
      });
    }
    const actor = auditActor(c, deps);
    let target: ModerationTarget;
    if ('ids' in body.target) target = { ids: [...new Set(body.target.ids)] };
    else {
      // Never later than now: a snapshot cannot take in what has not arrived yet.
      const asOf = new Date(Math.min(Date.parse(body.target.asOf), Date.parse(actor.at))).toISOString();
      // `waitingDays` counts back from the snapshot's time, as the count that was shown did.
      const converted = toStoreFilter(body.target.filter, Date.parse(asOf));
      if ('errors' in converted) {
        return problem(c, 400, 'The filter does not have the expected shape.', {
          errors: converted.errors.map((e) => ({ ...e, path: `target.filter.${e.path}` })),
        });
      }
      target = { filter: { ...converted.filter, scope: c.var.scope }, asOf };
    }
    const outcome = await deps.store.moderateSubmissions(target, body.action, reason, actor, {
      scope: c.var.scope,
    });
    if (outcome.status === 'unknown-template') {
      return problem(c, 400, 'There is no reason template with this id.', {
        errors: [{ path: 'reason.templateId', message: 'is not a reason template' }],
      });
    }
    if (outcome.status === 'too-many') {
      // The store stops reading one past its limit: the count shown is the whole match.
      const count =
        'filter' in target ? await deps.store.countQueue(target.filter, target.asOf) : outcome.count;
      return problem(
        c,
        409,
        `The filter matches ${count} items; one action changes at most ${outcome.limit}. ` +
          'Nothing was changed: narrow the filter and try again.',
      );
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ changed: outcome.changed, ids: outcome.ids } satisfies ModerationResult);
  });
}
