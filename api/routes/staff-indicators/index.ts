/**
 * /api/staff/indicators: indicator definitions, their values by hand, and the CSV import of
 * values (docs/indicators.md). Every staff role reads; admins and analysts write. The store
 * audits every change; the rules of values are in api/domain/indicators.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import {
  INDICATOR_CSV_COLUMNS,
  INDICATOR_VALUE_KINDS,
  IndicatorInput,
  type IndicatorImportResult,
  IndicatorUpdate,
  IndicatorValueInput,
  type IndicatorValueKind,
  MAX_IMPORT_ROWS,
} from '../../../common/wire/insights.ts';
import { readCsv } from '../../domain/indicators/csv.ts';
import {
  checkGeoCode,
  checkKindYear,
  type ValueContext,
  validateIndicatorRows,
} from '../../domain/indicators/values.ts';
import { jsonBody } from '../../http/json-body.ts';
import { problem } from '../../http/problem.ts';
import type { StaffScope } from '../../store/index.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ChangeOutcome } from '../../store/index.ts';
import { auditActor } from '../staff-queue/filter.ts';
import { csvBody, importMode } from './csv-body.ts';

export { INDICATOR_WRITERS, spec } from './spec.ts';

const MAX_JSON_BYTES = 32 * 1024;
/** Accepted rows shown in an import result. */
const SAMPLE_ROWS = 50;

/** The indicators resource. */
export function staffIndicators(deps: ApiDeps): Hono<AppEnv> {
  /** What values are checked against, read fresh for each write. */
  async function valueContext(scope: StaffScope | undefined): Promise<ValueContext> {
    const [indicators, areas, reporting] = await Promise.all([
      deps.store.listIndicators({ scope }),
      deps.store.listAreas(),
      deps.store.listReportingAreas(),
    ]);
    const geographies = new Map(indicators.map((i) => [i.id, i.geography]));
    return {
      geographyOf: (id) => geographies.get(id),
      areaCodes: new Set(areas.map((a) => a.code)),
      reportingCodes: new Set(reporting.map((r) => r.code)),
    };
  }

  /** 404 for an indicator of an insats outside the caller's nämnder, as for one that does not exist. */
  const visible: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.var.scope !== undefined && !(await deps.store.getIndicator(c.req.param('id') ?? '', c.var.scope)))
      return problem(c, 404, 'There is no indicator with this id.');
    await next();
  };

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      c.header('Cache-Control', 'no-store');
      const insats = c.req.query('insats');
      return c.json(
        await deps.store.listIndicators({
          ...(insats === undefined ? {} : { insatsId: insats }),
          scope: c.var.scope,
        }),
      );
    })
    .post('/', jsonBody(IndicatorInput, MAX_JSON_BYTES), async (c) => {
      const insatsId = c.var.body.insatsId ?? null;
      if (insatsId !== null && !(await deps.store.insatsInStaffScope(insatsId, c.var.scope)))
        return problem(c, 403, 'This insats is not one of your nämnder.', {
          errors: [{ path: 'insatsId', message: 'is outside your nämnder' }],
        });
      return respond(c, await deps.store.createIndicator(c.var.body, auditActor(c, deps)), 201);
    })
    .post('/import', csvBody, async (c) => {
      const mode = importMode(c);
      if (mode instanceof Response) return mode;
      const read = readCsv(c.var.csv, INDICATOR_CSV_COLUMNS, MAX_IMPORT_ROWS);
      if (!read.ok) return problem(c, read.status, read.message);
      const { accepted, errors } = validateIndicatorRows(read.rows, await valueContext(c.var.scope));
      const allErrors = [...read.errors, ...errors].sort((a, b) => a.row - b.row);
      const rows = read.rows.length + read.errors.length;
      const values = accepted.map(({ row: _, ...value }) => value);
      const { replacing } = await deps.store.importIndicatorValues(
        values,
        {
          commit: mode === 'commit' && values.length > 0,
          summary: { rows, accepted: values.length, errors: allErrors.length },
        },
        auditActor(c, deps),
      );
      const result: IndicatorImportResult = {
        mode,
        rows,
        accepted: values.length,
        replacing,
        errors: allErrors,
        sample: values
          .slice(0, SAMPLE_ROWS)
          .map(({ indicatorId, ...value }) => ({ indicator: indicatorId, ...value })),
      };
      c.header('Cache-Control', 'no-store');
      return c.json(result);
    })
    .get('/:id', visible, async (c) => {
      const indicator = await deps.store.getIndicator(c.req.param('id'));
      if (!indicator) return problem(c, 404, 'There is no indicator with this id.');
      c.header('Cache-Control', 'no-store');
      return c.json(indicator);
    })
    .put('/:id', visible, jsonBody(IndicatorUpdate, MAX_JSON_BYTES), async (c) =>
      respond(c, await deps.store.updateIndicator(c.req.param('id'), c.var.body, auditActor(c, deps))),
    )
    .delete('/:id', visible, async (c) => {
      const outcome = await deps.store.deleteIndicator(c.req.param('id'), auditActor(c, deps));
      if (outcome === 'not-found') return problem(c, 404, 'There is no indicator with this id.');
      if (outcome === 'preset') return problem(c, 409, 'A preset indicator cannot be deleted.');
      return c.body(null, 204);
    })
    .put('/:id/values', visible, jsonBody(IndicatorValueInput, MAX_JSON_BYTES), async (c) => {
      const id = c.req.param('id');
      const ctx = await valueContext(c.var.scope);
      const geography = ctx.geographyOf(id);
      if (geography === undefined) return problem(c, 404, 'There is no indicator with this id.');
      const body = c.var.body;
      const geo = checkGeoCode(geography, body.geoCode, ctx);
      if (!geo.ok) return fieldProblem(c, 'geoCode', geo.message);
      const wrongYear = checkKindYear(body.kind, body.year);
      if (wrongYear) return fieldProblem(c, 'year', wrongYear);
      const value = { ...body, geoCode: geo.geoCode, indicatorId: id };
      if (value.note === '') delete value.note;
      const outcome = await deps.store.setIndicatorValue(value, auditActor(c, deps));
      if (outcome === 'not-found') return problem(c, 404, 'There is no indicator with this id.');
      return c.json((await deps.store.getIndicator(id)) ?? null, outcome.replaced ? 200 : 201);
    })
    .delete('/:id/values', visible, async (c) => {
      const key = v.safeParse(ValueKey, c.req.query());
      if (!key.success) {
        return problem(c, 400, 'Say which value: ?geoCode=&kind=&year= (geoCode may be empty).');
      }
      const removed = await deps.store.deleteIndicatorValue(
        { indicatorId: c.req.param('id'), ...key.output, kind: key.output.kind as IndicatorValueKind },
        auditActor(c, deps),
      );
      if (!removed) return problem(c, 404, 'There is no such value.');
      return c.body(null, 204);
    });
}

/** The query of DELETE /:id/values. */
const ValueKey = v.object({
  geoCode: v.pipe(v.optional(v.string(), ''), v.regex(/^[A-Za-z0-9_.-]{0,20}$/)),
  kind: v.picklist(INDICATOR_VALUE_KINDS),
  year: v.pipe(v.string(), v.regex(/^\d{4}$/), v.transform(Number)),
});

function fieldProblem(c: Parameters<typeof problem>[0], path: string, message: string): Response {
  return problem(c, 400, message, { errors: [{ path, message }] });
}

/** The answer to a store change: 201/200 with the indicator, 400 (field), 404, or 409. */
function respond<T>(
  c: Parameters<typeof problem>[0],
  outcome: ChangeOutcome<T>,
  createdStatus: 200 | 201 = 200,
): Response {
  switch (outcome.status) {
    case 'invalid': {
      const [field = '', ...rest] = outcome.message.split(': ');
      const message = rest.join(': ') || outcome.message;
      if (field === 'id') return problem(c, 409, `The id ${message}; choose another.`);
      if (field === 'preset' || field === 'geography') return problem(c, 409, `${capital(message)}.`);
      return fieldProblem(c, field, `${capital(message)}.`);
    }
    case 'not-found':
      return problem(c, 404, 'There is no indicator with this id.');
    case 'unchanged':
      return c.json(outcome.value as object, 200);
    case 'saved':
      return c.json(outcome.after as object, createdStatus);
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
