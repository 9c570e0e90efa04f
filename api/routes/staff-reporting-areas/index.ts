/**
 * /api/staff/reporting-areas: the areas statistics are published for (UVAS comes per larger
 * area than a delområde) and the delområden each is made of, by hand or from a crosswalk CSV
 * (docs/indicators.md). Every staff role reads; admins and analysts write; all audited.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import {
  CROSSWALK_CSV_COLUMNS,
  type CrosswalkImportResult,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  ReportingAreaInput,
} from '../../../common/wire/insights.ts';
import { ANY_ROLE } from '../../auth/policy/index.ts';
import { REPORTING_CODE, validateCrosswalkRows } from '../../domain/indicators/crosswalk.ts';
import { readCsv } from '../../domain/indicators/csv.ts';
import { jsonBody } from '../../http/json-body.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import { csvBody, importMode } from '../staff-indicators/csv-body.ts';
import { INDICATOR_WRITERS } from '../staff-indicators/spec.ts';
import { auditActor } from '../staff-queue/filter.ts';

const auth = { 401: { description: 'Not signed in', problem: true } } as const;
const write403 = {
  403: { description: 'Not an admin or analyst, or missing X-CSRF-Token', problem: true },
} as const;
const ReportingAreaSchema = v.object({ code: v.string(), name: v.string(), areaCodes: v.array(v.string()) });

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/reporting-areas',
  tag: 'reporting areas',
  routes: [
    {
      method: 'get',
      path: '/',
      access: ANY_ROLE,
      summary: 'Reporting areas and their delområden',
      responses: {
        200: { description: 'By code', schema: v.array(ReportingAreaSchema) },
        ...auth,
        403: { description: 'No staff role', problem: true },
      },
    },
    {
      method: 'put',
      path: '/:code',
      access: INDICATOR_WRITERS,
      summary: 'Create or replace a reporting area',
      description:
        'Code: 1–20 letters, digits, _ or -. Every delområde must exist; they replace the members. ' +
        'Audited (`reporting-area.save`). Needs X-CSRF-Token.',
      body: ReportingAreaInput,
      responses: {
        200: { description: 'The reporting area', schema: ReportingAreaSchema },
        400: { description: 'Bad code, unknown delområde, or malformed body', problem: true },
        ...auth,
        ...write403,
        413: { description: 'Body too large', problem: true },
        415: { description: 'Not application/json', problem: true },
      },
    },
    {
      method: 'delete',
      path: '/:code',
      access: INDICATOR_WRITERS,
      summary: 'Delete a reporting area',
      description: 'Audited (`reporting-area.delete`). Needs X-CSRF-Token.',
      responses: {
        204: { description: 'Deleted' },
        ...auth,
        ...write403,
        404: { description: 'No such reporting area', problem: true },
        409: { description: 'Indicator values are given for it', problem: true },
      },
    },
    {
      method: 'post',
      path: '/import',
      access: INDICATOR_WRITERS,
      summary: 'Import the crosswalk from CSV (?mode=preview or ?mode=commit)',
      description:
        `Body text/csv (UTF-8, BOM allowed, \`;\` or \`,\`), at most ${MAX_IMPORT_BYTES} bytes, columns ` +
        `${CROSSWALK_CSV_COLUMNS.join(', ')}. Each reporting area in the file gets exactly the delområden ` +
        'listed for it; one with a bad row is left unchanged. Audited once per commit. Needs X-CSRF-Token.',
      responses: {
        200: { description: 'What was (or would be) imported, and the row errors' },
        400: { description: 'No mode, not UTF-8, not CSV, or a wrong header', problem: true },
        ...auth,
        ...write403,
        413: { description: 'File too large, or too many rows', problem: true },
        415: { description: 'Not text/csv', problem: true },
      },
    },
  ],
};

/** The reporting areas resource. */
export function staffReportingAreas(deps: ApiDeps): Hono<AppEnv> {
  const knownAreas = async () => new Set((await deps.store.listAreas()).map((a) => a.code));

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await deps.store.listReportingAreas());
    })
    .post('/import', csvBody, async (c) => {
      const mode = importMode(c);
      if (mode instanceof Response) return mode;
      const read = readCsv(c.var.csv, CROSSWALK_CSV_COLUMNS, MAX_IMPORT_ROWS);
      if (!read.ok) return problem(c, read.status, read.message);
      const { areas, accepted, errors } = validateCrosswalkRows(read.rows, await knownAreas());
      const allErrors = [...read.errors, ...errors].sort((a, b) => a.row - b.row);
      const rows = read.rows.length + read.errors.length;
      if (mode === 'commit' && areas.length > 0) {
        await deps.store.saveReportingAreas(areas, auditActor(c, deps), {
          rows,
          accepted,
          errors: allErrors.length,
        });
      }
      const result: CrosswalkImportResult = { mode, rows, accepted, areas, errors: allErrors };
      c.header('Cache-Control', 'no-store');
      return c.json(result);
    })
    .put('/:code', jsonBody(ReportingAreaInput, 64 * 1024), async (c) => {
      const code = c.req.param('code');
      if (!REPORTING_CODE.test(code)) {
        return problem(c, 400, 'A reporting area code is 1–20 letters, digits, _ or -.', {
          errors: [{ path: 'code', message: 'must be 1–20 letters, digits, _ or -' }],
        });
      }
      const known = await knownAreas();
      const unknown = c.var.body.areaCodes.filter((a) => !known.has(a));
      if (unknown.length > 0) {
        const message = `not delområden: ${unknown.join(', ')}`;
        return problem(c, 400, `These are not delområde codes: ${unknown.join(', ')}.`, {
          errors: [{ path: 'areaCodes', message }],
        });
      }
      const area = { code, name: c.var.body.name, areaCodes: [...new Set(c.var.body.areaCodes)].sort() };
      await deps.store.saveReportingAreas([area], auditActor(c, deps));
      return c.json(area);
    })
    .delete('/:code', async (c) => {
      const outcome = await deps.store.deleteReportingArea(c.req.param('code'), auditActor(c, deps));
      if (outcome === 'not-found') return problem(c, 404, 'There is no reporting area with this code.');
      if (outcome === 'in-use') {
        return problem(c, 409, 'Indicator values are given for this reporting area; remove them first.');
      }
      return c.body(null, 204);
    });
}
