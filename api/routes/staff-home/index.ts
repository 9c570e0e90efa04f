/**
 * GET /api/staff/home: what needs doing in the moderation queue, for the staff start page.
 * Each entry is a count and the queue query string that lists exactly those items, so the
 * link on the page opens the queue filtered the same way the count was made.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { fieldErrors } from '../../../common/wire/index.ts';
import {
  DEFAULT_WAITING_DAYS,
  type HomeCount,
  MAX_WAITING_DAYS,
  type QueueFilter,
  queueFilterToQuery,
  StaffHome,
} from '../../../common/wire/moderation.ts';
import { MODERATORS } from '../../auth/policy/index.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import { toStoreFilter } from '../staff-queue/filter.ts';

const Query = v.strictObject({
  waitingDays: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, `must be a whole number from 1 to ${MAX_WAITING_DAYS}`),
      v.transform(Number),
      v.minValue(1, `must be a whole number from 1 to ${MAX_WAITING_DAYS}`),
      v.maxValue(MAX_WAITING_DAYS, `must be a whole number from 1 to ${MAX_WAITING_DAYS}`),
    ),
    String(DEFAULT_WAITING_DAYS),
  ),
});

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/home',
  tag: 'moderation',
  routes: [
    {
      method: 'get',
      path: '/',
      access: MODERATORS,
      scoped: true,
      summary: 'What needs doing: counts for the staff start page',
      description:
        'Pending items, flagged pending items, pending items waiting longer than `waitingDays` days ' +
        `(1–${MAX_WAITING_DAYS}, default ${DEFAULT_WAITING_DAYS}), and pending or approved items whose ` +
        'author left a contact to hear when the city answers and that have no official answer yet. Each ' +
        'comes with the query string of GET /api/staff/queue (and of the queue screen) that lists them.',
      responses: {
        200: { description: 'The counts, each with its queue query', schema: StaffHome },
        400: { description: '`waitingDays` is malformed', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not a moderator or admin', problem: true },
      },
    },
  ],
};

/** The staff home resource. */
export function staffHome(deps: ApiDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const parsed = v.safeParse(Query, c.req.query());
    if (!parsed.success)
      return problem(c, 400, 'The query does not have the expected shape.', {
        errors: fieldErrors(parsed.issues),
      });
    const waitingDays = parsed.output.waitingDays;
    const now = deps.now();
    const asOf = new Date(now).toISOString();
    const count = async (filter: QueueFilter): Promise<HomeCount> => {
      const converted = toStoreFilter(filter, now);
      // The filters below are fixed and valid; a failure here is a programming error.
      if ('errors' in converted) throw new Error('staff home: a fixed filter did not convert');
      // Scoped staff count only their nämnder's input, as their queue shows it.
      const n = await deps.store.countQueue({ ...converted.filter, scope: c.var.scope }, asOf);
      return { count: n, query: new URLSearchParams(queueFilterToQuery(filter)).toString() };
    };
    const [pending, flagged, waiting, awaitingAnswer] = await Promise.all([
      count({ status: ['pending'] }),
      count({ status: ['pending'], flagged: true }),
      count({ status: ['pending'], waitingDays }),
      count({ status: ['pending', 'approved'], awaitingAnswer: true }),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.json({ pending, flagged, waiting, awaitingAnswer, waitingDays, asOf } satisfies StaffHome);
  });
}
