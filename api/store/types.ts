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

/** A delområde as stored: code, display name, stadsområde and other names people use for it. */
export interface AreaRecord {
  code: string;
  name: string;
  district: string;
  aliases: string[];
}

/** One stored version of the area geometry (GeoJSON FeatureCollection in WGS84). */
export interface BoundarySetRecord {
  version: string;
  geojson: string;
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
}

/** What happened to one item of a batch, in the batch's order. */
export type SaveOutcome =
  | { status: 'created' | 'duplicate'; receipt: string; tags: StoredTag[] }
  | { status: 'conflict' };

/** A stored submission, as staff features and tests read it back. */
export interface StoredSubmission extends Omit<NewSubmission, 'contact' | 'tags'> {
  hasContact: boolean;
  tags: StoredTag[];
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
}
