/**
 * GET /api/public/submissions: what people said that moderators approved, with the city's
 * answers, for the public page of an insats or a delområde. Only approved comments, proposals
 * and short-text answers, texts as stored (redacted spans replaced); never contact details,
 * flags, device ids, receipts or submission ids (each item has an opaque key instead). The day
 * an item was made is shown, not the time.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { AreaCode, fieldErrors, SUBMISSION_KINDS } from '../../../common/wire/index.ts';
import {
  DEFAULT_PUBLIC_LIMIT,
  MAX_PUBLIC_LIMIT,
  type PublicSubmission,
  PublicSubmissionPage,
} from '../../../common/wire/moderation.ts';
import { ifNoneMatchHas, weakEtag } from '../../http/etag.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import type { PublicCursor, PublicSubmissionRecord } from '../../store/index.ts';
import { stockholmDay } from '../../domain/local-time/index.ts';
import { type ShownCells, shownCells } from './cells.ts';
import { publicRead } from '../../http/public-read/index.ts';

/**
 * Caches may keep a page but must ask again before each use: an item hidden or redacted after
 * approval must not stay public in a shared cache. The weak ETag makes the asking cheap (304).
 */
const CACHE_CONTROL = 'no-cache';

const limitMessage = `must be a whole number from 1 to ${MAX_PUBLIC_LIMIT}`;
const Query = v.strictObject({
  insats: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an insats id'))),
  area: v.optional(AreaCode),
  kind: v.optional(v.picklist(SUBMISSION_KINDS)),
  cursor: v.optional(v.string()),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/, limitMessage),
      v.transform(Number),
      v.minValue(1, limitMessage),
      v.maxValue(MAX_PUBLIC_LIMIT, limitMessage),
    ),
    String(DEFAULT_PUBLIC_LIMIT),
  ),
});

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/public/submissions',
  tag: 'public',
  routes: [
    {
      method: 'get',
      path: '/',
      access: 'public',
      summary: 'Approved comments, proposals and answers, with the official answers',
      description:
        'Newest first. Query: `insats` (an insats id, or `none` for items with no insats: new ideas), ' +
        '`kind` (one kind of item), `area` (a delområde code: the primary one; an item is shown with ' +
        'its delområde, and found by `area`, only when its cell, insats × delområde, is published at 5 ' +
        "or more in today's open data, else its `area` is null), `limit` " +
        `(1–${MAX_PUBLIC_LIMIT}, default ${DEFAULT_PUBLIC_LIMIT}), \`cursor\` (the \`next\` of the previous page).`,
      responses: {
        200: { description: 'One page', schema: PublicSubmissionPage },
        400: { description: 'A filter, the limit or the cursor is malformed', problem: true },
        429: { description: 'Too many requests this minute from this client address', problem: true },
      },
    },
  ],
};

function encodeCursor(cursor: PublicCursor): string {
  return Buffer.from(`${cursor.receivedAt}\n${cursor.key}`, 'utf8').toString('base64url');
}

function decodeCursor(raw: string): PublicCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return undefined;
  const [receivedAt, key, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split('\n');
  if (receivedAt === undefined || key === undefined || !/^[A-Za-z0-9_-]{22}$/.test(key) || rest.length > 0) {
    return undefined;
  }
  if (Number.isNaN(Date.parse(receivedAt)) || new Date(Date.parse(receivedAt)).toISOString() !== receivedAt) {
    return undefined;
  }
  return { receivedAt, key };
}

/**
 * What the public sees of an item: named fields only, so nothing the store adds later leaks. The
 * delområde only where its cell is published at 5 or more (./cells.ts); else null, as for an
 * item in no delområde.
 */
function toPublic(r: PublicSubmissionRecord, cells: ShownCells): PublicSubmission {
  return {
    key: r.key,
    kind: r.kind,
    insatsId: r.insatsId,
    title: r.title,
    text: r.text,
    answers: r.answers.map((a) => ({ questionId: a.questionId, text: a.text })),
    organisation: r.kind === 'proposal' ? r.organisation : null,
    proposal:
      r.kind === 'proposal' && r.proposal
        ? { offers: [...r.proposal.offers], asks: [...r.proposal.asks] }
        : null,
    area:
      r.area === null || !cells.has(r.area.code, r.insatsId)
        ? null
        : { code: r.area.code, name: r.area.name },
    locale: r.locale,
    day: stockholmDay(r.createdAt),
    answer: r.answer === null ? null : { text: r.answer.text, answeredAt: r.answer.answeredAt },
  };
}

/** The public-submissions resource. */
export function publicSubmissions(deps: ApiDeps) {
  const cellsToday = shownCells(deps);
  return new Hono<AppEnv>().use(publicRead()).get(
    '/',
    // Per request and client address, counted apart from submissions and receipt look-ups.
    deps.limiter.limit(() => ({ scope: 'public', amount: 1 })),
    async (c) => {
      const parsed = v.safeParse(Query, c.req.query());
      if (!parsed.success) {
        return problem(c, 400, 'The query does not have the expected shape.', {
          errors: fieldErrors(parsed.issues),
        });
      }
      const q = parsed.output;
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      if (q.cursor !== undefined && after === undefined) {
        return problem(c, 400, 'The cursor is not one this API gave out: start again without it.', {
          errors: [{ path: 'cursor', message: 'is not a cursor from a previous page' }],
        });
      }
      const cells = await cellsToday();
      const page = await deps.store.listPublicSubmissions(
        {
          // `none`: no insats (an insats is never given that id).
          insatsId: q.insats === 'none' ? null : q.insats,
          kind: q.kind,
          areaCode: q.area,
          // By area, only the items that are listed with that area.
          areaInsatser: q.area === undefined ? undefined : cells.insatserIn(q.area),
        },
        { after, limit: q.limit },
      );
      const body = JSON.stringify({
        items: page.items.map((r) => toPublic(r, cells)),
        next: page.next === null ? null : encodeCursor(page.next),
      } satisfies PublicSubmissionPage);
      const etag = weakEtag(body);
      c.header('Cache-Control', CACHE_CONTROL);
      c.header('ETag', etag);
      if (ifNoneMatchHas(c.req.header('If-None-Match'), [etag])) return c.body(null, 304);
      return c.body(body, 200, { 'Content-Type': 'application/json' });
    },
  );
}
