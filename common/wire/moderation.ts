/**
 * Wire format of moderation, official answers, redaction, settings and the public listing.
 * Shared by the API (api/routes/staff-queue, staff-moderation, staff-settings,
 * public-submissions) and the staff screens, which load only when staff open them.
 *
 * The queue filter has one shape, {@link QueueFilter}: sent as JSON in a bulk action, and as the
 * query string of GET /api/staff/queue (lists comma-separated, see {@link queueFilterToQuery}),
 * so a count shown, a page listed and a bulk action applied all mean the same items.
 */
import * as v from 'valibot';
import { FREE_TEXT_FIELDS, isFreeTextField } from './free-text.ts';
import {
  AGE_BANDS,
  LocalizedText,
  MAX_TEXT_CHARS,
  PROPOSAL_RESOURCES,
  RESPONDENT_GROUPS,
  SUBMISSION_KINDS,
  TAG_SOURCES,
} from './index.ts';

/** What the automatic checks flag (the same list as api/domain/checks/types.ts FLAG_KINDS). */
export const FLAG_KINDS = [
  'personnummer',
  'samordningsnummer',
  'phone',
  'email',
  'link',
  'offensive',
  'near-duplicate',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** Statuses an item can have in the queue. */
export const QUEUE_STATUSES = ['pending', 'approved', 'rejected', 'hidden'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** What a moderation does: the status it sets (`pending` reopens an item). */
export const MODERATION_ACTIONS = ['approve', 'reject', 'hide', 'pending'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Queue page size unless `limit` says otherwise, and the most a page holds. */
export const DEFAULT_QUEUE_LIMIT = 25;
export const MAX_QUEUE_LIMIT = 100;
/** Most ids in one selection of a bulk action. */
export const MAX_SELECTION_IDS = 500;
/** The most days a `waitingDays` filter may say, and the staff home's default. */
export const MAX_WAITING_DAYS = 365;
export const DEFAULT_WAITING_DAYS = 7;
/** Longest free-text reason. */
export const MAX_REASON_CHARS = 1_000;
/** Longest official answer. */
export const MAX_ANSWER_CHARS = 5_000;
/** Most spans in one redaction. */
export const MAX_REDACTION_SPANS = 50;
/** Public listing page size unless `limit` says otherwise, and the most a page holds. */
export const DEFAULT_PUBLIC_LIMIT = 20;
export const MAX_PUBLIC_LIMIT = 50;

const Id = v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(100, 'is too long'));
/** YYYY-MM-DD (a day in Malmö, Europe/Stockholm), or a full ISO 8601 time. */
const DayOrTime = v.pipe(
  v.string(),
  v.trim(),
  v.check(
    (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || (/^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s))),
    'is not a day (YYYY-MM-DD) or an ISO 8601 time',
  ),
);
const Time = v.pipe(
  v.string(),
  v.check((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'is not an ISO 8601 time'),
);

/**
 * Filters of the moderation queue; each one given narrows it (AND). Without `status`: pending
 * only. `insats`: an insats id, or `null` (JSON; `none` in the query string) for items about no
 * insats. `area`: a delområde code, matched against the primary tag, or any current tag with
 * `areaMatch: 'any'`. `flag`: items with a flag of that kind; `flagged`: any flag.
 * `from`/`to`: received from (inclusive) / to (inclusive when a day, exclusive when a time).
 * `waitingDays`: received more than that many days ago (counted from the request). `awaitingAnswer`:
 * the person left a contact to be told when the city answers, and no official answer is given yet.
 */
export const QueueFilter = v.strictObject({
  status: v.optional(v.pipe(v.array(v.picklist(QUEUE_STATUSES)), v.minLength(1), v.maxLength(4))),
  kind: v.optional(v.pipe(v.array(v.picklist(SUBMISSION_KINDS)), v.minLength(1), v.maxLength(3))),
  insats: v.optional(v.nullable(Id)),
  area: v.optional(v.pipe(v.string(), v.regex(/^\d{5}$/, 'must be a five-digit delområde code'))),
  areaMatch: v.optional(v.picklist(['primary', 'any'])),
  group: v.optional(v.pipe(v.array(v.picklist(RESPONDENT_GROUPS)), v.minLength(1), v.maxLength(6))),
  flag: v.optional(v.picklist(FLAG_KINDS)),
  flagged: v.optional(v.boolean()),
  from: v.optional(DayOrTime),
  to: v.optional(DayOrTime),
  waitingDays: v.optional(
    v.pipe(v.number(), v.integer('must be whole days'), v.minValue(1), v.maxValue(MAX_WAITING_DAYS)),
  ),
  awaitingAnswer: v.optional(v.boolean()),
  /** Words or phrases: the title or text contains one of them (case aside). */
  text: v.optional(
    v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.trim(),
          v.minLength(2),
          v.maxLength(80),
          v.regex(/^[^,]*$/, 'must not hold a comma'),
        ),
      ),
      v.minLength(1),
      v.maxLength(10),
    ),
  ),
});
export type QueueFilter = v.InferOutput<typeof QueueFilter>;

/** The query string of GET /api/staff/queue and …/count for `filter` (plus cursor and limit). */
export function queueFilterToQuery(
  filter: QueueFilter,
  page?: { cursor?: string | null; limit?: number },
): Record<string, string> {
  const q: Record<string, string> = {};
  if (filter.status) q.status = filter.status.join(',');
  if (filter.kind) q.kind = filter.kind.join(',');
  if (filter.insats !== undefined) q.insats = filter.insats ?? 'none';
  if (filter.area) q.area = filter.area;
  if (filter.areaMatch) q.areaMatch = filter.areaMatch;
  if (filter.group) q.group = filter.group.join(',');
  if (filter.flag) q.flag = filter.flag;
  if (filter.flagged) q.flagged = '1';
  if (filter.from) q.from = filter.from;
  if (filter.to) q.to = filter.to;
  if (filter.waitingDays !== undefined) q.waitingDays = String(filter.waitingDays);
  if (filter.awaitingAnswer) q.awaitingAnswer = '1';
  if (filter.text) q.text = filter.text.join(',');
  if (page?.cursor) q.cursor = page.cursor;
  if (page?.limit !== undefined) q.limit = String(page.limit);
  return q;
}

/** A flag with where it points: `field` is `title`, `text`, `organisation` or `answers.<questionId>` (null: whole item). */
export const QueueFlag = v.object({
  kind: v.picklist(FLAG_KINDS),
  field: v.nullable(v.string()),
  /** UTF-16 offsets into that field as stored, `end` exclusive: highlight `text.slice(start, end)`. */
  start: v.nullable(v.number()),
  end: v.nullable(v.number()),
  /** near-duplicate: the earlier submission from the same device it repeats. */
  duplicateOf: v.nullable(v.string()),
});
export type QueueFlag = v.InferOutput<typeof QueueFlag>;

/** An official answer as stored. */
export const OfficialAnswer = v.object({ text: v.string(), answeredAt: v.string() });
export type OfficialAnswer = v.InferOutput<typeof OfficialAnswer>;

/** One queue item: what a moderator needs to decide. Never contact details or device ids. */
export const QueueItem = v.object({
  id: v.string(),
  kind: v.picklist(SUBMISSION_KINDS),
  status: v.picklist(QUEUE_STATUSES),
  insatsId: v.nullable(v.string()),
  title: v.nullable(v.string()),
  text: v.nullable(v.string()),
  /** Short-text answers (redacted spans replaced). */
  textAnswers: v.array(v.object({ questionId: v.string(), questionVersion: v.number(), text: v.string() })),
  respondentGroup: v.picklist(RESPONDENT_GROUPS),
  ageBand: v.nullable(v.picklist(AGE_BANDS)),
  organisation: v.nullable(v.string()),
  locale: v.string(),
  receivedAt: v.string(),
  flagged: v.boolean(),
  flags: v.array(QueueFlag),
  /** Current tags, primary first. */
  tags: v.array(
    v.object({
      areaCode: v.string(),
      source: v.picklist(TAG_SOURCES),
      primary: v.boolean(),
      /** A re-tag could not be sure (the area changed): worth a moderator's look. */
      uncertain: v.optional(v.boolean()),
    }),
  ),
  /** What the participant is told (rejected or hidden). */
  reason: v.nullable(v.string()),
  reasonTemplateId: v.nullable(v.string()),
  answer: v.nullable(OfficialAnswer),
  moderatedAt: v.nullable(v.string()),
  /** Staff user id of who moderated last. */
  moderatedBy: v.nullable(v.string()),
  /** The participant left contact details: GET /api/staff/submissions/:id/contact (audited). */
  hasContact: v.boolean(),
  /** Restricted redactions kept originals: GET /api/staff/submissions/:id/originals (admins, audited). */
  hasOriginals: v.boolean(),
  /** Proposals of schema version 2 only: what the organisation offers and asks for, and "other". */
  proposal: v.optional(
    v.nullable(
      v.object({
        offers: v.array(v.picklist(PROPOSAL_RESOURCES)),
        asks: v.array(v.picklist(PROPOSAL_RESOURCES)),
        otherText: v.nullable(v.string()),
      }),
    ),
  ),
});
export type QueueItem = v.InferOutput<typeof QueueItem>;

/**
 * GET /api/staff/queue: flagged first, then oldest first. `next`: the cursor of the following
 * page (null after the last). `asOf`: the server's time of this answer, to send with a bulk
 * action on the filter so it applies to what was shown (nothing received later).
 */
export const QueuePage = v.object({
  items: v.array(QueueItem),
  next: v.nullable(v.string()),
  asOf: v.string(),
});
export type QueuePage = v.InferOutput<typeof QueuePage>;

/** GET /api/staff/queue/count: items matching the filter received up to `asOf`. */
export const QueueCount = v.object({ count: v.number(), asOf: v.string() });
export type QueueCount = v.InferOutput<typeof QueueCount>;

/** One thing to do on the staff home: how many items, and the queue query that lists exactly them. */
export const HomeCount = v.object({ count: v.number(), query: v.string() });
export type HomeCount = v.InferOutput<typeof HomeCount>;

/**
 * GET /api/staff/home: what needs doing, each a count with the queue's query string. `waiting`
 * counts pending items received more than `waitingDays` days before `asOf`.
 */
export const StaffHome = v.object({
  pending: HomeCount,
  flagged: HomeCount,
  waiting: HomeCount,
  awaitingAnswer: HomeCount,
  waitingDays: v.number(),
  asOf: v.string(),
});
export type StaffHome = v.InferOutput<typeof StaffHome>;

/** A reason for the participant: a template, free text, or both. */
export const ModerationReason = v.strictObject({
  templateId: v.optional(Id),
  text: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(MAX_REASON_CHARS, `must be at most ${MAX_REASON_CHARS} characters`),
    ),
  ),
});
export type ModerationReason = v.InferOutput<typeof ModerationReason>;

/**
 * POST /api/staff/moderation: a selection (`ids`), or everything matching `filter` received up
 * to `asOf` (from the count or page shown). `reject` needs a reason; `approve`/`pending` clear it.
 */
export const ModerationRequest = v.strictObject({
  target: v.union([
    v.strictObject({
      ids: v.pipe(
        v.array(Id),
        v.minLength(1, 'is empty'),
        v.maxLength(MAX_SELECTION_IDS, 'has too many ids'),
      ),
    }),
    v.strictObject({ filter: QueueFilter, asOf: Time }),
  ]),
  action: v.picklist(MODERATION_ACTIONS),
  reason: v.optional(ModerationReason),
});
export type ModerationRequest = v.InferOutput<typeof ModerationRequest>;

/** What a moderation changed: how many items, and which. */
export const ModerationResult = v.object({ changed: v.number(), ids: v.array(v.string()) });
export type ModerationResult = v.InferOutput<typeof ModerationResult>;

/** PATCH /api/staff/submissions/:id: the delområde (a `staff` tag) and/or the insats (null: none). */
export const SubmissionPatch = v.strictObject({
  areaCode: v.optional(v.pipe(v.string(), v.regex(/^\d{5}$/, 'must be a five-digit delområde code'))),
  insatsId: v.optional(v.nullable(Id)),
});
export type SubmissionPatch = v.InferOutput<typeof SubmissionPatch>;
/** The values after the change (only those sent). */
export const SubmissionPatchResult = v.object({
  areaCode: v.optional(v.nullable(v.string())),
  insatsId: v.optional(v.nullable(v.string())),
});
export type SubmissionPatchResult = v.InferOutput<typeof SubmissionPatchResult>;

/**
 * A free-text field of a submission (./free-text.ts, derived from the submission schemas):
 * `title`, `text`, `organisation` (its name), `otherText` (a proposal's "other"), or
 * `answers.<questionId>` (a short-text answer).
 */
export const RedactionField = v.pipe(
  v.string(),
  v.check(isFreeTextField, `must be ${FREE_TEXT_FIELDS.join(', ')} or answers.<questionId>`),
);
/** POST /api/staff/submissions/:id/redactions: spans (UTF-16 offsets, `end` exclusive) to replace. */
export const RedactionRequest = v.strictObject({
  field: RedactionField,
  spans: v.pipe(
    v.array(
      v.strictObject({
        start: v.pipe(v.number(), v.integer(), v.minValue(0)),
        end: v.pipe(v.number(), v.integer(), v.minValue(1)),
      }),
    ),
    v.minLength(1, 'is empty'),
    v.maxLength(MAX_REDACTION_SPANS, `has more than ${MAX_REDACTION_SPANS} spans`),
  ),
});
export type RedactionRequest = v.InferOutput<typeof RedactionRequest>;
/** The field's text afterwards (spans replaced by the placeholder). */
export const RedactionResult = v.object({ text: v.string(), redactionId: v.string() });
export type RedactionResult = v.InferOutput<typeof RedactionResult>;

/** GET /api/staff/submissions/:id/originals (admins): originals kept by restricted redactions. */
export const RestrictedOriginals = v.object({
  originals: v.array(
    v.object({
      redactionId: v.string(),
      field: v.string(),
      text: v.string(),
      redactedAt: v.string(),
      actorId: v.nullable(v.string()),
    }),
  ),
});
export type RestrictedOriginals = v.InferOutput<typeof RestrictedOriginals>;

/** PUT /api/staff/submissions/:id/answer: the city's public answer (replaces an earlier one). */
export const AnswerRequest = v.strictObject({
  text: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'is empty'),
    v.maxLength(MAX_ANSWER_CHARS, `must be at most ${MAX_ANSWER_CHARS} characters`),
  ),
});
export type AnswerRequest = v.InferOutput<typeof AnswerRequest>;
/** `mailQueued`: an e-mail to the participant is on its way (they left an address). */
export const AnswerResult = v.object({ answer: OfficialAnswer, mailQueued: v.boolean() });
export type AnswerResult = v.InferOutput<typeof AnswerResult>;

const TemplateText = v.pipe(
  v.objectWithRest(
    { sv: v.pipe(v.string(), v.trim(), v.minLength(1, 'is empty'), v.maxLength(MAX_REASON_CHARS)) },
    v.pipe(v.string(), v.trim(), v.maxLength(MAX_REASON_CHARS)),
  ),
  v.check((o) => Object.keys(o).length <= 10, 'has too many languages'),
);
/** A reason template (GET /api/staff/reason-templates). */
export const ReasonTemplate = v.object({
  id: v.string(),
  position: v.number(),
  active: v.boolean(),
  /** Short name in the staff screens. */
  label: LocalizedText,
  /** What the participant is told, in their language when there is one (else Swedish). */
  text: LocalizedText,
  createdAt: v.string(),
  updatedAt: v.string(),
});
export type ReasonTemplate = v.InferOutput<typeof ReasonTemplate>;
export const ReasonTemplateList = v.object({ templates: v.array(ReasonTemplate) });
export type ReasonTemplateList = v.InferOutput<typeof ReasonTemplateList>;
/** POST /api/staff/reason-templates: creates (no id) or replaces (id) a template. */
export const ReasonTemplateInput = v.strictObject({
  id: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -')),
  ),
  position: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)), 0),
  active: v.optional(v.boolean(), true),
  label: TemplateText,
  text: TemplateText,
});
export type ReasonTemplateInput = v.InferOutput<typeof ReasonTemplateInput>;

/** How redaction treats originals; `purge` needs the reference of the city's gallringsbeslut. */
export const RedactionSetting = v.variant('mode', [
  v.strictObject({ mode: v.literal('restricted') }),
  v.strictObject({
    mode: v.literal('purge'),
    gallringsbeslut: v.pipe(v.string(), v.trim(), v.maxLength(200)),
  }),
]);
const WholeOrNull = v.nullable(v.pipe(v.number(), v.integer()));
/** How long each kind of data is kept (null: per the city's archive plan, kept until set). */
export const RetentionSetting = v.strictObject({
  contactMonths: WholeOrNull,
  deviceIdDays: v.pipe(v.number(), v.integer()),
  mailDays: v.pipe(v.number(), v.integer()),
  submissionMonths: WholeOrNull,
  auditMonths: WholeOrNull,
  gallringsbeslut: v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(200))),
});
/** The staff e-mail digest: on/off and when (HH:MM, Europe/Stockholm). */
export const DigestSetting = v.strictObject({
  enabled: v.boolean(),
  time: v.pipe(v.string(), v.maxLength(5)),
});
/** GET /api/staff/settings (admins). */
export const Settings = v.object({
  redaction: RedactionSetting,
  retention: RetentionSetting,
  digest: DigestSetting,
});
export type Settings = v.InferOutput<typeof Settings>;
/** PATCH /api/staff/settings: any of the three, each replaced whole; answered with all settings. */
export const SettingsPatch = v.strictObject({
  redaction: v.optional(RedactionSetting),
  retention: v.optional(RetentionSetting),
  digest: v.optional(DigestSetting),
});
export type SettingsPatch = v.InferOutput<typeof SettingsPatch>;

/** POST /api/staff/me/digest: whether the signed-in staff member gets the daily digest. */
export const DigestOptIn = v.strictObject({ optIn: v.boolean() });
export type DigestOptIn = v.InferOutput<typeof DigestOptIn>;

/**
 * One approved item of GET /api/public/submissions. `key` is opaque and stable (not the
 * submission id); texts are as stored (redacted spans replaced). Never contact details, flags,
 * device ids or receipts.
 */
export const PublicSubmission = v.object({
  key: v.string(),
  kind: v.picklist(SUBMISSION_KINDS),
  insatsId: v.nullable(v.string()),
  title: v.nullable(v.string()),
  text: v.nullable(v.string()),
  /** Short-text answers. */
  answers: v.array(
    v.object({ questionId: v.string(), text: v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS)) }),
  ),
  /** Proposals only: the association or organisation behind it. */
  organisation: v.nullable(v.string()),
  /**
   * Proposals of schema version 2 only: what the organisation offers and asks for. The text
   * describing "other" is not published: the staff screens do not show it to moderators yet.
   */
  proposal: v.optional(
    v.nullable(
      v.object({
        offers: v.array(v.picklist(PROPOSAL_RESOURCES)),
        asks: v.array(v.picklist(PROPOSAL_RESOURCES)),
      }),
    ),
  ),
  /** The primary delområde. */
  area: v.nullable(v.object({ code: v.string(), name: v.string() })),
  /**
   * The language the person wrote in (the app's language when it was sent): the page marks the
   * text with it. Optional: answers cached before it was added have none.
   */
  locale: v.optional(v.string()),
  /** The day it was made (YYYY-MM-DD, Europe/Stockholm). */
  day: v.string(),
  answer: v.nullable(OfficialAnswer),
});
export type PublicSubmission = v.InferOutput<typeof PublicSubmission>;
/** Newest first; `next`: the cursor of the following page, null after the last. */
export const PublicSubmissionPage = v.object({
  items: v.array(PublicSubmission),
  next: v.nullable(v.string()),
});
export type PublicSubmissionPage = v.InferOutput<typeof PublicSubmissionPage>;
