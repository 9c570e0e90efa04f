/**
 * GET /api/staff/audit: the audit log for admins, newest first, filtered and paged.
 *
 * Paging is by keyset: `next` is an opaque cursor (base64url of the last row's time and id),
 * so a page never repeats or skips rows however many are appended meanwhile.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { fieldErrors } from '../../../common/wire/index.ts';
import { AuditPage, type AuditEntry } from '../../../common/wire/staff.ts';
import { ADMINS } from '../../auth/policy/index.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import type { AuditQuery, AuditRecord } from '../../store/index.ts';

/** Rows per page unless `limit` says otherwise, and the most a page holds. */
export const DEFAULT_AUDIT_LIMIT = 50;
export const MAX_AUDIT_LIMIT = 200;

const Text = v.pipe(v.string(), v.trim(), v.minLength(1, 'is empty'), v.maxLength(200, 'is too long'));
const Time = v.pipe(
  v.string(),
  v.trim(),
  v.check(
    (s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
    'is not a date or time (ISO 8601)',
  ),
  v.transform((s) => new Date(Date.parse(s)).toISOString()),
);

/** The query string: each filter optional; unknown parameters are refused (a typo filters nothing). */
const Query = v.strictObject({
  actor: v.optional(Text),
  action: v.optional(Text),
  targetType: v.optional(Text),
  targetId: v.optional(Text),
  from: v.optional(Time),
  to: v.optional(Time),
  cursor: v.optional(v.string()),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/, `must be a whole number from 1 to ${MAX_AUDIT_LIMIT}`),
      v.transform(Number),
      v.minValue(1, `must be a whole number from 1 to ${MAX_AUDIT_LIMIT}`),
      v.maxValue(MAX_AUDIT_LIMIT, `must be a whole number from 1 to ${MAX_AUDIT_LIMIT}`),
    ),
    String(DEFAULT_AUDIT_LIMIT),
  ),
});

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/audit',
  tag: 'audit log',
  routes: [
    {
      method: 'get',
      path: '/',
      access: ADMINS,
      summary: 'Browse the audit log',
      description:
        'Newest first. Query filters: `actor` (staff user id), `action` (exact, or a prefix ending in ' +
        '`.` like `user.`), `targetType`, `targetId`, `from` (inclusive) and `to` (exclusive) as ISO 8601, ' +
        `\`limit\` (1–${MAX_AUDIT_LIMIT}, default ${DEFAULT_AUDIT_LIMIT}), and \`cursor\` (the \`next\` of ` +
        'the previous page).',
      responses: {
        200: { description: 'One page of audit rows', schema: AuditPage },
        400: { description: 'A filter or the cursor is malformed', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not an admin', problem: true },
      },
    },
  ],
};

function encodeCursor(row: AuditRecord): string {
  return Buffer.from(`${row.at}\n${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return undefined;
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('\n');
  if (at === undefined || id === undefined || id === '' || rest.length > 0) return undefined;
  if (Number.isNaN(Date.parse(at)) || new Date(Date.parse(at)).toISOString() !== at) return undefined;
  return { at, id };
}

function toEntry(row: AuditRecord): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actorId, label: row.actorLabel },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

/** The audit resource. */
export function staffAudit(deps: ApiDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const parsed = v.safeParse(Query, c.req.query());
    if (!parsed.success) {
      return problem(c, 400, 'The query does not have the expected shape.', {
        errors: fieldErrors(parsed.issues),
      });
    }
    const q = parsed.output;
    const before = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (q.cursor !== undefined && before === undefined) {
      return problem(c, 400, 'The cursor is not one this API gave out: start again without it.', {
        errors: [{ path: 'cursor', message: 'is not a cursor from a previous page' }],
      });
    }
    const query: AuditQuery = {
      actorId: q.actor,
      action: q.action,
      targetType: q.targetType,
      targetId: q.targetId,
      from: q.from,
      to: q.to,
      before,
      // One more than asked: whether it exists says whether there is a next page.
      limit: q.limit + 1,
    };
    const rows = await deps.store.listAudit(query);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    c.header('Cache-Control', 'no-store');
    return c.json({
      entries: page.map(toEntry),
      next: rows.length > q.limit && last ? encodeCursor(last) : null,
    } satisfies AuditPage);
  });
}
