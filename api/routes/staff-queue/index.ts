/**
 * GET /api/staff/queue: the moderation queue for moderators and admins, flagged first, then
 * oldest first, in keyset pages; GET /api/staff/queue/count: how many items match, which is
 * what a bulk action on the filter will change. Both answer `asOf` (the server's time), which
 * a bulk action sends back so it applies to what was shown, not to what arrived since.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import {
  DEFAULT_QUEUE_LIMIT,
  MAX_QUEUE_LIMIT,
  QueueCount,
  QueuePage,
  type QueueItem as WireQueueItem,
} from '../../../common/wire/moderation.ts';
import { MODERATORS } from '../../auth/policy/index.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import type { QueueItem } from '../../store/index.ts';
import { decodeQueueCursor, encodeQueueCursor, parseQueueQuery } from './filter.ts';

const FILTER_HELP =
  'Query filters (each narrows, all together): `status` (comma list of pending, approved, rejected, ' +
  'hidden; default pending), `kind` (comma list), `insats` (an id, or `none`), `area` (a delområde ' +
  'code; the primary tag, or any current tag with `areaMatch=any`), `group` (comma list of respondent ' +
  'groups), `flag` (a flag kind), `flagged=1`, `from` and `to` (days YYYY-MM-DD in Malmö, both ' +
  'included, or ISO 8601 times, `to` excluded), `waitingDays` (received more than N days ago), ' +
  '`awaitingAnswer=1` (a contact was left and no official answer is given yet), `text` (comma list ' +
  'of words or phrases: the title or text holds one of them, case aside).';

const Limit = v.pipe(
  v.string(),
  v.regex(/^\d{1,4}$/, `must be a whole number from 1 to ${MAX_QUEUE_LIMIT}`),
  v.transform(Number),
  v.minValue(1, `must be a whole number from 1 to ${MAX_QUEUE_LIMIT}`),
  v.maxValue(MAX_QUEUE_LIMIT, `must be a whole number from 1 to ${MAX_QUEUE_LIMIT}`),
);

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/queue',
  tag: 'moderation',
  routes: [
    {
      method: 'get',
      path: '/',
      access: MODERATORS,
      scoped: true,
      summary: 'A page of the moderation queue',
      description:
        `Flagged items first, then oldest first. ${FILTER_HELP} Paging: \`limit\` (1–${MAX_QUEUE_LIMIT}, ` +
        `default ${DEFAULT_QUEUE_LIMIT}) and \`cursor\` (the \`next\` of the previous page).`,
      responses: {
        200: {
          description: 'One page, with the cursor of the next and the time it was read',
          schema: QueuePage,
        },
        400: { description: 'A filter, the limit or the cursor is malformed', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not a moderator or admin', problem: true },
      },
    },
    {
      method: 'get',
      path: '/count',
      access: MODERATORS,
      scoped: true,
      summary: 'How many queue items match a filter',
      description: `${FILTER_HELP} Counts items received up to \`asOf\` (now): send it with a bulk action.`,
      responses: {
        200: { description: 'The count, and the time it was counted at', schema: QueueCount },
        400: { description: 'A filter is malformed', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not a moderator or admin', problem: true },
      },
    },
  ],
};

/** A queue item as staff get it (tags without their boundary version). */
function toWire(item: QueueItem): WireQueueItem {
  return {
    ...item,
    tags: item.tags.map((t) => ({
      areaCode: t.areaCode,
      source: t.source,
      primary: t.primary,
      ...(t.uncertain ? { uncertain: true } : {}),
    })),
  };
}

/** The queue resource. */
export function staffQueue(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const query = c.req.query();
      const parsed = parseQueueQuery(query, ['cursor', 'limit'], deps.now());
      if ('errors' in parsed) {
        return problem(c, 400, 'The query does not have the expected shape.', { errors: parsed.errors });
      }
      const limit = v.safeParse(Limit, query.limit ?? String(DEFAULT_QUEUE_LIMIT));
      if (!limit.success) {
        return problem(c, 400, 'The limit is out of range.', {
          errors: [{ path: 'limit', message: limit.issues[0].message }],
        });
      }
      const after = query.cursor === undefined ? undefined : decodeQueueCursor(query.cursor);
      if (query.cursor !== undefined && after === undefined) {
        return problem(c, 400, 'The cursor is not one this API gave out: start again without it.', {
          errors: [{ path: 'cursor', message: 'is not a cursor from a previous page' }],
        });
      }
      // Read before listing: an item received while the page is read is after asOf, never in a bulk action's snapshot.
      const asOf = new Date(deps.now()).toISOString();
      const page = await deps.store.listQueue(
        { ...parsed.filter, scope: c.var.scope },
        { after, limit: limit.output },
      );
      c.header('Cache-Control', 'no-store');
      return c.json({
        items: page.items.map(toWire),
        next: page.next === null ? null : encodeQueueCursor(page.next),
        asOf,
      } satisfies QueuePage);
    })
    .get('/count', async (c) => {
      const parsed = parseQueueQuery(c.req.query(), [], deps.now());
      if ('errors' in parsed) {
        return problem(c, 400, 'The query does not have the expected shape.', { errors: parsed.errors });
      }
      const asOf = new Date(deps.now()).toISOString();
      const count = await deps.store.countQueue({ ...parsed.filter, scope: c.var.scope }, asOf);
      c.header('Cache-Control', 'no-store');
      return c.json({ count, asOf } satisfies QueueCount);
    });
}
