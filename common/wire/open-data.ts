/**
 * Wire contracts of public open data and the public answer summaries (issue 8).
 *
 * Protection (docs/open-data.md): every published count is either "fewer than 5" (`count`
 * null, `fewerThan5` true: the true figure is 0–4) or a multiple of 5 rounded DOWN
 * (5·floor(n/5)). Every total is the SUM OF THE PUBLISHED CELLS (a "fewer than 5" cell adds 0),
 * never a true count, so nothing under 5 can be derived by subtraction or across tables, and no
 * difference between two publications can be 1–4.
 *
 * Publication is daily: figures cover input made (the device's createdAt, Europe/Stockholm) up to
 * the end of the day before `published`, and everything served on one day is identical.
 */
import type { LocalizedText } from './index.ts';

/** Counts under this are published as "fewer than 5". */
export const PROTECTION_THRESHOLD = 5;
/** Published counts are multiples of this, rounded down. */
export const ROUNDING_BASE = 5;
/** What a "fewer than 5" cell reads as in CSV. */
export const FEWER_THAN_5 = '<5';

/** The licence of all open data. */
export const OPEN_DATA_LICENCE = {
  id: 'CC0-1.0',
  name: 'Creative Commons Zero v1.0 Universal',
  url: 'http://creativecommons.org/publicdomain/zero/1.0/',
} as const;
export type OpenDataLicence = typeof OPEN_DATA_LICENCE;

/** A protected count: null with `fewerThan5` when the true figure is 0–4, else 5·floor(n/5). */
export interface ProtectedCount {
  count: number | null;
  fewerThan5: boolean;
}

/** A total: the sum of the published cells it covers ("fewer than 5" cells add 0). Always a number. */
export interface PublishedSum {
  count: number;
}

/** What every open-data document says about itself. */
export interface PublicationInfo {
  licence: OpenDataLicence;
  /** The Europe/Stockholm day this publication is for (it changes at midnight). */
  published: string;
  /** The period covered: input made from `from` up to and including `to` (the day before `published`). */
  period: { from: string; to: string };
  /** Counted by the submission's primary delområde (see common/wire/insights.ts). */
  basis: 'primary';
  protection: {
    threshold: typeof PROTECTION_THRESHOLD;
    roundingBase: typeof ROUNDING_BASE;
    /** Totals are sums of published cells, never true counts. */
    totals: 'sum-of-published-cells';
  };
  /** When the next publication replaces this one (ISO 8601, UTC): the next Stockholm midnight. */
  nextPublication: string;
}

/** An insats column of the open data: a published insats, or `id` null for input without one. */
export interface OpenDataInsats {
  id: string | null;
  /** null for "no insats". */
  title: LocalizedText | null;
  /** Example content (not real input): the UI marks it. */
  example: boolean;
}

/** A delområde row; `code` null: input not in any delområde. */
export interface OpenDataArea {
  code: string | null;
  name: string | null;
  district: string | null;
}

/** GET /api/open-data/counts */
export interface OpenDataCounts extends PublicationInfo {
  areas: OpenDataArea[];
  insatser: OpenDataInsats[];
  /** The full grid: one cell per (area, insats), zeros included (as "fewer than 5"). */
  cells: ({ area: string | null; insats: string | null } & ProtectedCount)[];
  /** Sums of published cells. */
  totals: {
    byArea: ({ area: string | null } & PublishedSum)[];
    /** `district` null: input not in any delområde. */
    byDistrict: ({ district: string | null } & PublishedSum)[];
    byInsats: ({ insats: string | null } & PublishedSum)[];
    total: PublishedSum;
  };
}

/**
 * GET /api/open-data/counts.csv columns (`;`, UTF-8 with BOM, CRLF): one row per cell;
 * `count` is a number or "<5". Totals are not in the CSV (sum the column).
 */
export const OPEN_DATA_CSV_COLUMNS = [
  'area_code',
  'area_name',
  'district',
  'insats_id',
  'insats_title',
  'count',
  'period_from',
  'period_to',
] as const;

/**
 * GET /api/open-data/areas.geojson: a FeatureCollection, one Feature per delområde (geometry of
 * the active boundary set, WGS84), properties below; the collection also carries `licence` and
 * `publication` (a {@link PublicationInfo}).
 */
export interface OpenDataAreaProperties {
  code: string;
  name: string;
  district: string;
  /** The sum of this area's published cells (all published insatser and "no insats"). */
  total: number;
  /**
   * This area's cells as flat columns, for GIS tools: `c_01`, `c_02`, … per insats (the
   * collection's `insatser` names each one's `field`), `c_none` for input without an insats; the
   * published count, or 0 when it is "fewer than 5" (0–4), which `f5_01`, … `f5_none` mark with
   * 1 (a GIS tool reads a column of only nulls as text, so never null).
   */
  [field: `c_${string}` | `f5_${string}`]: number;
}

/** GET /api/public/answers/:insatsId: protected answer counts of a published insats. */
export interface PublicAnswerSummary extends PublicationInfo {
  insatsId: string;
  title: LocalizedText;
  questions: {
    questionId: string;
    version: number;
    /** Whether this is the question's latest version. */
    latest: boolean;
    /** 'single' | 'multiple' | 'scale' (short-text questions are not summarised here). */
    kind: string;
    text: LocalizedText;
    /**
     * Options in the question's order, or scale steps '1'…'5' with the version's words (null: a
     * middle step without words) then 'dont-know' where the version offers it.
     */
    options: ({ id: string; label: LocalizedText | null } & ProtectedCount)[];
  }[];
}
