/**
 * The route table: every resource, where it is mounted, its schemas, and who may call each
 * route. app.ts mounts from this list, guards each route by its `access` (api/auth/policy),
 * and /api/openapi.json is generated from it, so the three cannot differ.
 */
import type { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../http/types.ts';
import type { ResourceSpec } from '../openapi/index.ts';
import * as areaMap from './area-map/index.ts';
import * as areas from './areas/index.ts';
import * as auth from './auth/index.ts';
import * as authOidc from './auth-oidc/index.ts';
import * as health from './health/index.ts';
import * as identity from './identity/index.ts';
import * as insatser from './insatser/index.ts';
import * as metrics from './metrics/index.ts';
import * as openapi from './openapi/index.ts';
import * as privacy from './privacy/index.ts';
import * as publicSubmissions from './public-submissions/index.ts';
import * as ready from './ready/index.ts';
import * as receipts from './receipts/index.ts';
import * as shortLinks from './short-links/index.ts';
import * as staffAudit from './staff-audit/index.ts';
import * as staffBoundaries from './staff-boundaries/index.ts';
import * as staffInsatser from './staff-insatser/index.ts';
import * as staffModeration from './staff-moderation/index.ts';
import * as staffSubmissionModeration from './staff-moderation/submissions.ts';
import * as staffQueue from './staff-queue/index.ts';
import * as staffSettings from './staff-settings/index.ts';
import * as staffSubmissions from './staff-submissions/index.ts';
import * as staffThemes from './staff-themes/index.ts';
import * as staffUsers from './staff-users/index.ts';
import * as submissions from './submissions/index.ts';
import * as staffDashboard from './staff-dashboard/index.ts';
import * as staffHome from './staff-home/index.ts';
import * as staffIndicators from './staff-indicators/index.ts';
import * as staffReportingAreas from './staff-reporting-areas/index.ts';
import * as staffExports from './staff-exports/index.ts';
import * as openData from './open-data/index.ts';
import * as publicAnswers from './public-answers/index.ts';

/** A resource ready to mount. */
export interface Resource {
  spec: ResourceSpec;
  app: Hono<AppEnv>;
}

/** All resources of the API, each with the Hono app that serves it. */
export function resources(deps: ApiDeps): Resource[] {
  const list: Resource[] = [
    { spec: submissions.spec, app: submissions.submissions(deps) },
    { spec: receipts.spec, app: receipts.receipts(deps) },
    { spec: insatser.spec, app: insatser.insatser(deps) },
    { spec: areas.spec, app: areas.areas(deps) },
    { spec: areaMap.spec, app: areaMap.areaMap(deps) },
    { spec: privacy.spec, app: privacy.privacy(deps) },
    { spec: identity.spec, app: identity.identity(deps) },
    { spec: health.spec, app: health.health() },
    { spec: ready.spec, app: ready.ready(deps) },
    { spec: metrics.spec, app: metrics.metrics(deps) },
    { spec: auth.spec, app: auth.auth(deps) },
    { spec: authOidc.spec, app: authOidc.authOidc(deps) },
    { spec: staffUsers.spec, app: staffUsers.staffUsers(deps) },
    { spec: staffAudit.spec, app: staffAudit.staffAudit(deps) },
    { spec: staffBoundaries.spec, app: staffBoundaries.staffBoundaries(deps) },
    { spec: staffSubmissions.spec, app: staffSubmissions.staffSubmissions(deps) },
    // Mounted at the same prefix as staff-submissions: what moderators do to one submission.
    {
      spec: staffSubmissionModeration.spec,
      app: staffSubmissionModeration.staffSubmissionModeration(deps),
    },
    { spec: staffQueue.spec, app: staffQueue.staffQueue(deps) },
    { spec: staffHome.spec, app: staffHome.staffHome(deps) },
    { spec: staffModeration.spec, app: staffModeration.staffModeration(deps) },
    { spec: staffSettings.spec, app: staffSettings.staffSettings(deps) },
    { spec: publicSubmissions.spec, app: publicSubmissions.publicSubmissions(deps) },
    { spec: staffInsatser.spec, app: staffInsatser.staffInsatser(deps) },
    { spec: shortLinks.spec, app: shortLinks.shortLinks() },
    { spec: staffDashboard.spec, app: staffDashboard.staffDashboard(deps) },
    { spec: staffThemes.spec, app: staffThemes.staffThemes(deps) },
    { spec: staffIndicators.spec, app: staffIndicators.staffIndicators(deps) },
    { spec: staffReportingAreas.spec, app: staffReportingAreas.staffReportingAreas(deps) },
    { spec: staffExports.spec, app: staffExports.staffExports(deps) },
    { spec: openData.spec, app: openData.openData(deps) },
    { spec: publicAnswers.spec, app: publicAnswers.publicAnswers(deps) },
  ];
  const specs = [...list.map((r) => r.spec), openapi.spec];
  return [...list, { spec: openapi.spec, app: openapi.openapi(specs) }];
}
