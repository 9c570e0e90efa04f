/**
 * The route table entry of the staff indicators resource (for the guard and /api/openapi.json).
 */
import * as v from 'valibot';
import {
  INDICATOR_CSV_COLUMNS,
  IndicatorInput,
  IndicatorUpdate,
  IndicatorValueInput,
  MAX_IMPORT_BYTES,
} from '../../../common/wire/insights.ts';
import type { Role } from '../../../common/wire/staff.ts';
import { ANY_ROLE } from '../../auth/policy/index.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Who may change indicators, their values and reporting areas. */
export const INDICATOR_WRITERS: readonly Role[] = ['admin', 'analyst'];

const auth = { 401: { description: 'Not signed in', problem: true } } as const;
const read403 = { 403: { description: 'No staff role', problem: true } } as const;
const write403 = {
  403: { description: 'Not an admin or analyst, or missing X-CSRF-Token', problem: true },
} as const;
const bodyErrors = {
  400: { description: 'Malformed or refused body (see errors)', problem: true },
  413: { description: 'Body too large', problem: true },
  415: { description: 'Not application/json', problem: true },
} as const;
const notFound = { 404: { description: 'No such indicator', problem: true } } as const;

/** Response shapes, loosely (the TypeScript types in common/wire/insights.ts are exact). */
const IndicatorSchema = v.looseObject({
  id: v.string(),
  name: v.record(v.string(), v.string()),
  unit: v.string(),
  direction: v.string(),
  source: v.string(),
  geography: v.string(),
  insatsId: v.nullable(v.string()),
  preset: v.boolean(),
  updatedAt: v.string(),
});
const IndicatorDetailSchema = v.looseObject({ ...IndicatorSchema.entries, values: v.array(v.unknown()) });
const ImportResultSchema = v.looseObject({
  mode: v.string(),
  rows: v.number(),
  accepted: v.number(),
  replacing: v.number(),
  errors: v.array(v.object({ row: v.number(), column: v.nullable(v.string()), message: v.string() })),
  sample: v.array(v.unknown()),
});

/** Where this resource is mounted and what it accepts and answers. */
export const spec: ResourceSpec = {
  mount: '/api/staff/indicators',
  tag: 'indicators',
  routes: [
    {
      method: 'get',
      path: '/',
      access: ANY_ROLE,
      scoped: true,
      summary: 'Every indicator (presets first); ?insats=<id> for those of one insats',
      responses: {
        200: { description: 'The indicators', schema: v.array(IndicatorSchema) },
        ...auth,
        ...read403,
      },
    },
    {
      method: 'post',
      path: '/',
      access: INDICATOR_WRITERS,
      scoped: true,
      summary: 'Define an indicator',
      description:
        'Geography `insats` needs an existing insatsId. Audited (`indicator.create`). Needs X-CSRF-Token.',
      body: IndicatorInput,
      responses: {
        201: { description: 'The indicator', schema: IndicatorSchema },
        ...bodyErrors,
        ...auth,
        ...write403,
        409: { description: 'The id is taken', problem: true },
      },
    },
    {
      method: 'post',
      path: '/import',
      access: INDICATOR_WRITERS,
      scoped: true,
      summary: 'Import values from CSV (?mode=preview or ?mode=commit)',
      description:
        `Body text/csv (UTF-8, BOM allowed, \`;\` or \`,\`), at most ${MAX_IMPORT_BYTES} bytes, columns ` +
        `${INDICATOR_CSV_COLUMNS.join(', ')} (docs/indicators.md). Bad rows are reported and skipped; the ` +
        'rest are imported in one transaction (commit) or only counted (preview). Audited once per commit ' +
        '(`indicator.import`). Needs X-CSRF-Token.',
      responses: {
        200: {
          description: 'What was (or would be) imported, and the row errors',
          schema: ImportResultSchema,
        },
        400: { description: 'No mode, not UTF-8, not CSV, or a wrong header', problem: true },
        ...auth,
        ...write403,
        413: { description: 'File too large, or too many rows', problem: true },
        415: { description: 'Not text/csv', problem: true },
      },
    },
    {
      method: 'get',
      path: '/:id',
      access: ANY_ROLE,
      scoped: true,
      summary: 'One indicator with all its values',
      responses: {
        200: { description: 'The indicator', schema: IndicatorDetailSchema },
        ...auth,
        ...read403,
        ...notFound,
      },
    },
    {
      method: 'put',
      path: '/:id',
      access: INDICATOR_WRITERS,
      scoped: true,
      summary: 'Change an indicator',
      description:
        'The whole definition without its id. Of a preset only name, description and source may change. ' +
        'The geography cannot change while the indicator has values. Audited. Needs X-CSRF-Token.',
      body: IndicatorUpdate,
      responses: {
        200: { description: 'The indicator after the change', schema: IndicatorSchema },
        ...bodyErrors,
        ...auth,
        ...write403,
        ...notFound,
        409: { description: 'A fixed field of a preset, or the geography of one with values', problem: true },
      },
    },
    {
      method: 'delete',
      path: '/:id',
      access: INDICATOR_WRITERS,
      scoped: true,
      summary: 'Delete an indicator and its values',
      description: 'Audited (`indicator.delete`). Needs X-CSRF-Token.',
      responses: {
        204: { description: 'Deleted' },
        ...auth,
        ...write403,
        ...notFound,
        409: { description: 'A preset cannot be deleted', problem: true },
      },
    },
    {
      method: 'put',
      path: '/:id/values',
      access: INDICATOR_WRITERS,
      scoped: true,
      summary: 'Enter one value (measurement, baseline or target)',
      description:
        'Replaces the value with the same place, kind and year; a baseline replaces any other baseline ' +
        'of the place. Targets only for 2030 and 2035. Audited (`indicator.value.set`). Needs X-CSRF-Token.',
      body: IndicatorValueInput,
      responses: {
        200: {
          description: 'Replaced a value: the indicator with its values',
          schema: IndicatorDetailSchema,
        },
        201: { description: 'A new value: the indicator with its values', schema: IndicatorDetailSchema },
        ...bodyErrors,
        ...auth,
        ...write403,
        ...notFound,
      },
    },
    {
      method: 'delete',
      path: '/:id/values',
      access: INDICATOR_WRITERS,
      scoped: true,
      summary: 'Remove one value (?geoCode=&kind=&year=)',
      description: 'Audited (`indicator.value.delete`). Needs X-CSRF-Token.',
      responses: {
        204: { description: 'Removed' },
        400: { description: 'Which value is not said', problem: true },
        ...auth,
        ...write403,
        404: { description: 'No such value', problem: true },
      },
    },
  ],
};
