/**
 * Staff exports (docs/exports.md):
 * - GET /api/staff/exports/submissions.zip: submissions.csv and answers.csv of the dashboard's
 *   filter, streamed. Contact columns only for admins and moderators (each such export is
 *   audited: filter and row count); analysts get no free text of items that are not approved.
 * - GET /api/staff/exports/submissions.xlsx: the same as one typed spreadsheet.
 * - GET /api/staff/exports/areas.geojson: the delområden with their counts under the filter,
 *   and with `indicator` that indicator's latest measurement, baseline and targets.
 */
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { audit as writeAudit } from '../../auth/audit/index.ts';
import { ANY_ROLE } from '../../auth/policy/index.ts';
import { fieldErrors } from '../../../common/wire/index.ts';
import { DashboardQuery } from '../../../common/wire/insights.ts';
import { exportZip, mayReadContacts } from '../../domain/exports/index.ts';
import { exportWorkbook, SHEET_MAX_ROWS, TooManyRowsError } from '../../domain/exports/xlsx.ts';
import { resolveFilter } from '../../domain/insights/index.ts';
import { areaGeometries, featureCollection, indicatorByArea } from '../../domain/exports/geojson.ts';
import { indicatorFields, roundCoordinates } from '../../domain/exports/gis.ts';
import { problem } from '../../http/problem.ts';
import type { StaffScope } from '../../store/index.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

const FILTER_HELP =
  "The dashboard's filters as query parameters: `insats` (an id or `none`), `area` (a delområde) or " +
  '`district` (a stadsområde), `group`, `from`/`to` (Malmö days of when the input was made, both ' +
  'included; default the last 365 days), `basis` (`primary`, default, or `any` tag).';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const IndicatorId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be an indicator id'));

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/exports',
  tag: 'exports',
  routes: [
    {
      method: 'get',
      path: '/submissions.zip',
      access: ANY_ROLE,
      scoped: true,
      summary: 'Submissions and answers as CSV files in a zip',
      description:
        `${FILTER_HELP} A zip (application/zip) of submissions.csv and answers.csv: UTF-8 with BOM, ` +
        '`;`-separated, CRLF, columns in docs/exports.md. Every moderation status is included (column ' +
        '`counted` says whether the dashboard counts it). Contact columns only for admins and moderators ' +
        '(audited before the first byte: `export.contacts`, then `export.contacts.done` with the row count); ' +
        'analysts get blank texts for items not approved. Streamed, no row cap.',
      responses: {
        200: { description: 'The zip, as an attachment' },
        400: { description: 'A filter is malformed', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'No staff role', problem: true },
        503: { description: 'The export could not be audited, so it was not started', problem: true },
      },
    },
    {
      method: 'get',
      path: '/submissions.xlsx',
      access: ANY_ROLE,
      scoped: true,
      summary: 'Submissions and answers as one spreadsheet (XLSX)',
      description:
        `${FILTER_HELP} An XLSX workbook with the sheets submissions and answers: the same columns and ` +
        'rules as the CSV files, typed: `day` a date, `created_at`/`received_at` date-times in Malmö time, ' +
        'numbers as numbers, every other value as text (codes and phone numbers as written). Audited as ' +
        'the zip. At most 1,048,575 rows a sheet (413 beyond: take the zip).',
      responses: {
        200: { description: 'The workbook, as an attachment' },
        400: { description: 'A filter is malformed', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'No staff role', problem: true },
        413: { description: 'More rows than a spreadsheet holds', problem: true },
        503: { description: 'The export could not be audited, so it was not started', problem: true },
      },
    },
    {
      method: 'get',
      path: '/areas.geojson',
      access: ANY_ROLE,
      scoped: true,
      summary: 'Delområden with counts (and an indicator) as GeoJSON',
      description:
        `${FILTER_HELP} \`indicator\`: an indicator id, adding its latest measurement, baseline and ` +
        'targets per delområde (a reporting-area value stands for each of its delområden). ' +
        'application/geo+json, as an attachment.',
      responses: {
        200: { description: 'A FeatureCollection (RFC 7946)' },
        400: { description: 'A filter is malformed', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'No staff role', problem: true },
        404: { description: 'No such indicator', problem: true },
      },
    },
  ],
};

/** The exports resource. */
export function staffExports(deps: ApiDeps): Hono<AppEnv> {
  /** The request's filter, resolved as the dashboard resolves it (same rules, same errors). */
  const filterOf = async (
    query: Record<string, string>,
    scope: StaffScope | undefined,
    extra: readonly string[] = [],
  ) => {
    const own = Object.fromEntries(Object.entries(query).filter(([k]) => !extra.includes(k)));
    const parsed = v.safeParse(DashboardQuery, own);
    if (!parsed.success) return { errors: fieldErrors(parsed.issues) };
    const out = await resolveFilter(deps.store, parsed.output, new Date(deps.now()));
    if ('errors' in out) return out;
    const insats = out.resolved.filter.insats;
    if (insats !== undefined && insats !== 'none' && !(await deps.store.insatsInStaffScope(insats, scope)))
      return { errors: [{ path: 'insats', message: 'is not an insats of your nämnder' }] };
    return { ...out.resolved, store: { ...out.resolved.store, scope } };
  };

  /**
   * What both export formats do first: the role, the filter as the dashboard resolves it, and for
   * roles that get contact details the audit row written before the first byte leaves (refused
   * when it cannot be written); `onWritten` audits the row count at the end.
   */
  const startExport = async (c: Context<AppEnv>) => {
    const user = c.var.staff?.user;
    const role = user?.role;
    if (!user || !role) return problem(c, 403, 'This needs a staff role.');
    const resolved = await filterOf(c.req.query(), c.var.scope);
    if ('errors' in resolved)
      return problem(c, 400, 'The filter does not have the expected shape.', { errors: resolved.errors });
    const startedAt = new Date(deps.now()).toISOString();
    const { filter } = resolved;
    const areaCodes = filter.area !== undefined ? [filter.area] : resolved.store.areaCodes;
    const exportFilter = {
      from: filter.from,
      to: filter.to,
      basis: filter.basis,
      receivedUpTo: startedAt,
      scope: c.var.scope,
      ...(filter.insats === undefined ? {} : { insats: filter.insats }),
      ...(filter.group === undefined ? {} : { group: filter.group }),
      ...(areaCodes === undefined ? {} : { areaCodes }),
    };
    const exportAudit = (action: string, after: Record<string, unknown>) =>
      writeAudit(c, deps, { action, targetType: 'export', targetId: null, after });
    if (mayReadContacts(role)) {
      // Contact details leave only once the export is in the audit log: audited before the
      // first byte, refused when that cannot be written (the row count follows at the end).
      try {
        await exportAudit('export.contacts', { filter });
      } catch (err) {
        deps.logger.error?.({ err: String(err) }, 'export audit failed');
        return problem(c, 503, 'The export could not be audited, so it was not started. Try again.');
      }
    }
    const onWritten = async (rows: number, complete: boolean) => {
      if (!mayReadContacts(role)) return;
      try {
        await exportAudit('export.contacts.done', { filter, rows, complete });
      } catch (err) {
        deps.logger.error?.({ err: String(err) }, 'export audit failed');
      }
    };
    return { role, exportFilter, areas: resolved.areas, onWritten, startedAt };
  };

  return new Hono<AppEnv>()
    .get('/submissions.zip', async (c) => {
      const started = await startExport(c);
      if (started instanceof Response) return started;
      const { role, exportFilter, areas, onWritten, startedAt } = started;
      const body = exportZip(deps.store, exportFilter, role, areas, onWritten);
      return c.body(body, 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="kraftsamla-export-${startedAt.slice(0, 10)}.zip"`,
        'Cache-Control': 'no-store',
      });
    })
    .get('/submissions.xlsx', async (c) => {
      const started = await startExport(c);
      if (started instanceof Response) return started;
      const { role, exportFilter, areas, onWritten, startedAt } = started;
      let file: Buffer;
      try {
        file = await exportWorkbook(deps.store, exportFilter, role, areas, onWritten);
      } catch (err) {
        if (!(err instanceof TooManyRowsError)) throw err;
        return problem(
          c,
          413,
          `The export has more rows in ${err.sheet} than a spreadsheet holds (${SHEET_MAX_ROWS - 1}). Narrow the filter or take the CSV files (submissions.zip).`,
        );
      }
      return c.body(new Uint8Array(file), 200, {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': `attachment; filename="kraftsamla-export-${startedAt.slice(0, 10)}.xlsx"`,
        'Cache-Control': 'no-store',
      });
    })
    .get('/areas.geojson', async (c) => {
      const query = c.req.query();
      const resolved = await filterOf(query, c.var.scope, ['indicator']);
      if ('errors' in resolved)
        return problem(c, 400, 'The filter does not have the expected shape.', { errors: resolved.errors });
      let indicator: Awaited<ReturnType<typeof deps.store.indicatorMapValues>>;
      if (query.indicator !== undefined) {
        const id = v.safeParse(IndicatorId, query.indicator);
        if (!id.success)
          return problem(c, 400, 'The indicator is not an indicator id.', {
            errors: [{ path: 'indicator', message: id.issues[0].message }],
          });
        // An indicator of an insats outside the caller's nämnder is as if absent.
        const visible = await deps.store.getIndicator(id.output, c.var.scope);
        indicator = visible ? await deps.store.indicatorMapValues(id.output) : undefined;
        if (!indicator) return problem(c, 404, 'There is no such indicator.');
      }
      const set = await deps.store.activeBoundarySet();
      // Flat numbers and 6 decimals: what GIS tools read as columns (api/domain/exports/gis.ts).
      const geometries = (set ? areaGeometries(set) : []).map((g) => ({
        ...g,
        geometry: roundCoordinates(g.geometry),
      }));
      const counts = new Map(
        (await deps.store.countSubmissions(resolved.store, 'area')).map((r) => [r.key, r.count]),
      );
      const byCode = new Map(resolved.areas.map((a) => [a.code, a]));
      const perArea = indicator ? indicatorByArea(indicator.values) : undefined;
      const fc = featureCollection(
        geometries,
        (code) => ({
          code,
          name: byCode.get(code)?.name ?? code,
          district: byCode.get(code)?.district ?? null,
          count: counts.get(code) ?? 0,
          ...(perArea
            ? {
                indicator: indicator?.id,
                unit: indicator?.unit,
                ...indicatorFields(perArea.get(code) ?? { latest: null, baseline: null, targets: [] }),
              }
            : {}),
        }),
        {
          filter: resolved.filter,
          ...(indicator
            ? { indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit } }
            : {}),
        },
      );
      return c.body(JSON.stringify(fc), 200, {
        'Content-Type': 'application/geo+json',
        'Content-Disposition': `attachment; filename="kraftsamla-delomraden-${resolved.filter.to}.geojson"`,
        'Cache-Control': 'no-store',
      });
    });
}
