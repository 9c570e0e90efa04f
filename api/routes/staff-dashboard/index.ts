/**
 * The staff dashboard (issue 8), for every staff role: counts per delområde, stadsområde,
 * insats, kind, group, age band and ISO week (GET /), and an insats's answer distributions
 * (GET /answers). Query parameters as common/wire/insights.ts DashboardQuery; numbers from the
 * aggregate tables only (api/domain/insights).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import * as v from 'valibot';
import { fieldErrors } from '../../../common/wire/index.ts';
import { DashboardQuery } from '../../../common/wire/insights.ts';
import { ANY_ROLE } from '../../auth/policy/index.ts';
import {
  buildAnswerDistribution,
  buildDashboard,
  type ResolvedFilter,
  resolveFilter,
} from '../../domain/insights/index.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

const errors = {
  400: { description: 'A filter is malformed, unknown or the period too long (see errors)', problem: true },
  401: { description: 'Not signed in', problem: true },
  403: { description: 'No staff role', problem: true },
} as const;
const QUERY =
  'Query: `insats` (an id or `none`), `area` or `district`, `group`, `from`/`to` (days, inclusive; ' +
  'default the last 365 days), `basis` (`primary`, default, or `any`). Reads aggregate tables only.';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/dashboard',
  tag: 'dashboard',
  routes: [
    {
      method: 'get',
      path: '/',
      access: ANY_ROLE,
      scoped: true,
      summary: 'Counts of submissions for the dashboard',
      description: QUERY,
      responses: { 200: { description: 'The dashboard (common/wire/insights.ts Dashboard)' }, ...errors },
    },
    {
      method: 'get',
      path: '/answers',
      access: ANY_ROLE,
      scoped: true,
      summary: 'Answer distributions of one insats',
      description: `${QUERY} \`insats\` is required here (not \`none\`).`,
      responses: {
        200: { description: 'Per question version (common/wire/insights.ts AnswerDistribution)' },
        ...errors,
      },
    },
  ],
};

/** The query of a request made concrete, or the 400 to answer. */
async function filterOf(c: Context<AppEnv>, deps: ApiDeps): Promise<ResolvedFilter | Response> {
  const parsed = v.safeParse(DashboardQuery, c.req.query());
  if (!parsed.success)
    return problem(c, 400, 'The query does not have the expected shape.', {
      errors: fieldErrors(parsed.issues),
    });
  const resolved = await resolveFilter(deps.store, parsed.output, new Date(deps.now()));
  if ('errors' in resolved)
    return problem(c, 400, 'The filters do not fit the data.', { errors: resolved.errors });
  const insats = resolved.resolved.filter.insats;
  if (
    insats !== undefined &&
    insats !== 'none' &&
    !(await deps.store.insatsInStaffScope(insats, c.var.scope))
  )
    return problem(c, 404, 'There is no such insats among your nämnder.');
  // Counts of what the caller's nämnder cover only (the store adds the condition).
  return { ...resolved.resolved, store: { ...resolved.resolved.store, scope: c.var.scope } };
}

/** The dashboard resource. */
export function staffDashboard(deps: ApiDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const resolved = await filterOf(c, deps);
      if (resolved instanceof Response) return resolved;
      c.header('Cache-Control', 'no-store');
      return c.json(await buildDashboard(deps.store, resolved));
    })
    .get('/answers', async (c) => {
      const resolved = await filterOf(c, deps);
      if (resolved instanceof Response) return resolved;
      const insats = resolved.filter.insats;
      if (insats === undefined || insats === 'none')
        return problem(c, 400, 'Choose an insats.', { errors: [{ path: 'insats', message: 'is required' }] });
      c.header('Cache-Control', 'no-store');
      return c.json(await buildAnswerDistribution(deps.store, insats, resolved));
    });
}
