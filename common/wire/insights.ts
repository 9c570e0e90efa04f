/**
 * Wire schemas of insights (issue 8): the staff dashboard, its exports, and indicators with
 * their reporting areas. Open data has its own module (open-data.ts).
 *
 * Counting rules, the same everywhere: a submission counts unless it was rejected or hidden in
 * moderation; its day is the Europe/Stockholm date of when the participant made it (the
 * device's `createdAt`); its delområde is its primary tag's (basis `primary`) or, with basis
 * `any`, every delområde it has a current tag in (then a submission may count in several).
 */
import * as v from 'valibot';
import {
  type AGE_BANDS,
  AreaCode,
  type LocalizedText,
  RESPONDENT_GROUPS,
  type SUBMISSION_KINDS,
} from './index.ts';
import { TextInput } from './insatser-admin.ts';

const isoDate = v.pipe(v.string(), v.isoDate('must be a date (YYYY-MM-DD)'));
const insatsId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an insats id'));
const noNul = v.check((s: string) => !s.includes('\0'), 'must not contain the NUL character');
const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max), noNul);

export const COUNT_BASES = ['primary', 'any'] as const;
export type CountBasis = (typeof COUNT_BASES)[number];

/** Longest period a dashboard query may span, in days (a bound on work per request). */
export const MAX_PERIOD_DAYS = 3 * 366;

/**
 * The dashboard's filters, as query parameters (and in the staff screen's URL, same names).
 * All optional and combined with AND. `insats=none`: input given without an insats. `area` and
 * `district` exclude each other. `from`/`to` are inclusive days; without them the last 365
 * days up to today.
 */
export const DashboardQuery = v.pipe(
  v.strictObject({
    insats: v.optional(v.union([insatsId, v.literal('none')])),
    area: v.optional(AreaCode),
    district: v.optional(v.pipe(text(100), v.minLength(1))),
    group: v.optional(v.picklist(RESPONDENT_GROUPS)),
    from: v.optional(isoDate),
    to: v.optional(isoDate),
    basis: v.optional(v.picklist(COUNT_BASES)),
  }),
  v.check((q) => !(q.area && q.district), 'choose a delområde or a stadsområde, not both'),
  v.check((q) => !(q.from && q.to) || q.from <= q.to, '"from" must not be after "to"'),
);
export type DashboardQuery = v.InferOutput<typeof DashboardQuery>;

/** The filters as the server applied them (period filled in). */
export interface DashboardFilter {
  insats?: string;
  area?: string;
  district?: string;
  group?: (typeof RESPONDENT_GROUPS)[number];
  from: string;
  to: string;
  basis: CountBasis;
}

export interface CountRow<K extends string | null = string | null> {
  key: K;
  count: number;
}

/** GET /api/staff/dashboard */
export interface Dashboard {
  filter: DashboardFilter;
  /** Submissions counted (with basis `any`, each once however many areas it is in). */
  total: number;
  /** Per delområde code; every area of the active set, zeros included, by code. */
  byArea: CountRow<string>[];
  /** Counted without any delområde (no tag, or no current one). */
  untagged: number;
  /** Per stadsområde (district name), zeros included. */
  byDistrict: CountRow<string>[];
  /** Per insats id; null: input without an insats. Only non-zero rows. */
  byInsats: CountRow<string | null>[];
  byKind: CountRow<(typeof SUBMISSION_KINDS)[number]>[];
  byGroup: CountRow<(typeof RESPONDENT_GROUPS)[number]>[];
  /** null: no age band given. */
  byAgeBand: CountRow<(typeof AGE_BANDS)[number] | null>[];
  /** ISO weeks (Europe/Stockholm) from the week of `from` to the week of `to`, zeros included. */
  weeks: { week: string; start: string; count: number }[];
}

/** GET /api/staff/dashboard/answers (needs `insats`): answer distributions per question version. */
export interface AnswerDistribution {
  insatsId: string;
  filter: DashboardFilter;
  questions: {
    questionId: string;
    version: number;
    kind: string;
    text: LocalizedText;
    /** Hidden since (removed from the insats after answers came). */
    hidden: boolean;
    /** Submissions that answered this version. */
    answered: number;
    /**
     * Choice options (in the question's order), or scale steps '1'…'5' with that version's words
     * (null: a middle step without words) then 'dont-know' where offered; none for short text.
     */
    options: { id: string; label: LocalizedText | null; count: number }[];
  }[];
}

// ---- Indicators ----

export const INDICATOR_GEOGRAPHIES = ['delomrade', 'reporting_area', 'city', 'insats'] as const;
export type IndicatorGeography = (typeof INDICATOR_GEOGRAPHIES)[number];
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export const INDICATOR_VALUE_KINDS = ['measurement', 'baseline', 'target'] as const;
export type IndicatorValueKind = (typeof INDICATOR_VALUE_KINDS)[number];
/** The target years of the follow-up. */
export const TARGET_YEARS = [2030, 2035] as const;

const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 lower-case letters, digits or -'),
);

/** An indicator's definition, as staff write it. */
export const IndicatorInput = v.strictObject({
  id: slug,
  name: TextInput(200),
  description: v.optional(TextInput(2000)),
  /** e.g. "%", "antal", "procentenheter". */
  unit: v.pipe(text(40), v.minLength(1, 'needs a unit')),
  /** Which way is good: `lower` for UVAS, `higher` for eligibility. */
  direction: v.picklist(INDICATOR_DIRECTIONS),
  /** Who publishes it, e.g. "SCB", "Skolverket", "Malmö stad". */
  source: v.pipe(text(300), v.minLength(1, 'needs a source')),
  geography: v.picklist(INDICATOR_GEOGRAPHIES),
  /** Required for geography `insats`; for others, an insats the indicator follows (optional). */
  insatsId: v.optional(v.nullable(insatsId)),
});
export type IndicatorInput = v.InferOutput<typeof IndicatorInput>;

/**
 * PUT /api/staff/indicators/:id: the definition without its id. Of a preset, only name,
 * description and source may change (unit, direction, geography and insatsId are fixed: 409).
 */
export const IndicatorUpdate = v.omit(IndicatorInput, ['id']);
export type IndicatorUpdate = v.InferOutput<typeof IndicatorUpdate>;

/** One value: `geoCode` is a delområde code, a reporting area code, or '' (city, insats). */
export const IndicatorValueInput = v.strictObject({
  geoCode: v.pipe(text(20), v.regex(/^[A-Za-z0-9_-]{0,20}$/, 'must be an area code or empty')),
  kind: v.picklist(INDICATOR_VALUE_KINDS),
  year: v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2100)),
  value: v.pipe(v.number(), v.finite()),
  note: v.optional(text(500)),
});
export type IndicatorValueInput = v.InferOutput<typeof IndicatorValueInput>;

export interface IndicatorValue {
  geoCode: string;
  kind: IndicatorValueKind;
  year: number;
  value: number;
  note: string | null;
  /** Example content (EXAMPLE_CONTENT), never real figures: the UI marks it. */
  example: boolean;
}

export interface Indicator extends Omit<IndicatorInput, 'insatsId' | 'description'> {
  insatsId: string | null;
  description: LocalizedText | null;
  /** Preconfigured from the seed (UVAS and the index parts); cannot be deleted. */
  preset: boolean;
  updatedAt: string;
}

/** GET /api/staff/indicators/:id */
export interface IndicatorDetail extends Indicator {
  values: IndicatorValue[];
}

/**
 * CSV import of indicator values (docs/indicators.md): `;`-separated (`,` accepted), UTF-8 with
 * or without BOM, a header row with exactly these columns in any order. `value` takes a decimal
 * comma or point.
 */
export const INDICATOR_CSV_COLUMNS = ['indicator', 'geo_code', 'kind', 'year', 'value', 'note'] as const;
/** Largest CSV accepted, in bytes, and most data rows. */
export const MAX_IMPORT_BYTES = 2_000_000;
export const MAX_IMPORT_ROWS = 20_000;

/** POST /api/staff/indicators/import?mode=preview|commit, body text/csv. */
export interface IndicatorImportResult {
  mode: 'preview' | 'commit';
  /** Data rows read (not counting the header). */
  rows: number;
  /** Rows that are (preview) or were (commit) imported. */
  accepted: number;
  /** Of the accepted: values that replace an existing one. */
  replacing: number;
  /** Row numbers as in a spreadsheet (the header is row 1). */
  errors: { row: number; column: string | null; message: string }[];
  /** Up to 50 accepted rows, for the preview table. */
  sample: ({ indicator: string } & IndicatorValueInput)[];
}

/** A reporting area (e.g. where SCB publishes UVAS) and the delområden it is made of. */
export interface ReportingArea {
  code: string;
  name: string;
  areaCodes: string[];
}

/** Crosswalk CSV columns: one row per (reporting area, delområde). */
export const CROSSWALK_CSV_COLUMNS = ['reporting_area', 'reporting_area_name', 'delomrade'] as const;

/** PUT /api/staff/reporting-areas/:code: the name and every delområde (replacing the members). */
export const ReportingAreaInput = v.strictObject({
  name: v.pipe(text(200), v.minLength(1, 'needs a name')),
  areaCodes: v.pipe(v.array(AreaCode), v.minLength(1, 'needs at least one delområde'), v.maxLength(500)),
});
export type ReportingAreaInput = v.InferOutput<typeof ReportingAreaInput>;

/**
 * POST /api/staff/reporting-areas/import?mode=preview|commit, body text/csv. Each reporting
 * area in the file gets exactly the delområden listed for it; one with a bad row is unchanged.
 */
export interface CrosswalkImportResult {
  mode: 'preview' | 'commit';
  /** Data rows read (not counting the header). */
  rows: number;
  /** Rows of the reporting areas that are (preview) or were (commit) replaced. */
  accepted: number;
  /** Those reporting areas as they are after the import. */
  areas: ReportingArea[];
  errors: { row: number; column: string | null; message: string }[];
}
