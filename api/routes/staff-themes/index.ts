/**
 * GET /api/staff/themes: the words and phrases distinctive for a delområde and/or an insats
 * against the rest of the city (api/domain/themes), for every staff role, as the dashboard.
 * Computed on request from the stored texts; nothing is sent anywhere else.
 */
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { fieldErrors } from '../../../common/wire/index.ts';
import { ANY_ROLE } from '../../auth/policy/index.ts';
import { computeAreaThemes } from '../../domain/themes/city.ts';
import { computeThemes } from '../../domain/themes/index.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Most themes one request may ask for. */
export const MAX_THEMES = 100;

/** The query: a scope (at least one of area and insats) and how many themes. */
export const ThemesQuery = v.pipe(
  v.strictObject({
    area: v.optional(v.pipe(v.string(), v.regex(/^\d{5}$/, 'must be a five-digit delområde code'))),
    insats: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an insats id'))),
    limit: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{1,3}$/, `must be a whole number from 1 to ${MAX_THEMES}`),
        v.transform(Number),
        v.minValue(1, `must be a whole number from 1 to ${MAX_THEMES}`),
        v.maxValue(MAX_THEMES, `must be a whole number from 1 to ${MAX_THEMES}`),
      ),
    ),
  }),
  v.check((q) => q.area !== undefined || q.insats !== undefined, 'name an area or an insats (or both)'),
);

/** The query of the city overview: how many themes per area (default 5, at most 20). */
const AreasQuery = v.strictObject({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,2}$/, 'must be a whole number from 1 to 20'),
      v.transform(Number),
      v.minValue(1, 'must be a whole number from 1 to 20'),
      v.maxValue(20, 'must be a whole number from 1 to 20'),
    ),
  ),
});

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/themes',
  tag: 'dashboard',
  routes: [
    {
      method: 'get',
      path: '/',
      access: ANY_ROLE,
      scoped: true,
      summary: 'Distinctive words and phrases of an area or an insats',
      description:
        'Query: `area` (a delområde code, the primary tag) and/or `insats` (an id), `limit` ' +
        `(1–${MAX_THEMES}, default 20). Weighted log-odds with an informative Dirichlet prior against ` +
        'every other comment and proposal of the city; near-identical texts count once. Exact counts, ' +
        'small ones included (staff only).',
      responses: {
        200: { description: 'The themes (api/domain/themes Themes)' },
        400: { description: 'The query is malformed or names no scope', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'No staff role', problem: true },
      },
    },
    {
      method: 'get',
      path: '/areas',
      access: ANY_ROLE,
      scoped: true,
      summary: 'The top themes of every delområde, each against the rest of the city',
      description: 'Query: `limit` (themes per area, 1–20, default 5). Areas without texts are left out.',
      responses: {
        200: { description: '`areas`: per area code, as GET / answers for that area' },
        400: { description: 'The query is malformed', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'No staff role', problem: true },
      },
    },
  ],
};

/**
 * Whose words the themes may show: what the person may read in the queue. Analysts read only
 * approved texts (as in the exports); moderators and admins also pending ones. Rejected and
 * hidden texts never: they were taken down, often for personal data.
 */
function themeStatuses(c: Context<AppEnv>): ('pending' | 'approved')[] {
  return c.var.staff?.user.role === 'analyst' ? ['approved'] : ['pending', 'approved'];
}

/** The themes resource. */
export function staffThemes(deps: ApiDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const parsed = v.safeParse(ThemesQuery, c.req.query());
      if (!parsed.success)
        return problem(c, 400, 'The query does not have the expected shape.', {
          errors: fieldErrors(parsed.issues),
        });
      const { area, insats, limit } = parsed.output;
      if (area !== undefined && !(await deps.store.listAreas()).some((a) => a.code === area))
        return problem(c, 400, 'There is no such delområde.', {
          errors: [{ path: 'area', message: 'is unknown' }],
        });
      const texts = await deps.store.listThemeTexts({ statuses: themeStatuses(c), scope: c.var.scope });
      const themes = computeThemes(texts, { area, insatsId: insats }, limit ?? 20);
      c.header('Cache-Control', 'no-store');
      return c.json({ area: area ?? null, insats: insats ?? null, ...themes });
    })
    .get('/areas', async (c) => {
      const parsed = v.safeParse(AreasQuery, c.req.query());
      if (!parsed.success)
        return problem(c, 400, 'The query does not have the expected shape.', {
          errors: fieldErrors(parsed.issues),
        });
      const byArea = computeAreaThemes(
        await deps.store.listThemeTexts({ statuses: themeStatuses(c), scope: c.var.scope }),
        parsed.output.limit ?? 5,
      );
      const areas = [...byArea]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([area, themes]) => ({ area, ...themes }));
      c.header('Cache-Control', 'no-store');
      return c.json({ areas });
    });
}
