/**
 * /api/staff/boundary-sets: the stored boundary set versions, which one tagging uses, and how
 * far re-tagging has come; moderators choose the active set here (re-tagging is theirs).
 *
 * Activation goes through api/domain/retag like `npm run areas:import -- --activate`: the set
 * becomes active with its re-tag job in one transaction, every server follows within seconds
 * and their runners re-tag in the background. The set's area names are applied too, as the
 * import applies them. Each change is audited (`boundaries.activate`, before/after).
 *
 * A set is checked against the city's known extent before it is activated (a set stored before
 * imports were checked may have its axes exchanged or lie elsewhere): refused with 422.
 */
import { Hono } from 'hono';
import { BoundarySets } from '../../../common/wire/staff.ts';
import { audit } from '../../auth/audit/index.ts';
import { MODERATORS } from '../../auth/policy/access.ts';
import { storedSetIssues } from '../../domain/boundaries/index.ts';
import { activateBoundarySet, retagProgress } from '../../domain/retag/index.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import type { Store } from '../../store/index.ts';
import { areaNamesOf } from './names.ts';

/** Where this resource is mounted and what it answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/boundary-sets',
  tag: 'staff',
  routes: [
    {
      method: 'get',
      path: '/',
      access: MODERATORS,
      summary: 'Boundary set versions, the active one, and re-tagging progress',
      responses: { 200: { description: 'The versions, oldest first', schema: BoundarySets } },
    },
    {
      method: 'post',
      path: '/:version/activate',
      access: MODERATORS,
      summary: 'Make a stored boundary set the one tagging uses',
      description:
        'Starts re-tagging every submission by it (in the background; see `retag`) and applies its ' +
        'area names. Activating the active set changes nothing.',
      responses: {
        200: { description: 'The versions after the change', schema: BoundarySets },
        404: { description: 'No such version', problem: true },
        422: {
          description: "The set's coordinates lie outside the city (or in it only with the axes exchanged)",
          problem: true,
        },
      },
    },
  ],
};

/** The staff boundary-sets resource. */
export function staffBoundaries(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .get('/', async (c) => c.json(await overview(deps.store)))
    .post('/:version/activate', async (c) => {
      const version = c.req.param('version');
      const geojson = await deps.store.boundarySetGeojson(version);
      if (geojson === undefined) return problem(c, 404, `There is no boundary set version ${version}.`);
      const issues = storedSetIssues(JSON.parse(geojson));
      if (issues.length > 0) {
        const more = issues.length > 1 ? ` (and ${issues.length - 1} more like it)` : '';
        return problem(
          c,
          422,
          `Boundary set ${version} cannot be activated: ${issues[0]?.message}${more}. Import a corrected file with npm run areas:import.`,
        );
      }
      const before = (await deps.store.activeBoundaryVersion()) ?? null;
      const job = await activateBoundarySet(deps.store, version, { now: () => new Date(deps.now()) });
      // After activation, as the import does: names follow the set that is active.
      await deps.store.saveAreaNames(areaNamesOf(geojson));
      if (before !== version) {
        await audit(c, deps, {
          action: 'boundaries.activate',
          targetType: 'boundary_set',
          targetId: version,
          before: { active: before },
          after: { active: version, retagJob: job?.id ?? null },
        });
      }
      return c.json(await overview(deps.store));
    });
}

async function overview(store: Store): Promise<BoundarySets> {
  const [sets, progress] = await Promise.all([store.listBoundarySets(), retagProgress(store)]);
  return {
    active: sets.find((s) => s.active)?.version ?? null,
    sets: sets.map(({ version, active, createdAt, activatedAt }) => ({
      version,
      active,
      createdAt,
      activatedAt,
    })),
    retag: progress
      ? {
          id: progress.job.id,
          boundaryVersion: progress.job.boundaryVersion,
          previousVersion: progress.job.previousVersion,
          status: progress.job.status,
          processed: progress.job.processed,
          total: progress.job.total,
          percent: progress.percent,
          createdAt: progress.job.createdAt,
          finishedAt: progress.job.finishedAt,
        }
      : null,
  };
}
