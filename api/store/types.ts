/**
 * The storage contract. Everything the API keeps goes through a {@link Store}; no SQL lives
 * outside api/store; the SQLite and PostgreSQL stores both fill in this interface.
 */
import type {
  AgeBand,
  Insats,
  QuestionKind,
  ReceiptStatus,
  RespondentGroup,
  SubmissionKind,
  TagSource,
} from '../../common/wire/index.ts';
import type { AuthMethod, Role } from '../../common/wire/staff.ts';

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
}

/**
 * A place name for text tagging (api/domain/gazetteer): the name, the areas it means, and
 * whether it is ambiguous (`word`: also an ordinary word; `place`: also another place).
 */
export interface GazetteerRecord {
  id: string;
  name: string;
  /** Empty: the entry is switched off. */
  codes: readonly string[];
  ambiguous?: 'word' | 'place' | null | undefined;
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
}

/** What may change on a staff account. */
export type StaffUserChange = Partial<
  Pick<StaffUserRecord, 'name' | 'role' | 'active' | 'passwordHash' | 'oidcSubject' | 'lastLoginAt'>
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

  /** Adds the areas that are missing; existing ones (maybe edited by staff) are left alone. */
  seedAreas(areas: readonly AreaRecord[]): Promise<void>;
  /** Stores a boundary set version if it is new; activates it when no set is active yet. */
  addBoundarySet(set: BoundarySetRecord): Promise<void>;
  activeBoundarySet(): Promise<BoundarySetRecord | undefined>;
  listAreas(): Promise<AreaRecord[]>;
  /**
   * Sets the display name (and stadsområde, when given) of each area, adding areas that are
   * missing (a new code, named by its code when no name is given); aliases are kept.
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
}
