/**
 * The wire format shared by the client (page and service worker) and the API.
 *
 * One schema module, so the device validates exactly what the server will accept.
 * Items can wait on a phone for weeks: every submission carries `schemaVersion`,
 * and `SubmissionItem` must keep accepting every version ever shipped.
 */
import * as v from 'valibot';

/** The submission schema version this build of the client writes for answers and comments (proposals: {@link PROPOSAL_SCHEMA_VERSION}). */
export const CURRENT_SCHEMA_VERSION = 3;
/** Largest accepted request body for a batch, in bytes. */
export const MAX_BATCH_BYTES = 1_000_000;
/** Items per batch. */
export const MAX_BATCH_ITEMS = 100;
/** Characters in a free-text field. */
export const MAX_TEXT_CHARS = 5_000;

export const SUBMISSION_KINDS = ['answer', 'comment', 'proposal'] as const;
export const RESPONDENT_GROUPS = [
  'youth',
  'resident',
  'association',
  'property_owner',
  'business',
  'other',
] as const;
export const AGE_BANDS = ['under13', '13-15', '16-19', '20-24', '25-29', '30plus'] as const;
export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export const INSATS_STATUSES = ['planned', 'ongoing', 'finished'] as const;
export const DIMENSIONS = ['social', 'economic', 'environmental'] as const;

export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * No NUL characters in text that is stored as text: PostgreSQL cannot hold them (SQLite
 * can), and the same item must get the same answer on either store.
 */
const noNul = v.check((s: string) => !s.includes('\0'), 'must not contain the NUL character');
const shortString = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max), noNul);
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -'));
/** Delområde codes are five digits (do_kod), e.g. 11319 Södra Sofielund. */
export const AreaCode = v.pipe(v.string(), v.regex(/^\d{5}$/, 'must be a five-digit delområde code'));

export const AnswerValue = v.union([
  v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS)),
  v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.minLength(1), v.maxLength(20)),
]);

export const Answer = v.strictObject({
  questionId: id,
  questionVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  value: AnswerValue,
});
export type Answer = v.InferOutput<typeof Answer>;

export const Respondent = v.strictObject({
  group: v.picklist(RESPONDENT_GROUPS),
  ageBand: v.optional(v.picklist(AGE_BANDS)),
  organisation: v.optional(shortString(200)),
});

export const Contact = v.pipe(
  v.strictObject({
    email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('is not an e-mail address'))),
    phone: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\+?[0-9 ()-]{6,20}$/, 'is not a phone number'))),
    consentVersion: shortString(32),
  }),
  v.check((c) => c.email !== undefined || c.phone !== undefined, 'needs an e-mail address or a phone number'),
);

export const Point = v.strictObject({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
});

export const Location = v.pipe(
  v.strictObject({
    areaCode: v.optional(AreaCode),
    point: v.optional(Point),
    pointConsentVersion: v.optional(shortString(32)),
  }),
  v.check(
    (l) => l.point === undefined || (l.pointConsentVersion ?? '') !== '',
    'a location point needs pointConsentVersion (the consent the person gave)',
  ),
);

/** The shape the checks of an answer or a comment (versions 1 and 3) look at. */
type AnswerOrComment = {
  kind: SubmissionKind;
  insatsId?: string | undefined;
  answers?: unknown[] | undefined;
  text?: string | undefined;
  title?: string | undefined;
  respondent: { ageBand?: AgeBand | undefined };
  contact?: unknown;
  location: { point?: unknown };
};
/** The cross-field rules of versions 1 and 3, each with its message (shared, so they stay equal). */
const answerOrCommentRules = {
  insats: [
    (s: AnswerOrComment) => s.kind !== 'answer' || s.insatsId !== undefined,
    'an answer needs insatsId',
  ],
  answers: [
    (s: AnswerOrComment) => s.kind !== 'answer' || (s.answers?.length ?? 0) > 0,
    'an answer needs at least one answer',
  ],
  text: [
    (s: AnswerOrComment) => s.kind === 'answer' || (s.text ?? '').trim() !== '',
    'a comment or proposal needs text',
  ],
  title: [
    (s: AnswerOrComment) => s.kind !== 'proposal' || (s.title ?? '') !== '',
    'a proposal needs a title',
  ],
  contact: [
    (s: AnswerOrComment) => s.respondent.ageBand !== 'under13' || s.contact === undefined,
    'no contact details are accepted from children under 13',
  ],
  point: [
    (s: AnswerOrComment) => s.respondent.ageBand !== 'under13' || s.location.point === undefined,
    'no location point is accepted from children under 13',
  ],
} as const;

/** The fields of an answer or a comment, as versions 1 and 3 share them (all but the answers). */
const answerOrCommentEntries = {
  id: v.pipe(v.string(), v.uuid('must be a UUID')),
  kind: v.picklist(SUBMISSION_KINDS),
  insatsId: v.optional(id),
  text: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS), noNul)),
  title: v.optional(shortString(200)),
  respondent: Respondent,
  contact: v.optional(Contact),
  location: Location,
  deviceId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -')),
  locale: v.pipe(
    v.string(),
    v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as sv'),
  ),
  createdAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp')),
};

/** Version 1 of a submission, as a device writes it. */
export const SubmissionV1 = v.pipe(
  v.strictObject({
    schemaVersion: v.literal(1),
    ...answerOrCommentEntries,
    answers: v.optional(v.pipe(v.array(Answer), v.maxLength(50))),
  }),
  v.forward(
    v.check((s) => answerOrCommentRules.insats[0](s), answerOrCommentRules.insats[1]),
    ['insatsId'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.answers[0](s), answerOrCommentRules.answers[1]),
    ['answers'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.text[0](s), answerOrCommentRules.text[1]),
    ['text'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.title[0](s), answerOrCommentRules.title[1]),
    ['title'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.contact[0](s), answerOrCommentRules.contact[1]),
    ['contact'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.point[0](s), answerOrCommentRules.point[1]),
    ['location', 'point'],
  ),
);
export type SubmissionV1 = v.InferOutput<typeof SubmissionV1>;

/** The schema version of a proposal (issue 7); answers and comments are still written as version 1. */
export const PROPOSAL_SCHEMA_VERSION = 2;
/** Who sends a proposal. Stored as the respondent group of the same name (`property_owner`). */
export const ORGANISATION_KINDS = ['association', 'property-owner', 'business', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
/** What an organisation offers or asks for. `other` needs `otherText`. */
export const PROPOSAL_RESOURCES = ['premises', 'volunteers', 'staff-time', 'funding', 'other'] as const;
export type ProposalResource = (typeof PROPOSAL_RESOURCES)[number];
/** Delområden one proposal may name. */
export const MAX_PROPOSAL_AREAS = 20;
/** Characters in the description of "other" offers or asks. */
export const MAX_OTHER_CHARS = 500;

/** The respondent group a proposal's organisation kind is stored as. */
export const ORGANISATION_GROUP: Record<OrganisationKind, RespondentGroup> = {
  association: 'association',
  'property-owner': 'property_owner',
  business: 'business',
  other: 'other',
};

const nonBlank = (message: string) => v.check((s: string) => s.trim() !== '', message);
const Resources = v.pipe(
  v.array(v.picklist(PROPOSAL_RESOURCES)),
  v.maxLength(PROPOSAL_RESOURCES.length),
  v.check((list) => new Set(list).size === list.length, 'must not name the same thing twice'),
);

/**
 * Version 2: a proposal from an association, a property owner, a business or another
 * organisation. No `respondent` (the organisation is who answers; no age band) and no point: the
 * delområden are chosen, the first one the main one. The contact is seen by staff only.
 */
export const SubmissionV2 = v.pipe(
  v.strictObject({
    schemaVersion: v.literal(2),
    id: v.pipe(v.string(), v.uuid('must be a UUID')),
    kind: v.literal('proposal'),
    organisation: v.strictObject({
      name: v.pipe(shortString(200), nonBlank('needs the name of the organisation')),
      kind: v.picklist(ORGANISATION_KINDS),
    }),
    contact: v.optional(Contact),
    title: v.pipe(shortString(200), nonBlank('a proposal needs a title')),
    text: v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS), noNul, nonBlank('a proposal needs a description')),
    /** The insats the proposal concerns, or null for a new idea. */
    insatsId: v.nullable(id),
    areaCodes: v.pipe(
      v.array(AreaCode),
      v.minLength(1, 'choose at least one delområde'),
      v.maxLength(MAX_PROPOSAL_AREAS),
      v.check((list) => new Set(list).size === list.length, 'must not name a delområde twice'),
    ),
    offers: Resources,
    asks: Resources,
    otherText: v.optional(shortString(MAX_OTHER_CHARS)),
    deviceId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -')),
    locale: v.pipe(
      v.string(),
      v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as sv'),
    ),
    createdAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp')),
  }),
  v.forward(
    v.check(
      (s) => !(s.offers.includes('other') || s.asks.includes('other')) || (s.otherText ?? '') !== '',
      'say what the "other" is',
    ),
    ['otherText'],
  ),
);
export type SubmissionV2 = v.InferOutput<typeof SubmissionV2>;

/** The answer of a scale question whose version offers "don't know" ("Vet inte"), from version 3 on. */
export const DONT_KNOW = 'dont-know';

/** An answer as version 3 writes it: as in version 1, or {@link DONT_KNOW} for a scale question. */
export const AnswerV3 = v.strictObject({
  questionId: id,
  questionVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  value: v.union([v.literal(DONT_KNOW), AnswerValue]),
});
export type AnswerV3 = v.InferOutput<typeof AnswerV3>;

/**
 * Version 3: an answer or a comment, as version 1, except that a scale answer may be
 * {@link DONT_KNOW} where the question version offers it (the server checks that against the
 * catalogue). Version 1 stays accepted: a V1 scale answer is always a step 1–5.
 */
export const SubmissionV3 = v.pipe(
  v.strictObject({
    schemaVersion: v.literal(3),
    ...answerOrCommentEntries,
    answers: v.optional(v.pipe(v.array(AnswerV3), v.maxLength(50))),
  }),
  v.forward(
    v.check((s) => answerOrCommentRules.insats[0](s), answerOrCommentRules.insats[1]),
    ['insatsId'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.answers[0](s), answerOrCommentRules.answers[1]),
    ['answers'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.text[0](s), answerOrCommentRules.text[1]),
    ['text'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.title[0](s), answerOrCommentRules.title[1]),
    ['title'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.contact[0](s), answerOrCommentRules.contact[1]),
    ['contact'],
  ),
  v.forward(
    v.check((s) => answerOrCommentRules.point[0](s), answerOrCommentRules.point[1]),
    ['location', 'point'],
  ),
);
export type SubmissionV3 = v.InferOutput<typeof SubmissionV3>;

/**
 * Any submission the server accepts. Later versions are added here as new variants;
 * old ones are never removed while a device might still hold them.
 */
export const SubmissionItem = v.variant('schemaVersion', [SubmissionV1, SubmissionV2, SubmissionV3]);
export type SubmissionItem = v.InferOutput<typeof SubmissionItem>;

/** Body of `POST /api/submissions`. Items are validated one by one, so this only checks the envelope. */
export const SubmissionBatch = v.strictObject({
  submissions: v.pipe(
    v.array(v.unknown()),
    v.minLength(1, 'a batch needs at least one submission'),
    v.maxLength(MAX_BATCH_ITEMS, `a batch holds at most ${MAX_BATCH_ITEMS} submissions`),
  ),
});

export const TAG_SOURCES = ['staff', 'chosen', 'point', 'text'] as const;
export type TagSource = (typeof TAG_SOURCES)[number];
export const Tag = v.object({ areaCode: v.string(), source: v.picklist(TAG_SOURCES) });
export type Tag = v.InferOutput<typeof Tag>;

export const FieldError = v.object({ path: v.string(), message: v.string() });
export type FieldError = v.InferOutput<typeof FieldError>;

export const SUBMISSION_STATUSES = ['created', 'duplicate', 'conflict', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SubmissionResult = v.object({
  id: v.string(),
  status: v.picklist(SUBMISSION_STATUSES),
  receipt: v.optional(v.string()),
  tags: v.optional(v.array(Tag)),
  errors: v.optional(v.array(FieldError)),
});
export type SubmissionResult = v.InferOutput<typeof SubmissionResult>;
export const SubmissionResponse = v.object({ results: v.array(SubmissionResult) });
export type SubmissionResponse = v.InferOutput<typeof SubmissionResponse>;

/** Receipts are 128 random bits, base64url (22 characters). */
export const Receipt = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/, 'is not a receipt'));
export const ReceiptQuery = v.strictObject({
  receipts: v.pipe(v.array(Receipt), v.minLength(1), v.maxLength(MAX_BATCH_ITEMS)),
});
export const RECEIPT_STATUSES = ['received', 'published', 'not_published', 'unknown'] as const;
export type ReceiptStatusName = (typeof RECEIPT_STATUSES)[number];
export const ReceiptStatus = v.object({
  receipt: v.string(),
  status: v.picklist(RECEIPT_STATUSES),
  reason: v.optional(v.string()),
  answer: v.optional(v.object({ text: v.string(), answeredAt: v.string() })),
  /**
   * Only when staff redacted something in the item: each redacted field as it is stored now (spans
   * replaced by the placeholder), so the device replaces its own copy. The person's own text, never
   * anything else; answers keyed by question id.
   */
  redacted: v.optional(
    v.object({
      title: v.optional(v.string()),
      text: v.optional(v.string()),
      organisation: v.optional(v.string()),
      /** A proposal's description of "other" offers or asks. */
      otherText: v.optional(v.string()),
      answers: v.optional(v.record(v.string(), v.string())),
    }),
  ),
});
export type ReceiptStatus = v.InferOutput<typeof ReceiptStatus>;
/** The redacted fields of an item as {@link ReceiptStatus} carries them. */
export type RedactedFields = NonNullable<ReceiptStatus['redacted']>;
export const ReceiptResponse = v.object({ receipts: v.array(ReceiptStatus) });

/** Text per language: Swedish always, others where translated. */
export const LocalizedText = v.objectWithRest({ sv: v.string() }, v.string());
export type LocalizedText = v.InferOutput<typeof LocalizedText>;

export const QuestionOption = v.object({ id: v.string(), label: LocalizedText });

/**
 * The words of a scale question version: the end labels (steps 1 and 5), optional words for the
 * middle steps 2–4 (null where a step has none), and whether "don't know" is offered. These are
 * what is shown and read out beside the faces, and what summaries and exports name the steps by.
 */
export const ScaleLabels = v.object({
  min: LocalizedText,
  max: LocalizedText,
  middle: v.optional(
    v.tuple([v.nullable(LocalizedText), v.nullable(LocalizedText), v.nullable(LocalizedText)]),
  ),
  dontKnow: v.optional(v.boolean()),
});
export type ScaleLabels = v.InferOutput<typeof ScaleLabels>;

/** The steps of a scale question, as answers and counts name them. */
export const SCALE_STEPS = ['1', '2', '3', '4', '5'] as const;

/** The words of step `step` (1–5) of a scale, or null when the step has none (a middle step). */
export function scaleStepLabel(scale: ScaleLabels | undefined, step: number): LocalizedText | null {
  if (!scale) return null;
  if (step === 1) return scale.min;
  if (step === 5) return scale.max;
  return scale.middle?.[step - 2] ?? null;
}

export const Question = v.object({
  id: v.string(),
  version: v.number(),
  kind: v.picklist(QUESTION_KINDS),
  text: LocalizedText,
  options: v.optional(v.array(QuestionOption)),
  /** Scale questions: the version's words (absent in catalogues cached before they existed). */
  scale: v.optional(ScaleLabels),
  audience: v.picklist(['everyone', 'youth']),
});
export type Question = v.InferOutput<typeof Question>;

export const Insats = v.object({
  id: v.string(),
  title: LocalizedText,
  summary: LocalizedText,
  body: v.optional(LocalizedText),
  namnder: v.array(v.string()),
  areaCodes: v.array(v.string()),
  dimensions: v.array(v.picklist(DIMENSIONS)),
  status: v.picklist(INSATS_STATUSES),
  period: v.object({ start: v.string(), end: v.optional(v.string()) }),
  example: v.boolean(),
  questions: v.array(Question),
  /** Kraftsamlande insats or local development (issue 7; absent on older insatser: kraftsamlande). */
  kind: v.optional(v.picklist(['kraftsamlande', 'local-development'])),
  /** The official at the city to contact (public). */
  contact: v.optional(
    v.object({ name: v.string(), email: v.optional(v.string()), phone: v.optional(v.string()) }),
  ),
  /** The image: GET /api/insatser/:id/image; `hash` is its ETag (changes with the image). */
  image: v.optional(v.object({ contentType: v.string(), bytes: v.number(), hash: v.string() })),
  imageAlt: v.optional(LocalizedText),
});
export type Insats = v.InferOutput<typeof Insats>;
export const InsatsList = v.object({ insatser: v.array(Insats) });

export const Area = v.object({
  code: v.string(),
  name: v.string(),
  district: v.string(),
  /** Other names people use for the area (e.g. Seved for Södra Sofielund), for search. */
  aliases: v.optional(v.array(v.string())),
});
export type Area = v.InferOutput<typeof Area>;
export const AreaList = v.object({ boundaryVersion: v.string(), areas: v.array(Area) });
export type AreaList = v.InferOutput<typeof AreaList>;

/**
 * `GET /api/areas/map`: the delområden as SVG path data, projected and simplified on the
 * server (api/domain/map). Coordinates are whole metres of SWEREF 99 13 30, north up.
 */
export const AreaMap = v.object({
  boundaryVersion: v.string(),
  /** [minX, minY, width, height], for the SVG viewBox. */
  viewBox: v.tuple([v.number(), v.number(), v.number(), v.number()]),
  areas: v.array(
    v.object({
      code: v.string(),
      /** SVG path data. */
      d: v.string(),
      /** A point inside the area, for its label or focus marker. */
      label: v.tuple([v.number(), v.number()]),
    }),
  ),
  /**
   * How a latitude and longitude become viewBox units, so the device can find the area it is in
   * (client/components/position): Transverse Mercator on GRS80 with these parameters gives
   * easting E and northing N in metres; then x = (E − originE) / unitMetres and
   * y = (originN − N) / unitMetres. Absent from maps stored before it was added.
   */
  grid: v.optional(
    v.object({
      crs: v.string(),
      lon0: v.number(),
      k0: v.number(),
      falseEasting: v.number(),
      falseNorthing: v.number(),
      originE: v.number(),
      originN: v.number(),
      unitMetres: v.number(),
    }),
  ),
});
export type AreaMap = v.InferOutput<typeof AreaMap>;

/** `GET /api/privacy`: who is responsible for the personal data, for the privacy notice. */
export const PrivacyContact = v.object({
  /** The nämnd that is personuppgiftsansvarig (CONTROLLER_NAME). */
  controller: v.string(),
  /** How to reach the data protection officer (DPO_CONTACT). */
  dpoContact: v.string(),
});
export type PrivacyContact = v.InferOutput<typeof PrivacyContact>;

/** RFC 9457 problem details, as every API error is sent. */
export const Problem = v.object({
  type: v.string(),
  title: v.string(),
  status: v.number(),
  detail: v.optional(v.string()),
  errors: v.optional(v.array(FieldError)),
});
export type Problem = v.InferOutput<typeof Problem>;

/** Turns valibot issues into `{ path, message }` pairs a person can act on. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path?.map((p) => String(p.key)).join('.') ?? '',
    message: issue.message,
  }));
}
