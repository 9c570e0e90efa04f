/**
 * The storage contract. Everything the API keeps goes through a {@link Store}; no SQL lives
 * outside api/store; the SQLite and PostgreSQL stores both fill in this interface.
 */
import type {
  AgeBand,
  Insats,
  LocalizedText,
  ProposalResource,
  QuestionKind,
  ReceiptStatus,
  RespondentGroup,
  ScaleLabels,
  SubmissionKind,
  TagSource,
} from '../../common/wire/index.ts';
import type { AuthMethod, Role } from '../../common/wire/staff.ts';
import type { FlagKind } from '../domain/checks/types.ts';
import type { StoreFault } from './faults.ts';

/** A delområde as stored: code, display name, stadsområde and other names people use for it. */
export interface AreaRecord {
  code: string;
  name: string;
  district: string;
  aliases: string[];
}

/** A name for an area from an imported boundary set (see {@link Store.saveAreaNames}). */
export interface AreaNameRecord {
  code: string;
  name?: string | undefined;
  district?: string | undefined;
  /** The name a new area gets when `name` is absent (Malmö's own, from the lookup table). */
  fallbackName?: string | undefined;
  /** The stadsområde a new area gets when `district` is absent. */
  fallbackDistrict?: string | undefined;
}

/**
 * A place name for text tagging (api/domain/gazetteer): the name, the areas it means, and
 * whether it is ambiguous (`word`: also an ordinary word; `place`: also another place; `name`:
 * also a first name; `elsewhere`: other towns have one too).
 */
export interface GazetteerRecord {
  id: string;
  name: string;
  /** Empty: the entry is switched off. */
  codes: readonly string[];
  ambiguous?: 'word' | 'place' | 'name' | 'elsewhere' | null | undefined;
  vetoWords?: readonly string[] | undefined;
  note?: string | null | undefined;
}

/** One stored version of the area geometry (GeoJSON FeatureCollection in WGS84). */
export interface BoundarySetRecord {
  version: string;
  geojson: string;
}

/** A boundary set's map as stored (api/domain/map): computed once per version and format. */
export interface AreaMapRecord {
  boundaryVersion: string;
  format: string;
  /** Hash of `data`, for the ETag. */
  hash: string;
  /** The JSON body of GET /api/areas/map. */
  data: string;
}

/**
 * Where an item stands in moderation. `none`: only choice and scale answers, which are
 * never shown one by one (only in aggregates), so there is nothing to moderate.
 */
export type ModerationStatus = 'pending' | 'approved' | 'rejected' | 'hidden' | 'none';

/** A question as ingest validation needs it. */
export interface CatalogueQuestion {
  id: string;
  version: number;
  kind: QuestionKind;
  optionIds: readonly string[];
  /** Scale questions: whether this version offers "don't know". */
  dontKnow?: boolean;
}

/** What ingest checks items against, for the insatser and areas a batch mentions. */
export interface Catalogue {
  /** Published insatser only, each with every version of its questions keyed `id@version`. */
  insatser: Map<string, Map<string, CatalogueQuestion>>;
  /** Area codes that exist. */
  areaCodes: Set<string>;
}

/** A tag as stored with a submission. */
export interface StoredTag {
  areaCode: string;
  source: TagSource;
  boundaryVersion: string;
  primary: boolean;
  /**
   * Set (true) when a re-tag could not be sure: the coarse cell crosses a changed border, or the
   * area no longer exists in the active set. Absent on tags computed from exact input.
   */
  uncertain?: boolean;
}

/** A validated, tagged submission ready to be stored. Holds no exact location. */
export interface NewSubmission {
  id: string;
  /** sha256 of the item's canonical JSON as received: what "the same submission" means. */
  contentHash: string;
  /** Fresh receipt; used only if this item is stored now (a duplicate keeps its first one). */
  receipt: string;
  schemaVersion: number;
  kind: SubmissionKind;
  insatsId: string | null;
  title: string | null;
  text: string | null;
  respondentGroup: RespondentGroup;
  ageBand: AgeBand | null;
  organisation: string | null;
  locale: string;
  deviceId: string;
  /** As the device said (ISO 8601). */
  createdAt: string;
  /** Server clock (ISO 8601). */
  receivedAt: string;
  moderationStatus: ModerationStatus;
  /** Coarse cell (see domain/tagging/cell.ts), only when a point was given with consent. */
  cell: string | null;
  pointConsentVersion: string | null;
  answers: { questionId: string; questionVersion: number; value: unknown }[];
  contact: { email: string | null; phone: string | null; consentVersion: string } | null;
  tags: StoredTag[];
  /**
   * What the automatic checks found (api/domain/checks), stored with the submission in the same
   * transaction; any flag sets `flagged`, which puts the item first in the queue. Optional: a
   * submission without free text has none.
   */
  flags?: readonly SubmissionFlag[];
  /**
   * The boundary set version the tags were computed against (the instance's active set). When
   * it is not the active one at commit, the submission is queued for re-tagging. Defaults to
   * the tags' version.
   */
  boundaryVersion?: string;
}

/** What happened to one item of a batch, in the batch's order. */
export type SaveOutcome =
  | { status: 'created' | 'duplicate'; receipt: string; tags: StoredTag[] }
  | { status: 'conflict' };

/** A stored submission, as staff features and tests read it back. */
export interface StoredSubmission extends Omit<NewSubmission, 'contact' | 'tags' | 'boundaryVersion'> {
  hasContact: boolean;
  tags: StoredTag[];
}

/** A boundary set version as listed for staff and the import command. */
export interface BoundarySetInfo {
  version: string;
  active: boolean;
  createdAt: string;
  /** When it was last activated; null if never. */
  activatedAt: string | null;
}

/** A tag with its place in history (see {@link Store.tagHistory}). */
export interface TagHistoryEntry extends StoredTag {
  current: boolean;
  createdAt: string;
  supersededAt: string | null;
}

/** A re-tag job (api/domain/retag): one per activation. */
export interface RetagJob {
  id: string;
  boundaryVersion: string;
  previousVersion: string | null;
  /** `superseded`: another set was activated before this job finished. */
  status: 'running' | 'done' | 'superseded';
  /** The last submission id done ('' before the first chunk): where a resumed job goes on. */
  cursor: string;
  processed: number;
  /** Submissions stored when the set was activated (later ones are counted in `processed` too). */
  total: number;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** What re-tagging needs of one submission: its cell and its current tags. */
export interface RetagSubject {
  id: string;
  cell: string | null;
  tags: StoredTag[];
}

/** A chunk of re-tagging to commit: the new current tags of each submission it covers. */
export interface RetagWrite {
  /** Every submission read, with its new tags (an empty list: it has none now). */
  results: ReadonlyMap<string, readonly StoredTag[]>;
  /** When the tags were computed (ISO 8601): the new tags' created_at, the old ones' superseded_at. */
  at: string;
}

/** A staff account as stored. `email` is lower-case; `passwordHash` is null for OIDC-only accounts. */
export interface StaffUserRecord {
  id: string;
  email: string;
  name: string;
  /** null: no role yet (a first OIDC sign-in waits for an admin to grant one). */
  role: Role | null;
  active: boolean;
  /** A self-describing KDF string (api/auth/passwords); never leaves the server. */
  passwordHash: string | null;
  /** `issuer|sub` of the identity provider account linked to this user. */
  oidcSubject: string | null;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
  /** Ids of the nämnder the account works for, sorted; none: not scoped (sees every insats). */
  namnder: string[];
  /** A scoped account also sees input without an insats. */
  inputWithoutInsats: boolean;
}

/**
 * What a scoped staff member may see and act on (from the session, see api/auth/policy): the
 * insatser of these nämnder (ids), and input without an insats when `withoutInsats`. Store calls
 * given no scope see everything (admins, unscoped accounts, the app itself).
 */
export interface StaffScope {
  namnder: readonly string[];
  withoutInsats: boolean;
}

/** What may change on a staff account. */
export type StaffUserChange = Partial<
  Pick<
    StaffUserRecord,
    | 'name'
    | 'role'
    | 'active'
    | 'passwordHash'
    | 'oidcSubject'
    | 'lastLoginAt'
    | 'namnder'
    | 'inputWithoutInsats'
  >
>;

/** Outcome of {@link Store.updateStaffUser}. */
export type StaffUserUpdate =
  | { status: 'updated'; before: StaffUserRecord; after: StaffUserRecord }
  | { status: 'not-found' }
  /** The change would leave no active admin: refused, nothing changed. */
  | { status: 'last-admin' };

/**
 * A server-side staff session. The cookie holds a random token; the store keeps only its
 * SHA-256 (`idHash`), so a copy of the database does not hold usable sessions.
 */
export interface StaffSessionRecord {
  idHash: string;
  userId: string;
  /** Sent back as X-CSRF-Token on state-changing requests. */
  csrfToken: string;
  method: AuthMethod;
  createdAt: string;
  lastSeenAt: string;
}

/**
 * One audit row: who did what to which target, when, with the state before and after.
 * Append-only: the database refuses UPDATE and DELETE on the table (both stores).
 * Never holds passwords, tokens, contact details or redacted text.
 */
export interface AuditRecord {
  id: string;
  at: string;
  /** The staff user, or null for the system and the command line. */
  actorId: string | null;
  /** Who, readable: the e-mail at the time, or `cli`, `system`. */
  actorLabel: string;
  /** Dotted verb: `user.create`, `user.update`, `session.login`, `submission.contact.read`… */
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown | null;
  after: unknown | null;
  /** The request that did it, to join with the request log. */
  requestId: string | null;
}

/** Filters of {@link Store.listAudit}; newest first. */
export interface AuditQuery {
  actorId?: string | undefined;
  /** Exact action, or a prefix ending in `.` (`user.`). */
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** ISO 8601, inclusive. */
  from?: string | undefined;
  /** ISO 8601, exclusive. */
  to?: string | undefined;
  /** Keyset: only rows older than this (at, id). */
  before?: { at: string; id: string } | undefined;
  limit: number;
}

/** An OIDC sign-in in progress, from the redirect to the provider until its callback. */
export interface OidcFlowRecord {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where in the staff screens to land after sign-in (a path, checked). */
  returnTo: string;
  createdAt: string;
}

// ---- Moderation and data protection (issue 6) ----

/**
 * One finding of the automatic checks. Span flags point into one field: `title`, `text`, or
 * `answers.<questionId>` (a short-text answer); `start`/`end` are UTF-16 offsets into that field
 * as stored (`end` exclusive). `near-duplicate` concerns the whole submission: no field, no span,
 * and `duplicateOf` names the earlier submission from the same device it repeats.
 * Flags hold positions only, never the matched text.
 */
export interface SubmissionFlag {
  kind: FlagKind;
  field: string | null;
  start: number | null;
  end: number | null;
  duplicateOf: string | null;
}

/** A recent submission's free text, for near-duplicate detection at ingest. */
export interface RecentDeviceText {
  id: string;
  deviceId: string;
  /** Title, text and short-text answers (by question id), joined by newlines. */
  text: string;
  /** received_at (server clock). */
  at: string;
}

/** Who makes a change and when: the fields of its audit rows the store does not fill in. */
export type AuditActor = Pick<AuditRecord, 'at' | 'actorId' | 'actorLabel' | 'requestId'>;

/** The statuses the moderation queue deals in (`none` items are never moderated). */
export type QueueStatus = Exclude<ModerationStatus, 'none'>;

/** Filters of the moderation queue; each one given narrows it, all together (AND). */
export interface QueueFilter {
  /** Only what a scoped staff member may see (see {@link StaffScope}); unset: everything. */
  scope?: StaffScope | undefined;
  /** Default: `pending` only. */
  statuses?: readonly QueueStatus[] | undefined;
  kinds?: readonly SubmissionKind[] | undefined;
  /** An insats id, or null for submissions about no insats. */
  insatsId?: string | null | undefined;
  /**
   * A delområde: by default the submission's current primary tag is that area (what the item is
   * about); `match: 'any'` also finds items whose other current tags (a point, a place named in
   * the text) are in it.
   */
  area?: { code: string; match?: 'primary' | 'any' | undefined } | undefined;
  respondentGroups?: readonly RespondentGroup[] | undefined;
  /** Only items with at least one flag of this kind. */
  flagKind?: FlagKind | undefined;
  /** Only flagged items. */
  flaggedOnly?: boolean | undefined;
  /** received_at, inclusive (ISO 8601). */
  receivedFrom?: string | undefined;
  /** received_at, exclusive (ISO 8601). */
  receivedTo?: string | undefined;
  /** Only items whose author left a contact (to hear when the city answers) and have no official answer yet. */
  awaitingAnswer?: boolean | undefined;
  /**
   * Words or phrases: the title or text contains at least one of them, whatever the case
   * (lower-cased on both sides; plain substrings, no wildcards).
   */
  textAny?: readonly string[] | undefined;
}

/** Where a queue page starts: just after this item, in queue order. */
export interface QueueCursor {
  flagged: boolean;
  receivedAt: string;
  id: string;
}

/** A page of the queue: `limit` items after `after` (from the start when absent). */
export interface QueuePageRequest {
  after?: QueueCursor | undefined;
  limit: number;
}

/** A flag as listed with a queue item. */
export type QueueFlag = SubmissionFlag;

/**
 * One item of the moderation queue: what a moderator needs to decide. Never contact details
 * (see {@link Store.getSubmissionContact}), the device id, the coarse cell or choice answers.
 */
export interface QueueItem {
  id: string;
  kind: SubmissionKind;
  status: QueueStatus;
  insatsId: string | null;
  title: string | null;
  text: string | null;
  /** Short-text answers only, as stored (redacted spans replaced). */
  textAnswers: { questionId: string; questionVersion: number; text: string }[];
  respondentGroup: RespondentGroup;
  ageBand: AgeBand | null;
  organisation: string | null;
  locale: string;
  receivedAt: string;
  flagged: boolean;
  flags: QueueFlag[];
  /** Current tags, primary first. */
  tags: StoredTag[];
  /** What the participant is told (rejected or hidden), as sent. */
  reason: string | null;
  reasonTemplateId: string | null;
  answer: { text: string; answeredAt: string } | null;
  moderatedAt: string | null;
  moderatedBy: string | null;
  /**
   * The participant left contact details (still kept): moderators may read them, audited, with
   * {@link Store.getSubmissionContact}. Only whether: the details never travel with the queue.
   */
  hasContact: boolean;
  /** Restricted redactions keep originals of this item: admins may read them, audited. */
  hasOriginals: boolean;
}

/** A queue page; `next` is where the following page starts, null after the last item. */
export interface QueuePage {
  items: QueueItem[];
  next: QueueCursor | null;
}

/** What a bulk or single moderation does: the status it sets. `pending` reopens an item. */
export type ModerationAction = 'approve' | 'reject' | 'hide' | 'pending';

/** Which submissions a moderation applies to: a selection, or a snapshot of a filter. */
export type ModerationTarget =
  | { ids: readonly string[] }
  /** Items matching `filter` received at or before `asOf` (when the count was shown). */
  | { filter: QueueFilter; asOf: string };

/** A reason for the participant: a template (in their language), free text, or both. */
export interface ModerationReason {
  templateId?: string | undefined;
  text?: string | undefined;
}

/** Outcome of {@link Store.moderateSubmissions}. */
export type ModerationOutcome =
  /** `changed`: how many items got a new status or reason (each with one audit row). */
  | { status: 'done'; changed: number; ids: string[] }
  /** The snapshot holds more than the limit: nothing changed. */
  | { status: 'too-many'; count: number; limit: number }
  | { status: 'unknown-template' };

/** A reason template staff pick when rejecting or hiding; `sv` is required in both texts. */
export interface ReasonTemplate {
  id: string;
  /** Order in the picker (ascending). */
  position: number;
  active: boolean;
  /** Short name in the staff screens. */
  label: LocalizedText;
  /** What the participant is told, in their language when there is one (else Swedish). */
  text: LocalizedText;
  createdAt: string;
  updatedAt: string;
}

/** Outcome of a change with before/after (templates, settings, answers). */
export type ChangeOutcome<T> =
  | { status: 'saved'; before: T | null; after: T }
  | { status: 'unchanged'; value: T }
  | { status: 'invalid'; message: string }
  | { status: 'not-found' };

/** Where redaction takes a submission's text: `title`, `text`, `organisation` or `answers.<questionId>`. */
/** A free-text field (common/wire/free-text.ts): where its text is stored is in kysely/redaction-fields.ts. */
export type RedactionField = 'title' | 'text' | 'organisation' | 'otherText' | `answers.${string}`;

/**
 * `restricted`: the original is kept in a separate table for admins (release on request after a
 * secrecy review); `purge`: it is destroyed, allowed only with a recorded gallringsbeslut.
 */
export type RedactionMode = 'restricted' | 'purge';

/** Outcome of {@link Store.redactSubmission}. */
export type RedactionOutcome =
  | {
      status: 'redacted';
      redactionId: string;
      /** The field's text afterwards. */
      text: string;
      /** SQLite: the WAL was checkpointed and truncated (false: a reader held it; retried later). */
      walTruncated?: boolean;
    }
  | { status: 'not-found' }
  /** Spans out of range, empty or overlapping, or the field holds no text. */
  | { status: 'invalid'; message: string }
  /** `purge` without a gallringsbeslut recorded in the settings. */
  | { status: 'purge-not-allowed' };

/** An original kept by a `restricted` redaction (admins only; the caller audits the read). */
export interface RestrictedOriginal {
  redactionId: string;
  submissionId: string;
  field: RedactionField;
  /** The field's whole text before that redaction. */
  text: string;
  redactedAt: string;
  actorId: string | null;
}

/** How redaction treats originals. `purge` needs the reference of the city's gallringsbeslut. */
export type RedactionSetting = { mode: 'restricted' } | { mode: 'purge'; gallringsbeslut: string };

/**
 * How long each kind of data is kept. null: kept (per the city's archive plan) until set.
 * Deleting submissions or audit rows (public records) needs a recorded gallringsbeslut.
 */
export interface RetentionSetting {
  /** Contact details, counted from when they were given. Default 12. */
  contactMonths: number | null;
  /** Device ids on submissions (blanked, the submission stays). Default 30. */
  deviceIdDays: number;
  /** Sent (and given-up) e-mails' remaining rows. Default 30. */
  mailDays: number;
  /** Submissions with everything attached. Default null. */
  submissionMonths: number | null;
  /** Audit rows. Default null. */
  auditMonths: number | null;
  /** Reference of the decision allowing submissions or audit rows to be destroyed. */
  gallringsbeslut: string | null;
}

/** The staff e-mail digest: whether it is sent, and when (local time, Europe/Stockholm). */
export interface DigestSetting {
  enabled: boolean;
  /** HH:MM. */
  time: string;
}

/** Every setting, with its default when never set. */
export interface Settings {
  redaction: RedactionSetting;
  retention: RetentionSetting;
  digest: DigestSetting;
}

/** A message for the outbox, rendered already. */
export interface NewMail {
  id: string;
  /** At most one message per key is ever queued (two instances making the same digest). */
  key: string;
  /** What it is (`answer`, `digest`, …), for logs and metrics. */
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}

/** A message claimed for sending. */
export interface OutboxMail extends NewMail {
  /** Attempts before this one. */
  attempts: number;
}

/** Outcome of {@link Store.markMailFailed}. */
export type MailFailure = 'retry' | 'given-up' | 'not-held';

/** What {@link Store.applyRetention} deletes: everything older than each cutoff (ISO 8601); null: nothing. */
export interface RetentionCutoffs {
  contactsBefore: string | null;
  deviceIdsBefore: string | null;
  mailBefore: string | null;
  submissionsBefore: string | null;
  auditBefore: string | null;
}

/** What {@link Store.applyRetention} did. */
export interface RetentionResult {
  contacts: number;
  deviceIds: number;
  mail: number;
  submissions: number;
  audit: number;
  /**
   * The audit cutoff applied: the one asked for, but never later than the database allows (audit
   * rows younger than AUDIT_MIN_AGE_DAYS (./moderation.ts) cannot be deleted, whatever the app says).
   */
  auditCutoff: string | null;
}

/** A staff member who gets the digest. */
export interface DigestRecipient {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** What the recipient may see (a moderator given nämnder); unset: everything. */
  scope?: StaffScope;
}

/** Storage for Kraftsamla. All methods are async so a networked database fits behind it. */
export interface Store {
  /** Brings the schema up to date (versioned migrations, in code). */
  migrate(): Promise<void>;
  /** Closes the database. */
  close(): Promise<void>;
  /** One cheap round trip to the database; rejects when it cannot be reached (for /readyz). */
  ping(): Promise<void>;
  /** Migrations this code knows that the database has not run yet, in order (for /readyz). */
  pendingMigrations(): Promise<string[]>;
  /**
   * A small committed write that leaves nothing behind; rejects when the database cannot
   * write (its disk is full). For /readyz after a write failed for lack of space.
   */
  probeWrite(): Promise<void>;
  /**
   * The fault (database away, disk full) the last failing call met, until `ping()` (for
   * "away") or `probeWrite()` succeeds; null when there is none (./faults.ts).
   */
  fault(): StoreFault | null;

  /**
   * Adds the areas that are missing; existing ones (maybe edited by staff) are left alone,
   * except that an area named by its own code (a placeholder) gets the seeded name, and the
   * seeded stadsområde and aliases where it has none.
   */
  seedAreas(areas: readonly AreaRecord[]): Promise<void>;
  /** Stores a boundary set version if it is new; activates it when no set is active yet. */
  addBoundarySet(set: BoundarySetRecord): Promise<void>;
  activeBoundarySet(): Promise<BoundarySetRecord | undefined>;
  listAreas(): Promise<AreaRecord[]>;
  /**
   * Sets the display name (and stadsområde, when given) of each area, adding areas that are
   * missing (a new code, named by its fallback name, or by its code when it has neither);
   * aliases are kept. Fallbacks never change an area that exists.
   * Used when a new boundary set is activated.
   */
  saveAreaNames(areas: readonly AreaNameRecord[]): Promise<void>;

  /**
   * Every gazetteer entry, by id. May be a few seconds old for changes made by another process
   * (like {@link Store.lookupCatalogue}); the same array is returned until something changed,
   * so callers can cache what they build from it by identity.
   */
  listGazetteer(): Promise<readonly GazetteerRecord[]>;
  /** Creates or replaces a gazetteer entry (by id). */
  saveGazetteerEntry(entry: GazetteerRecord): Promise<void>;
  /** Adds the entries whose ids are missing; existing ones (maybe edited by staff) are left alone. */
  seedGazetteer(entries: readonly GazetteerRecord[]): Promise<void>;

  /** The GeoJSON of a boundary set version, active or not (what its map is drawn from). */
  boundarySetGeojson(version: string): Promise<string | undefined>;
  /** The stored map of a boundary set version in `format`, if it was computed before. */
  getAreaMap(boundaryVersion: string, format: string): Promise<AreaMapRecord | undefined>;
  /** Stores a computed map; when one is stored already (another instance was first), returns that one. */
  saveAreaMap(map: AreaMapRecord): Promise<AreaMapRecord>;

  /** Creates or updates an insats; questions are added by (id, version) and never changed. */
  saveInsats(insats: Insats, options: { published: boolean }): Promise<void>;
  /** Publishes or withdraws every example insats at once (EXAMPLE_CONTENT on/off). */
  setExamplesPublished(published: boolean): Promise<void>;
  /** Published insatser, each with the latest version of its questions. */
  listPublishedInsatser(): Promise<Insats[]>;
  getPublishedInsats(id: string): Promise<Insats | undefined>;
  /**
   * The published insatser and existing areas, at least those named, for validating a batch.
   * May be a few seconds old for changes made by another process (see CATALOGUE_TTL_MS).
   */
  lookupCatalogue(names: { insatsIds: readonly string[]; areaCodes: readonly string[] }): Promise<Catalogue>;

  /**
   * Stores a batch in one transaction, idempotent on `id`: an id already stored (earlier, or
   * earlier in this batch) with the same content hash is a duplicate (its first receipt and
   * tags), with another hash a conflict. Resolves only after the commit.
   */
  saveSubmissions(batch: readonly NewSubmission[]): Promise<SaveOutcome[]>;
  /** Hash, receipt and tags of those of `ids` that are stored: how a retry is recognised. */
  findStored(
    ids: readonly string[],
  ): Promise<Map<string, { contentHash: string; receipt: string; tags: StoredTag[] }>>;
  getSubmission(id: string): Promise<StoredSubmission | undefined>;
  /** Status per receipt, in the order asked; `unknown` for receipts never issued. */
  receiptStatuses(receipts: readonly string[]): Promise<ReceiptStatus[]>;

  /**
   * Rate limits, shared by every instance on this database: adds each key's hits to its
   * counter for the fixed window starting at `windowStart` (ISO 8601) in one statement
   * (insert, or add on conflict) and returns every key's count in that window after adding.
   */
  addRateLimitHits(windowStart: string, hits: ReadonlyMap<string, number>): Promise<Map<string, number>>;
  /** Deletes the counters of windows that started before `windowStart`; resolves with how many. */
  expireRateLimits(windowStart: string): Promise<number>;

  /** Every boundary set version, oldest first. */
  listBoundarySets(): Promise<BoundarySetInfo[]>;
  /** The active version's name only: cheap enough for every instance to ask every few seconds. */
  activeBoundaryVersion(): Promise<string | undefined>;
  /**
   * Makes `version` the one active set and records a re-tag job for it, in one transaction;
   * a job still running for an earlier activation is marked superseded. On PostgreSQL it waits
   * for ingest transactions in flight, so every submission is either visible to the job or
   * stored knowing the new version (see {@link Store.saveSubmissions}). Rejects for an unknown
   * version; for the version already active it changes nothing and resolves with its latest job.
   */
  activateBoundarySet(version: string, job: { id: string; at: string }): Promise<RetagJob | undefined>;
  /** A job by id, or the latest one. */
  retagJob(id?: string): Promise<RetagJob | undefined>;
  /** Up to `limit` submissions after the job's cursor, by id, with their current tags. */
  readRetagChunk(after: string, limit: number): Promise<RetagSubject[]>;
  /**
   * Commits a chunk of `job`: supersedes the current tags of every submission in `write`, stores
   * the new ones as current, and moves the cursor to `cursor` (the chunk's last id) — only if the
   * job is still running with its cursor at `from` (so a second runner, or a resumed one, can
   * never apply a chunk twice). `done` finishes the job. Resolves false when it was not applied.
   */
  applyRetagChunk(
    job: { id: string; from: string; cursor: string; done: boolean },
    write: RetagWrite,
  ): Promise<boolean>;
  /** Up to `limit` submissions waiting in retag_pending, with their current tags. */
  readRetagPending(limit: number): Promise<RetagSubject[]>;
  /** Like applyRetagChunk for pending submissions: applies only those still pending, and removes them. */
  applyRetagPending(write: RetagWrite): Promise<number>;
  /** Every tag a submission ever had, current ones first. */
  tagHistory(submissionId: string): Promise<TagHistoryEntry[]>;
  /**
   * Takes or renews the lease `name` for `holder` until now + `ttlMs`, in one conditional
   * statement: only if it is free, expired, or already this holder's. Resolves true when held.
   */
  claimLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up early, if `holder` has it. */
  releaseLease(name: string, holder: string): Promise<void>;

  // ---- Staff identity (api/auth) ----
  /** Creates an account and its audit row in one transaction; `email-taken` changes nothing. */
  createStaffUser(user: StaffUserRecord, audit: AuditRecord): Promise<'created' | 'email-taken'>;
  /**
   * Changes an account and appends `audit` with `before`/`after` filled in by the store (the
   * changed fields only, never the password hash; a password change shows as
   * `passwordChanged: true`), in one transaction. Deactivating or demoting the last active
   * admin is refused. Deactivation also ends the user's sessions. `audit` null: no audit row
   * (only for `lastLoginAt`, which the login's own audit row records).
   */
  updateStaffUser(
    id: string,
    change: StaffUserChange & { updatedAt: string },
    audit: Omit<AuditRecord, 'before' | 'after'> | null,
  ): Promise<StaffUserUpdate>;
  getStaffUser(id: string): Promise<StaffUserRecord | undefined>;
  findStaffUserByEmail(email: string): Promise<StaffUserRecord | undefined>;
  findStaffUserByOidcSubject(subject: string): Promise<StaffUserRecord | undefined>;
  /** Every account, by e-mail. */
  listStaffUsers(): Promise<StaffUserRecord[]>;

  /** Stores a new session. */
  createStaffSession(session: StaffSessionRecord): Promise<void>;
  /** A session with its user, by the hash of its token. */
  getStaffSession(
    idHash: string,
  ): Promise<{ session: StaffSessionRecord; user: StaffUserRecord } | undefined>;
  /** Moves `lastSeenAt` forward (idle expiry counts from it). */
  touchStaffSession(idHash: string, lastSeenAt: string): Promise<void>;
  /** Ends one session (logout, expiry, rotation); resolves true when it existed. */
  deleteStaffSession(idHash: string): Promise<boolean>;
  /** Ends every session of a user (deactivation); resolves with how many. */
  deleteStaffSessionsOf(userId: string): Promise<number>;
  /** Deletes sessions created before `createdBefore` or idle since before `seenBefore`. */
  expireStaffSessions(limits: { createdBefore: string; seenBefore: string }): Promise<number>;

  /**
   * A submission's contact details (only for roles that may see them; the caller audits the
   * read). undefined: no such submission; null: none were given (or they were deleted).
   */
  getSubmissionContact(
    id: string,
  ): Promise<{ email: string | null; phone: string | null; consentVersion: string } | null | undefined>;
  /**
   * Deletes a submission's contact details on the participant's request (consent withdrawn), and
   * any answer e-mail still waiting to go to them. Audited (`submission.contact.delete`, never the
   * details). On SQLite secure_delete zeroes the old record. undefined: no such submission;
   * false: it had none.
   */
  deleteSubmissionContact(id: string, actor: AuditActor): Promise<boolean | undefined>;

  /** Appends audit rows (one transaction). */
  recordAudit(entries: readonly AuditRecord[]): Promise<void>;
  /** Audit rows matching `query`, newest first (by `at`, then `id`). */
  listAudit(query: AuditQuery): Promise<AuditRecord[]>;

  /** Stores an OIDC flow until its callback. */
  saveOidcFlow(flow: OidcFlowRecord): Promise<void>;
  /** Removes and returns the flow of `state`: each one can be used once. */
  takeOidcFlow(state: string): Promise<OidcFlowRecord | undefined>;
  /** Deletes flows started before `before` (abandoned sign-ins). */
  expireOidcFlows(before: string): Promise<number>;

  /**
   * Sign-in attempt counters: like {@link Store.addRateLimitHits}, in their own table, since
   * their windows are longer (minutes, not one) and must outlive the participant sweep.
   */
  addSignInAttempts(windowStart: string, hits: ReadonlyMap<string, number>): Promise<Map<string, number>>;
  /** Deletes sign-in counters of windows that started before `windowStart`. */
  expireSignInAttempts(windowStart: string): Promise<number>;
  /**
   * Which of `keys` have a sign-in counter whose window starts at or after `notBefore`. Marks
   * that must outlive the sweep (a network an account signed in from) are stored with a window
   * that starts when they expire.
   */
  findSignInKeys(keys: readonly string[], notBefore: string): Promise<Set<string>>;

  // ---- Moderation and data protection (issue 6) ----
  /**
   * Free texts of the submissions from `deviceIds` received at or after `since`, for
   * near-duplicate detection before a batch is saved. Only moderated items (those with text),
   * the latest 200 at most, newest first.
   */
  recentDeviceTexts(deviceIds: readonly string[], since: string): Promise<RecentDeviceText[]>;

  /**
   * A page of the moderation queue: flagged items first, then oldest first (received_at, id).
   * Keyset pagination: pass the page's `next` as `after`.
   */
  /**
   * Whether a submission exists and, with `scope`, is about an insats of it (or about none, when
   * the scope allows that): what every route about one submission asks before acting on it.
   */
  submissionInScope(id: string, scope: StaffScope | undefined): Promise<boolean>;
  /** Whether an insats (null: none) is in `scope`; always without one. Does not check it exists. */
  insatsInStaffScope(insatsId: string | null, scope: StaffScope | undefined): Promise<boolean>;
  listQueue(filter: QueueFilter, page: QueuePageRequest): Promise<QueuePage>;
  /** How many items match `filter` with received_at ≤ `asOf`: what a bulk action will apply to. */
  countQueue(filter: QueueFilter, asOf: string): Promise<number>;
  /**
   * Sets the status of every item of `target` (never `none` items) in one transaction, with one
   * audit row per changed item (`submission.approve` …, status and reason before and after).
   * Items already in that status with that reason are left alone. `reject` and `hide` store
   * the reason as the participant will read it (the template's text in their language, then
   * the free text); `approve` and `pending` clear it. A filter applies to a snapshot: only
   * items received at or before `asOf`, and at most `limit` (default
   * MAX_BULK_MODERATION, ./moderation.ts) of them, else nothing changes.
   */
  moderateSubmissions(
    target: ModerationTarget,
    action: ModerationAction,
    reason: ModerationReason,
    actor: AuditActor,
    /** `scope`: only items a scoped staff member may see are changed (others as if absent). */
    options?: { limit?: number; scope?: StaffScope | undefined },
  ): Promise<ModerationOutcome>;
  /**
   * Sets the delområde staff decided for a submission: a current `staff` tag (against the active
   * boundary set), primary; other current tags stay, no longer primary; a previous staff tag
   * becomes history. Audited (`submission.area`). `invalid`: no such area.
   */
  setSubmissionArea(id: string, areaCode: string, actor: AuditActor): Promise<ChangeOutcome<string | null>>;
  /**
   * Corrects the insats a comment or proposal is about (null: none). Audited (`submission.insats`).
   * `invalid`: no such insats, or the submission has answers (they belong to their insats's questions).
   */
  setSubmissionInsats(
    id: string,
    insatsId: string | null,
    actor: AuditActor,
  ): Promise<ChangeOutcome<string | null>>;

  /** Reason templates by position; only active ones unless asked. */
  listReasonTemplates(options?: { includeInactive?: boolean }): Promise<ReasonTemplate[]>;
  /** Creates or replaces a template (by id). Audited (`reason-template.save`). */
  saveReasonTemplate(
    template: Omit<ReasonTemplate, 'createdAt' | 'updatedAt'>,
    actor: AuditActor,
  ): Promise<ChangeOutcome<ReasonTemplate>>;
  /** Deletes a template (reasons already sent keep their text). Audited. */
  deleteReasonTemplate(id: string, actor: AuditActor): Promise<boolean>;

  /**
   * Replaces each span of a field by REDACTION_PLACEHOLDER (./moderation.ts), in one transaction: flags on
   * those spans are removed, later ones moved; the content hash is replaced (it could confirm a
   * guessed original). `restricted` keeps the field's original in `restricted_originals`;
   * `purge` keeps it nowhere (and deletes earlier restricted originals of that field), on SQLite
   * with secure_delete and a WAL checkpoint after the commit. The audit row
   * (`submission.redact`) records field, spans and mode, never the text.
   */
  redactSubmission(
    id: string,
    field: RedactionField,
    spans: readonly { start: number; end: number }[],
    mode: RedactionMode,
    actor: AuditActor,
  ): Promise<RedactionOutcome>;
  /** Originals kept by restricted redactions of a submission, oldest first (admins only). */
  getRestrictedOriginals(submissionId: string): Promise<RestrictedOriginal[]>;

  /**
   * Creates or replaces the city's public answer to a submission, audited with the text before
   * and after (`submission.answer`). With `mail`, and an e-mail address among the submission's
   * contact details, the message is queued to it in the same transaction.
   */
  answerSubmission(
    id: string,
    text: string,
    actor: AuditActor,
    options?: { mail?: Omit<NewMail, 'recipient'> },
  ): Promise<ChangeOutcome<string> & { mailQueued?: boolean }>;

  /** Every setting, defaults filled in. */
  getSettings(): Promise<Settings>;
  /** Saves one setting after checking it (see `settingProblem`). Audited (`settings.update`). */
  saveSetting<K extends keyof Settings>(
    key: K,
    value: Settings[K],
    actor: AuditActor,
  ): Promise<ChangeOutcome<Settings[K]>>;
  /** Turns the digest on or off for a staff member. Audited (`user.digest`). */
  setDigestOptIn(userId: string, optIn: boolean, actor: AuditActor): Promise<ChangeOutcome<boolean>>;
  /** Active moderators and admins who opted in to the digest. */
  digestRecipients(): Promise<DigestRecipient[]>;

  /** Queues a message; false when one with its key was queued before (nothing changes). */
  enqueueMail(mail: NewMail): Promise<boolean>;
  /**
   * Claims up to `limit` due messages for `holder` until now + `leaseMs`: only pending ones
   * whose next attempt is due and whose lease (if any) expired, so two senders never hold the
   * same message. A sender that dies leaves it to be claimed again after the lease.
   */
  claimMail(holder: string, now: string, leaseMs: number, limit: number): Promise<OutboxMail[]>;
  /** Marks a held message sent and blanks its recipient and body. False: not held by `holder`. */
  markMailSent(id: string, holder: string, at: string): Promise<boolean>;
  /**
   * Records a failed attempt (`error` must hold no address): retried later with exponential
   * backoff, or given up (recipient and body blanked) after the last attempt or when `permanent`.
   */
  markMailFailed(
    id: string,
    holder: string,
    at: string,
    error: string,
    options?: { permanent?: boolean },
  ): Promise<MailFailure>;

  /**
   * Deletes or blanks what is older than each cutoff: contact rows; device ids on submissions;
   * sent and given-up e-mails; submissions with everything attached; audit rows (recording the
   * cutoff in `audit_retention`, which the database's delete trigger checks). Works in small
   * transactions, so ingest is never held up for long. Appends one `retention.apply` audit row.
   */
  applyRetention(cutoffs: RetentionCutoffs, actor: AuditActor): Promise<RetentionResult>;
}

// ---- Public listing (issue 6) ----

/** Filters of the public listing: each one given narrows it. */
export interface PublicFilter {
  /** One insats; null: only items with no insats (new ideas, general comments). */
  insatsId?: string | null | undefined;
  /** One kind of item only (the ideas page lists proposals). */
  kind?: SubmissionKind | undefined;
  /** The primary delområde (the submission's current primary tag). */
  areaCode?: string | undefined;
  /**
   * With `areaCode`: only items about one of these insatser (null: no insats). The public
   * listing passes the insatser whose cell with that delområde the open data publishes at 5 or
   * more, so filtering by area finds no item of a "fewer than 5" cell (docs/open-data.md).
   */
  areaInsatser?: readonly (string | null)[] | undefined;
}

/** Where a public page starts: just after this item (newest first). Holds no submission id. */
export interface PublicCursor {
  receivedAt: string;
  key: string;
}

/**
 * An approved item as the public sees it: texts as stored (redacted spans replaced), no
 * contact details, flags, device id, receipt or submission id. `key` is a hash of the id:
 * stable, but naming nothing a participant or staff member could use elsewhere.
 */
export interface PublicSubmissionRecord {
  key: string;
  kind: SubmissionKind;
  insatsId: string | null;
  title: string | null;
  text: string | null;
  /** Short-text answers only (choice and scale answers are shown in aggregates only). */
  answers: { questionId: string; text: string }[];
  /** Proposals only. */
  organisation: string | null;
  /** The current primary tag's area. */
  area: { code: string; name: string } | null;
  /** The language the person wrote in (the app's language on their phone). */
  locale: string;
  /** When it was made (the device's clock, never later than `receivedAt`). */
  createdAt: string;
  receivedAt: string;
  answer: { text: string; answeredAt: string } | null;
}

/** A public page, newest first; `next` is where the following page starts. */
export interface PublicPage {
  items: PublicSubmissionRecord[];
  next: PublicCursor | null;
}

// Declaration merging: this part of the contract is kept apart from the moderation part above.
export interface Store {
  /**
   * Approved comments, proposals and short-text answers about a published insats (or none),
   * newest first (received_at), keyset paged.
   */
  listPublicSubmissions(
    filter: PublicFilter,
    page: { after?: PublicCursor | undefined; limit: number },
  ): Promise<PublicPage>;
}

// ---- Proposals from organisations (issue 7) ----

/** What a proposal (schema version 2) offers and asks for; stored as JSON in `submissions.offers`. */
export interface ProposalDetails {
  offers: ProposalResource[];
  asks: ProposalResource[];
  /** What "other" means, when offered or asked for. */
  otherText: string | null;
}

// Declaration merging: the proposal fields join the submission records above.
export interface NewSubmission {
  /** Proposals of schema version 2 only; absent (or null) on everything else. */
  proposal?: ProposalDetails | null;
}

export interface PublicSubmissionRecord {
  /** Proposals of schema version 2 only: what the organisation offers and asks for. */
  proposal?: ProposalDetails | null;
}

export interface QueueItem {
  /** Proposals of schema version 2 only (with the "other" text, for moderators); null otherwise. */
  proposal: ProposalDetails | null;
}

// ---- Insatser and questions managed by staff (issue 7) ----

/** Where an insats is in its life: only `published` ones are in the public catalogue. */
export type InsatsLifecycle = 'draft' | 'published' | 'unpublished' | 'archived';
/** The lifecycle changes staff make. */
export type InsatsTransition = 'publish' | 'unpublish' | 'archive';
/** A kraftsamlande insats of the city, or local development: the line between them is visible. */
export type InsatsKind = 'kraftsamlande' | 'local-development';

/** What staff edit of an insats (everything but its id, lifecycle, image and questions). */
export interface InsatsFields {
  title: LocalizedText;
  summary: LocalizedText;
  body?: LocalizedText | undefined;
  /** Names of responsible nämnder (see {@link Store.listNamnder}). */
  namnder: string[];
  /** Target delområden; changed over time, every change audited. */
  areaCodes: string[];
  dimensions: Insats['dimensions'];
  kind: InsatsKind;
  status: Insats['status'];
  period: { start: string; end?: string | undefined };
  /** The official at the city people can reach: public. */
  contact?: { name: string; email?: string | undefined; phone?: string | undefined } | undefined;
  /** Alt text of the image, per language. */
  imageAlt?: LocalizedText | undefined;
}

/** A question's content: what a new version is made of. */
export interface QuestionContent {
  kind: QuestionKind;
  text: LocalizedText;
  options?: { id: string; label: LocalizedText }[] | undefined;
  /** Scale questions only: the version's words (see ScaleLabels in common/wire). */
  scale?: ScaleLabels | undefined;
  audience: 'everyone' | 'youth';
}

/** The latest version of a question, as staff see it. */
export interface StaffQuestion extends QuestionContent {
  id: string;
  version: number;
  position: number;
  hidden: boolean;
  /** Answers to any version of it. */
  answers: number;
}

/** An insats as staff see it: every lifecycle, hidden questions too. */
export interface StaffInsats extends InsatsFields {
  id: string;
  lifecycle: InsatsLifecycle;
  example: boolean;
  image: { contentType: string; bytes: number; hash: string } | null;
  questions: StaffQuestion[];
  updatedAt: string;
}

/** A stored image. */
export interface InsatsImage {
  contentType: string;
  data: Uint8Array;
  hash: string;
}

/** A responsible nämnd. */
export interface Namnd {
  id: string;
  name: string;
}

// Declaration merging: the late mark joins the submission records and the catalogue above.
export interface NewSubmission {
  /** An answer to an insats archived by the time it arrived. */
  late?: boolean;
}

export interface Catalogue {
  /**
   * Insatser in `insatser` that are archived: answers to them (from devices that held them
   * offline) are accepted and marked late.
   */
  closed?: ReadonlySet<string>;
}

export interface Store {
  /** Every insats, all lifecycles, by id. */
  listStaffInsatser(scope?: StaffScope): Promise<StaffInsats[]>;
  /** With `scope`: undefined for an insats outside it. */
  getStaffInsats(id: string, scope?: StaffScope): Promise<StaffInsats | undefined>;
  /** Creates a draft. Audited (`insats.create`). `invalid`: the id is taken or a nämnd is unknown. */
  createInsats(id: string, fields: InsatsFields, actor: AuditActor): Promise<ChangeOutcome<StaffInsats>>;
  /** Changes fields (given ones replace). Audited (`insats.update`, changed fields before/after). */
  updateInsats(
    id: string,
    change: Partial<InsatsFields>,
    actor: AuditActor,
  ): Promise<ChangeOutcome<StaffInsats>>;
  /**
   * publish: draft/unpublished → published; unpublish: published → unpublished; archive: any
   * but archived → archived. Audited (`insats.publish` …). `invalid`: not allowed from here.
   */
  transitionInsats(
    id: string,
    transition: InsatsTransition,
    actor: AuditActor,
  ): Promise<ChangeOutcome<StaffInsats>>;
  /** Adds a question (version 1) at the end. Audited (`question.create`). */
  addQuestion(
    insatsId: string,
    question: QuestionContent & { id: string },
    actor: AuditActor,
  ): Promise<ChangeOutcome<StaffQuestion>>;
  /**
   * Changes a question. Once any version has answers, or the insats has left draft (a device may
   * hold the version offline), a change makes a new version (answers stay on theirs) unless `typoFix` (the caller checks the admin role), which changes the
   * latest version in place and keeps kind and option ids. Audited (`question.update`,
   * `question.version`, `question.typo-fix`).
   */
  updateQuestion(
    insatsId: string,
    questionId: string,
    content: QuestionContent,
    options: { typoFix: boolean },
    actor: AuditActor,
  ): Promise<ChangeOutcome<StaffQuestion>>;
  /** Sets the order of the insats's questions (`ids`: all of them, visible and hidden). Audited. */
  reorderQuestions(
    insatsId: string,
    ids: readonly string[],
    actor: AuditActor,
  ): Promise<ChangeOutcome<string[]>>;
  /**
   * Removes a question from its insats: deleted when never answered in a draft, else hidden
   * (kept for its answers, late ones too). Audited (`question.delete` / `question.hide`).
   */
  removeQuestion(
    insatsId: string,
    questionId: string,
    actor: AuditActor,
  ): Promise<'deleted' | 'hidden' | 'not-found'>;
  /** Stores (or with null removes) the image of an insats. Audited (`insats.image`, hashes only). */
  setInsatsImage(
    id: string,
    image: { contentType: string; data: Uint8Array } | null,
    actor: AuditActor,
  ): Promise<ChangeOutcome<{ hash: string } | null>>;
  /** The image of an insats; with `publishedOnly`, only of a published one. */
  getInsatsImage(id: string, options: { publishedOnly: boolean }): Promise<InsatsImage | undefined>;
  /** The nämnder, by name. */
  listNamnder(): Promise<Namnd[]>;
  /** Adds a nämnd. Audited (`namnd.create`). `invalid`: the name exists. */
  addNamnd(name: string, actor: AuditActor): Promise<ChangeOutcome<Namnd>>;
}

// ---- Insights (issue 8): aggregates, owned by api/store/kysely/aggregates.ts ----

/** Filters of aggregate reads; `from`/`to` inclusive Stockholm days. See common/wire/insights.ts. */
export interface AggregateFilter {
  /** Only what a scoped staff member may see (see {@link StaffScope}); unset: everything. */
  scope?: StaffScope | undefined;
  /** An insats id, or 'none' for input without one. */
  insats?: string;
  area?: string;
  /** A stadsområde: its delområden's codes (the caller resolves the name). */
  areaCodes?: readonly string[];
  group?: string;
  from: string;
  to: string;
  basis: 'primary' | 'any';
}

/** The `option` of {@link Store.countAnswers} rows that count submissions answering a question version. */
export const ANSWERED_OPTION = '*';

/** A dimension of `agg_submissions` to group by. */
export type AggregateDimension = 'day' | 'insats' | 'area' | 'kind' | 'group' | 'ageBand';

export interface Store {
  /**
   * Counted submissions matching `filter`, grouped by `by` ('' keys are "none"; zeros left out;
   * sorted by key). With basis `any` and `by` 'area' a submission counts in every area it has a
   * current tag in (the rows add up to more than the total), and with an area or stadsområde
   * filter only the filtered areas are listed. Other dimensions count each submission once.
   * Reads `agg_submissions` only.
   */
  countSubmissions(
    filter: AggregateFilter,
    by: AggregateDimension,
  ): Promise<{ key: string; count: number }[]>;
  /**
   * Counted submissions matching `filter`, each once: also with basis `any` and an area or
   * stadsområde filter (a submission tagged in two of the areas is one submission).
   */
  totalSubmissions(filter: AggregateFilter): Promise<number>;
  /**
   * Counted answers of one insats matching `filter` (basis ignored: by primary tag), per question
   * version and option: a choice option's id, a scale step '1'…'5', '' for a short-text answer,
   * and {@link ANSWERED_OPTION} for how many submissions answered that version at all (with
   * multiple choice the options add up to more). Reads `agg_answers` only; zeros left out.
   */
  countAnswers(
    insatsId: string,
    filter: AggregateFilter,
  ): Promise<{ questionId: string; version: number; option: string; count: number }[]>;
  /** Rebuilds both aggregate tables from the submissions (after a restore, or to check them). */
  rebuildAggregates(): Promise<{ submissions: number }>;
}

// ---- Insights (issue 8): indicators, owned by api/store/kysely/indicators.ts ----

type InsightsWire = typeof import('../../common/wire/insights.ts');
type IndicatorInputT = import('valibot').InferOutput<InsightsWire['IndicatorInput']>;
type IndicatorValueInputT = import('valibot').InferOutput<InsightsWire['IndicatorValueInput']>;
type IndicatorT = import('../../common/wire/insights.ts').Indicator;
type IndicatorDetailT = import('../../common/wire/insights.ts').IndicatorDetail;
type ReportingAreaT = import('../../common/wire/insights.ts').ReportingArea;

/** An indicator value to store: the wire value and its indicator. */
export interface IndicatorValueRecord extends IndicatorValueInputT {
  indicatorId: string;
}

/** The key of one indicator value. */
export interface IndicatorValueKey {
  indicatorId: string;
  geoCode: string;
  kind: IndicatorValueInputT['kind'];
  year: number;
}

/** Example content for indicators (EXAMPLE_CONTENT): reporting areas and values marked example. */
export interface IndicatorExamples {
  reportingAreas: readonly ReportingAreaT[];
  values: readonly IndicatorValueRecord[];
}

export interface Store {
  /** Indicators by id; with `insatsId`, only those that follow that insats. */
  listIndicators(options?: { insatsId?: string; scope?: StaffScope | undefined }): Promise<IndicatorT[]>;
  /** One indicator with all its values (by place, kind, year). */
  getIndicator(id: string, scope?: StaffScope): Promise<IndicatorDetailT | undefined>;
  /**
   * Adds an indicator. Audited (`indicator.create`). `invalid` with `id: …` when the id is taken,
   * `insatsId: …` when the insats does not exist (or geography `insats` has none).
   */
  createIndicator(input: IndicatorInputT, actor: AuditActor): Promise<ChangeOutcome<IndicatorT>>;
  /**
   * Changes an indicator. Audited (`indicator.update`). `invalid` with `insatsId: …` as for
   * create, `preset: …` when a fixed field of a preset would change, `geography: …` when the
   * geography would change while it has values.
   */
  updateIndicator(
    id: string,
    input: Omit<IndicatorInputT, 'id'>,
    actor: AuditActor,
  ): Promise<ChangeOutcome<IndicatorT>>;
  /** Deletes an indicator and its values. Audited (`indicator.delete`). Presets are refused. */
  deleteIndicator(id: string, actor: AuditActor): Promise<'deleted' | 'not-found' | 'preset'>;
  /**
   * Stores one value (already checked by api/domain/indicators), replacing the one with the
   * same key, and for a baseline any other baseline of that indicator and place. Audited
   * (`indicator.value.set`). `replaced`: a value was there before.
   */
  setIndicatorValue(
    value: IndicatorValueRecord,
    actor: AuditActor,
  ): Promise<{ replaced: boolean } | 'not-found'>;
  /** Removes one value. Audited (`indicator.value.delete`). false: there was none. */
  deleteIndicatorValue(key: IndicatorValueKey, actor: AuditActor): Promise<boolean>;
  /**
   * Imports checked values: with `commit`, all in one transaction with one audit row
   * (`indicator.import`, with the counts in `summary`); without, only counts. `replacing`: how
   * many would replace (or replaced) a stored value, a baseline of another year included.
   */
  importIndicatorValues(
    values: readonly IndicatorValueRecord[],
    options: { commit: boolean; summary: Record<string, number> },
    actor: AuditActor,
  ): Promise<{ replacing: number }>;
  /** Adds the preset indicators that are missing; never changes existing ones. */
  seedIndicators(presets: readonly IndicatorInputT[]): Promise<void>;
  /**
   * With examples: adds the missing example reporting areas and values (never over staff's).
   * With null: removes every example value, and example reporting areas no value uses.
   */
  seedIndicatorExamples(examples: IndicatorExamples | null): Promise<void>;
  /** Reporting areas by code, each with its delområden (sorted). */
  listReportingAreas(): Promise<ReportingAreaT[]>;
  /**
   * Creates or replaces reporting areas (name and all members) in one transaction. Audited:
   * one `reporting-area.save` per area, or with `importSummary` one `reporting-area.import`.
   */
  saveReportingAreas(
    areas: readonly ReportingAreaT[],
    actor: AuditActor,
    importSummary?: Record<string, number>,
  ): Promise<void>;
  /** Deletes a reporting area. Audited. `in-use`: indicator values are given for it. */
  deleteReportingArea(code: string, actor: AuditActor): Promise<'deleted' | 'not-found' | 'in-use'>;
}

// ---- Insights (issue 8): exports and open data, owned by api/store/kysely/exports.ts ----

/**
 * Which submissions an export reads: the dashboard's filter resolved (a stadsområde is its
 * delområden's codes), on the submissions table itself (not the aggregates), every moderation
 * status included. `receivedUpTo`: only what had arrived when the export started, so the two
 * files of one zip agree.
 */
export interface ExportFilter {
  /** Only what a scoped staff member may see (see {@link StaffScope}); unset: everything. */
  scope?: StaffScope | undefined;
  /** An insats id, or 'none' for input without one. */
  insats?: string;
  /** Delområde codes (one for `area`, several for `district`). */
  areaCodes?: readonly string[];
  group?: string;
  /** Inclusive Stockholm days of createdAt. */
  from: string;
  to: string;
  basis: 'primary' | 'any';
  receivedUpTo: string;
}

/** One submission as an export writes it (never the device id or cell). */
export interface ExportSubmissionRow {
  id: string;
  kind: string;
  insatsId: string | null;
  createdAt: string;
  receivedAt: string;
  /** Current tags, primary first. */
  areaCodes: string[];
  primaryArea: string | null;
  group: string;
  ageBand: string | null;
  organisation: string | null;
  title: string | null;
  /** As stored: redacted spans are already the placeholder. */
  text: string | null;
  moderationStatus: string;
  statusReason: string | null;
  officialAnswer: string | null;
  locale: string;
  late: boolean;
  /** Only when asked for (`withContact`); null: none given. */
  contact?: { email: string | null; phone: string | null; consentVersion: string } | null;
}

/** One answer as an export writes it; `value` as stored (JSON-parsed). */
export interface ExportAnswerRow {
  submissionId: string;
  moderationStatus: string;
  questionId: string;
  version: number;
  value: unknown;
}

/** A question version: what answers refer to. */
export interface QuestionVersionRecord {
  insatsId: string;
  id: string;
  version: number;
  kind: string;
  hidden: boolean;
  text: LocalizedText;
  options: { id: string; label: LocalizedText }[];
  /** Scale questions: the version's words. */
  scale?: ScaleLabels | undefined;
}

/** One stored value of an indicator, with the delområden a reporting-area value covers. */
export interface IndicatorMapValue {
  geoCode: string;
  kind: string;
  year: number;
  value: number;
  /** Delområden the value is for: itself for a delområde, the members of a reporting area. */
  areaCodes: string[];
}

export interface Store {
  /**
   * Of the next `limit` submissions by id after `after`, those matching `filter` (contact only
   * with `withContact`); `next`: the last id read, or null at the end.
   */
  exportSubmissions(
    filter: ExportFilter,
    page: { after?: string | undefined; limit: number; withContact: boolean },
  ): Promise<{ rows: ExportSubmissionRow[]; next: string | null }>;
  /**
   * The answers of the next `limit` submissions (by id, after `after`) matching `filter`;
   * `next`: the last submission id read, or null at the end.
   */
  exportAnswers(
    filter: ExportFilter,
    page: { after?: string | undefined; limit: number },
  ): Promise<{ rows: ExportAnswerRow[]; next: string | null }>;
  /** Every question version of the insatser given (all, without `insatsIds`). */
  listQuestionVersions(
    insatsIds?: readonly string[],
    scope?: StaffScope | undefined,
  ): Promise<QuestionVersionRecord[]>;
  /** An indicator's values mapped to delområden; undefined when there is no such indicator. */
  indicatorMapValues(
    indicatorId: string,
  ): Promise<
    { id: string; name: string; unit: string; geography: string; values: IndicatorMapValue[] } | undefined
  >;
  /** The stored open-data document `name` of the publication of `day` (JSON text), if stored. */
  getOpenDataPublication(day: string, name: string): Promise<string | undefined>;
  /**
   * Stores document `name` of the publication of `day` unless one is stored already, and returns
   * the stored one: the first writer wins, so every instance serves the same figures all day.
   * Documents of earlier days are deleted.
   */
  saveOpenDataPublication(day: string, name: string, json: string): Promise<string>;
}

/** A free text for the themes (api/domain/themes): what staff may read, with where it belongs. */
export interface ThemeText {
  id: string;
  title: string | null;
  text: string | null;
  /** The current primary delområde, or null when untagged. */
  area: string | null;
  insatsId: string | null;
  /** When the participant wrote it (the device's time, as the dashboard counts days). */
  createdAt: string;
  locale: string;
}

export interface Store {
  /**
   * Moderated comments' and proposals' titles and texts as stored (redacted spans already
   * replaced; never contact details), for the staff themes: the comments and proposals themes are computed from, in the given moderation statuses
   * (never rejected or hidden ones: they were taken down, often for personal data).
   */
  listThemeTexts(options: {
    statuses: readonly ('pending' | 'approved')[];
    /** Only the texts of the scope's insatser (see {@link StaffScope}); unset: all. */
    scope?: StaffScope | undefined;
  }): Promise<ThemeText[]>;
}
