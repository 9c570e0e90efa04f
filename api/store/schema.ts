/**
 * Table types for Kysely. Portable column types only (text and integer), so the same
 * queries run on SQLite and PostgreSQL: booleans are 0/1, JSON and timestamps are text
 * (ISO 8601, UTC).
 */

import type { Generated } from 'kysely';

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
  gazetteer: GazetteerTable;
  retag_jobs: RetagJobsTable;
  retag_pending: RetagPendingTable;
  leases: LeasesTable;
  area_maps: AreaMapsTable;
  staff_users: StaffUsersTable;
  staff_user_namnder: StaffUserNamnderTable;
  staff_sessions: StaffSessionsTable;
  audit_log: AuditLogTable;
  oidc_flows: OidcFlowsTable;
  sign_in_attempts: SignInAttemptsTable;
  submission_flags: SubmissionFlagsTable;
  reason_templates: ReasonTemplatesTable;
  redactions: RedactionsTable;
  restricted_originals: RestrictedOriginalsTable;
  settings: SettingsTable;
  mail_outbox: MailOutboxTable;
  audit_retention: AuditRetentionTable;
  namnder: NamnderTable;
  insats_images: InsatsImagesTable;
  agg_submissions: AggSubmissionsTable;
  agg_answers: AggAnswersTable;
  indicators: IndicatorsTable;
  indicator_values: IndicatorValuesTable;
  reporting_areas: ReportingAreasTable;
  reporting_area_members: ReportingAreaMembersTable;
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
  /** When it was last made the active set (0004). */
  activated_at: string | null;
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
  /** 'draft' | 'published' | 'unpublished' | 'archived' (0008); `published` is 1 iff 'published'. */
  lifecycle: Generated<string>;
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
  /** 1: removed from its insats after answers came in; kept for them (0008). */
  hidden: Generated<number>;
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
  /** 1 when the submission has flags (0007): flagged items come first in the queue. */
  flagged: number;
  /** The reason template the status reason was made from (0007). */
  status_reason_template: string | null;
  /** When and by which staff user the status was last set (0007). */
  moderated_at: string | null;
  moderated_by: string | null;
  /** The current primary tag's area code (0007), kept with the tags for the queue's area filter. */
  primary_area: string | null;
  /** 1: an answer to an insats archived by the time it arrived (0008). */
  late: number;
  /** Proposals of schema version 2 (0009): JSON {offers, asks, otherText}; null otherwise. */
  offers: string | null;
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
  /** 1: computed against the active set (or the latest one re-tagging reached); 0: history (0004). */
  current: Generated<number>;
  /** When a re-tag replaced this tag (0004). */
  superseded_at: string | null;
}

/** The city's public answer to a submission. */
export interface OfficialAnswersTable {
  submission_id: string;
  text: string;
  answered_at: string;
  /** The staff user who wrote the current text (0007). */
  answered_by: string | null;
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

/** The map of a boundary set (api/domain/map), computed once per version and format. */
export interface AreaMapsTable {
  boundary_version: string;
  format: string;
  /** Hash of `data`, for the ETag. */
  hash: string;
  /** The JSON body of GET /api/areas/map. */
  data: string;
  created_at: string;
}

/** One re-tag per activation (api/domain/retag): progress, committed with every chunk. */
export interface RetagJobsTable {
  id: string;
  boundary_version: string;
  previous_version: string | null;
  status: 'running' | 'done' | 'superseded';
  /** The last submission id done; '' before the first chunk. */
  cursor: string;
  processed: number;
  total: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** Submissions stored by an instance that had not seen the latest activation yet. */
export interface RetagPendingTable {
  submission_id: string;
  created_at: string;
}

/** Named leases with an expiry (ISO 8601): who may run the re-tag job now. */
export interface LeasesTable {
  name: string;
  holder: string | null;
  expires_at: string;
}

/** Place names for text tagging (api/domain/gazetteer), edited by staff (0003). */
export interface GazetteerTable {
  id: string;
  name: string;
  /** JSON array of area codes; empty when the entry is switched off. */
  codes: string;
  /** 'word' | 'place' | null: see api/domain/gazetteer. */
  ambiguous: string | null;
  /** JSON array of words that veto an ambiguous name in the same sentence. */
  veto_words: string;
  note: string | null;
  updated_at: string;
}

/** Staff accounts (0006). `email` is lower-case and unique; `oidc_subject` unique when set. */
export interface StaffUsersTable {
  id: string;
  email: string;
  name: string;
  /** 'admin' | 'moderator' | 'analyst', or null: no role granted yet. */
  role: string | null;
  active: number;
  /** Self-describing KDF string (api/auth/passwords); null for OIDC-only accounts. */
  password_hash: string | null;
  /** `issuer|sub` of the linked identity provider account. */
  oidc_subject: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** 1: gets the daily digest of flagged items and new proposals (0007). */
  digest_opt_in: Generated<number>;
  /** 1: a scoped account also sees input without an insats (0012). */
  input_without_insats: Generated<number>;
}

/** The nämnder a staff account is scoped to (0012); none: not scoped. */
export interface StaffUserNamnderTable {
  user_id: string;
  namnd_id: string;
}

/** Server-side staff sessions (0006), keyed by the SHA-256 of the cookie's token. */
export interface StaffSessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  /** 'password' | 'oidc'. */
  method: string;
  created_at: string;
  last_seen_at: string;
}

/** The audit log (0006): append-only, the database refuses UPDATE and DELETE. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON of the changed fields before and after, or null. */
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
}

/** OIDC sign-ins between the redirect to the provider and its callback (0006). */
export interface OidcFlowsTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
}

/** Sign-in attempt counters (0006): the shape of {@link RateLimitsTable}, longer windows. */
export type SignInAttemptsTable = RateLimitsTable;

/**
 * What the automatic checks found in a submission (0007): positions only, never the text.
 * `seq` numbers a submission's flags; span flags have a field and span, a near-duplicate has
 * `duplicate_of` instead.
 */
export interface SubmissionFlagsTable {
  submission_id: string;
  seq: number;
  kind: string;
  field: string | null;
  span_start: number | null;
  span_end: number | null;
  duplicate_of: string | null;
}

/** Reasons staff pick from when rejecting or hiding (0007); label and text are JSON {sv, en, …}. */
export interface ReasonTemplatesTable {
  id: string;
  position: number;
  active: number;
  label: string;
  text: string;
  created_at: string;
  updated_at: string;
}

/** Every redaction (0007): which field, which spans (JSON [[start, end], …]), how, by whom. No text. */
export interface RedactionsTable {
  id: string;
  submission_id: string;
  field: string;
  spans: string;
  mode: string;
  at: string;
  actor_id: string | null;
}

/** Originals kept by restricted redactions (0007): admins only, read through their own method. */
export interface RestrictedOriginalsTable {
  redaction_id: string;
  submission_id: string;
  field: string;
  original: string;
  created_at: string;
}

/** Settings by key (0007); `value` is JSON. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

/**
 * The e-mail outbox (0007). Rendered messages wait here until a sender holding the row's lease
 * has sent them; recipient and body are blanked once sent or given up.
 */
export interface MailOutboxTable {
  id: string;
  dedup_key: string;
  kind: string;
  recipient: string | null;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  /** 'pending' | 'sent' | 'given-up'. */
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** One row (id 1): audit rows older than `cutoff` may be deleted (0007's delete trigger). */
export interface AuditRetentionTable {
  id: number;
  cutoff: string;
  updated_at: string;
}

/** Responsible nämnder staff pick from (0008); admins add to the seeded six. */
export interface NamnderTable {
  id: string;
  name: string;
  created_at: string;
}

/** One image per insats (0008): metadata stripped, base64 in `data`, `hash` for the ETag. */
export interface InsatsImagesTable {
  insats_id: string;
  content_type: string;
  data: string;
  bytes: number;
  hash: string;
  updated_at: string;
}

/** Submission counts kept in step with the submissions (0010); '' is "none" in key columns. */
export interface AggSubmissionsTable {
  /** 'primary': by the primary tag; 'any': once per delområde of a current tag. */
  basis: string;
  /** 0: rejected or hidden in moderation. */
  counted: number;
  /** Europe/Stockholm date of the device's createdAt. */
  day: string;
  insats_id: string;
  area_code: string;
  respondent_group: string;
  kind: string;
  age_band: string;
  n: number;
}

/** Answer counts per option of each question version (0010), by the primary tag's area. */
export interface AggAnswersTable {
  counted: number;
  insats_id: string;
  question_id: string;
  question_version: number;
  day: string;
  area_code: string;
  respondent_group: string;
  /** Option id, scale step '1'…'5', or '' for a short-text answer. */
  option: string;
  n: number;
}

/** Indicator definitions (0010). */
export interface IndicatorsTable {
  id: string;
  insats_id: string | null;
  geography: string;
  preset: number;
  /** JSON: name, description, unit, direction, source. */
  data: string;
  created_at: string;
  updated_at: string;
}

/** Indicator values (0010): one per (indicator, place, kind, year). */
export interface IndicatorValuesTable {
  indicator_id: string;
  /** Delområde or reporting area code; '' for the city or an insats. */
  geo_code: string;
  kind: string;
  year: number;
  /** Decimal as text. */
  value: string;
  note: string | null;
  example: number;
  updated_at: string;
  updated_by: string | null;
}

/** Areas statistics are published for (0010), e.g. where SCB publishes UVAS. */
export interface ReportingAreasTable {
  code: string;
  name: string;
  updated_at: string;
}

/** Which delområden make up a reporting area (0010). */
export interface ReportingAreaMembersTable {
  reporting_code: string;
  area_code: string;
}
