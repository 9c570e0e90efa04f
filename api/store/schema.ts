/**
 * Table types for Kysely. Portable column types only (text and integer), so the same
 * queries run on SQLite and PostgreSQL: booleans are 0/1, JSON and timestamps are text
 * (ISO 8601, UTC).
 */

export interface Database {
  areas: AreasTable;
  boundary_sets: BoundarySetsTable;
  insatser: InsatserTable;
  questions: QuestionsTable;
  submissions: SubmissionsTable;
  submission_answers: SubmissionAnswersTable;
  contacts: ContactsTable;
  tags: TagsTable;
  official_answers: OfficialAnswersTable;
  rate_limits: RateLimitsTable;
}

/** Delområden, keyed by normalised code. */
export interface AreasTable {
  code: string;
  name: string;
  district: string;
  /** JSON array of other names (Seved, Möllan, …). */
  aliases: string;
}

/** Versions of the area geometry; exactly one is active. */
export interface BoundarySetsTable {
  version: string;
  geojson: string;
  active: number;
  created_at: string;
}

/** Insatser; `data` holds the texts and lists. */
export interface InsatserTable {
  id: string;
  status: string;
  published: number;
  example: number;
  /** JSON: title, summary, body, namnder, areaCodes, dimensions, period. */
  data: string;
  updated_at: string;
}

/** Question versions, never changed once stored (answers refer to them). */
export interface QuestionsTable {
  id: string;
  version: number;
  insats_id: string;
  position: number;
  kind: string;
  /** JSON: text, options, audience. */
  data: string;
  created_at: string;
}

/** One row per submission id; `content_hash` decides duplicate vs conflict. */
export interface SubmissionsTable {
  id: string;
  content_hash: string;
  receipt: string;
  schema_version: number;
  kind: string;
  insats_id: string | null;
  title: string | null;
  text: string | null;
  respondent_group: string;
  age_band: string | null;
  organisation: string | null;
  locale: string;
  device_id: string;
  created_at: string;
  received_at: string;
  moderation_status: string;
  status_reason: string | null;
  cell: string | null;
  point_consent_version: string | null;
}

/** Answers of a submission, one per question. */
export interface SubmissionAnswersTable {
  submission_id: string;
  question_id: string;
  question_version: number;
  /** JSON of the answer value. */
  value: string;
}

/** Kept apart from submissions: other retention, staff-only access. */
export interface ContactsTable {
  submission_id: string;
  email: string | null;
  phone: string | null;
  consent_version: string;
  created_at: string;
}

/** Links from submissions to delområden, with source and boundary version. */
export interface TagsTable {
  submission_id: string;
  area_code: string;
  source: string;
  boundary_version: string;
  is_primary: number;
  uncertain: number;
  created_at: string;
}

/** The city's public answer to a submission. */
export interface OfficialAnswersTable {
  submission_id: string;
  text: string;
  answered_at: string;
}

/**
 * Fixed-window rate-limit counters, shared by every instance on the same database.
 * `key` is a hash (see api/rate-limit), never a raw address or device id; rows are deleted
 * once their window has passed, so the table only ever holds the last minute or two.
 */
export interface RateLimitsTable {
  key: string;
  /** Start of the window, ISO 8601 UTC (text sorts by time). */
  window_start: string;
  hits: number;
}
