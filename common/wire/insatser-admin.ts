/**
 * Wire schemas of the staff API for insatser and their questions (issue 7), under
 * /api/staff/insatser and /api/staff/namnder.
 */
import * as v from 'valibot';
import { AreaCode, DIMENSIONS, INSATS_STATUSES, QUESTION_KINDS, ScaleLabels } from './index.ts';

export const INSATS_KINDS = ['kraftsamlande', 'local-development'] as const;
export const INSATS_LIFECYCLES = ['draft', 'published', 'unpublished', 'archived'] as const;
export const QUESTION_AUDIENCES = ['everyone', 'youth'] as const;
/** Largest image accepted, in bytes (before metadata is stripped). */
export const MAX_IMAGE_BYTES = 1_000_000;
/** Image types accepted. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const noNul = v.check((s: string) => !s.includes('\0'), 'must not contain the NUL character');
const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max), noNul);
const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 lower-case letters, digits or -'),
);
/** An insats id: a slug, but not `none`, which filters mean as "input without an insats". */
const insatsId = v.pipe(
  slug,
  v.check((id: string) => id !== 'none', '"none" is reserved (it means "without an insats" in filters)'),
);
const optionId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -'));

/**
 * Text per language: Swedish required and not blank, other keys language tags (`en`, `ckb`, and
 * easy-read Swedish `sv-x-lattlast`).
 */
export const TextInput = (max: number) =>
  v.pipe(
    v.objectWithRest({ sv: v.pipe(text(max), v.minLength(1, 'needs Swedish (sv)')) }, text(max)),
    v.check(
      (t) => Object.keys(t).every((k) => /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/.test(k)),
      'keys must be language tags (sv, en, sv-x-lattlast, …)',
    ),
    v.check((t) => Object.keys(t).length <= 20, 'at most 20 languages'),
  );

const isoDate = v.pipe(v.string(), v.isoDate('must be a date (YYYY-MM-DD)'));
export const InsatsContact = v.strictObject({
  name: v.pipe(text(200), v.minLength(1, 'needs a name')),
  email: v.optional(v.pipe(text(254), v.email('is not an e-mail address'))),
  phone: v.optional(v.pipe(text(30), v.regex(/^\+?[0-9 ()-]{6,20}$/, 'is not a phone number'))),
});

const insatsFields = {
  title: TextInput(200),
  summary: TextInput(1_000),
  body: v.optional(TextInput(10_000)),
  namnder: v.pipe(v.array(v.pipe(text(200), v.minLength(1))), v.maxLength(20)),
  areaCodes: v.pipe(v.array(AreaCode), v.maxLength(200)),
  dimensions: v.pipe(v.array(v.picklist(DIMENSIONS)), v.maxLength(DIMENSIONS.length)),
  kind: v.picklist(INSATS_KINDS),
  status: v.picklist(INSATS_STATUSES),
  period: v.strictObject({ start: isoDate, end: v.optional(isoDate) }),
  contact: v.optional(InsatsContact),
  imageAlt: v.optional(TextInput(500)),
};

/** Body of `POST /api/staff/insatser`: a new draft; without `id`, one is made from the Swedish title. */
export const InsatsInput = v.strictObject({ id: v.optional(insatsId), ...insatsFields });
export type InsatsInput = v.InferOutput<typeof InsatsInput>;

/** Body of `PATCH /api/staff/insatser/:id`: the fields given replace; null removes an optional one. */
export const InsatsPatch = v.strictObject({
  title: v.optional(insatsFields.title),
  summary: v.optional(insatsFields.summary),
  body: v.optional(v.nullable(TextInput(10_000))),
  namnder: v.optional(insatsFields.namnder),
  areaCodes: v.optional(insatsFields.areaCodes),
  dimensions: v.optional(insatsFields.dimensions),
  kind: v.optional(insatsFields.kind),
  status: v.optional(insatsFields.status),
  period: v.optional(insatsFields.period),
  contact: v.optional(v.nullable(InsatsContact)),
  imageAlt: v.optional(v.nullable(TextInput(500))),
});
export type InsatsPatch = v.InferOutput<typeof InsatsPatch>;

const questionOption = v.strictObject({ id: v.optional(optionId), label: TextInput(200) });

/**
 * The words of a scale question: end labels (Swedish required), optional words for the middle
 * steps 2–4 (null: the face alone), and whether "don't know" is offered. Changing any of them on
 * an answered question makes a new version, as other changes do.
 */
export const ScaleInput = v.strictObject({
  min: TextInput(100),
  max: TextInput(100),
  middle: v.optional(
    v.tuple([v.nullable(TextInput(100)), v.nullable(TextInput(100)), v.nullable(TextInput(100))]),
  ),
  dontKnow: v.optional(v.boolean(), false),
});
export type ScaleInput = v.InferOutput<typeof ScaleInput>;

/**
 * Body of `POST /api/staff/insatser/:id/questions`. Options (2–20) for single and multiple only;
 * `scale` for scale only (without it, the generic words of the faces).
 */
export const QuestionInput = v.strictObject({
  kind: v.picklist(QUESTION_KINDS),
  text: TextInput(500),
  options: v.optional(v.pipe(v.array(questionOption), v.maxLength(20))),
  scale: v.optional(ScaleInput),
  audience: v.optional(v.picklist(QUESTION_AUDIENCES), 'everyone'),
});
export type QuestionInput = v.InferOutput<typeof QuestionInput>;

/**
 * Body of `PATCH /api/staff/insatser/:id/questions/:qid`: the parts given replace. `typoFix`
 * (admins only): no new version even if answered; kind, option ids and "don't know" must stay.
 */
export const QuestionPatch = v.strictObject({
  kind: v.optional(v.picklist(QUESTION_KINDS)),
  text: v.optional(TextInput(500)),
  options: v.optional(v.pipe(v.array(questionOption), v.maxLength(20))),
  scale: v.optional(ScaleInput),
  audience: v.optional(v.picklist(QUESTION_AUDIENCES)),
  typoFix: v.optional(v.boolean(), false),
});
export type QuestionPatch = v.InferOutput<typeof QuestionPatch>;

/** Body of `POST /api/staff/insatser/:id/questions/order`: every question id, in the new order. */
export const QuestionOrder = v.strictObject({ ids: v.pipe(v.array(optionId), v.maxLength(200)) });

/** Body of `POST /api/staff/namnder`. */
export const NamndInput = v.strictObject({ name: v.pipe(text(200), v.minLength(1, 'needs a name')) });
export const Namnd = v.object({ id: v.string(), name: v.string() });
export const NamndList = v.object({ namnder: v.array(Namnd) });

export const SENSITIVE_TOPICS = ['health', 'ethnicity', 'religion', 'sexuality', 'politics'] as const;
/** A question text that seems to ask for sensitive personal data: shown to staff, not refused. */
export const SensitiveWarning = v.object({
  /** Where: `text.sv`, `options.1.label.en`, … */
  path: v.string(),
  topic: v.picklist(SENSITIVE_TOPICS),
  /** The word that matched. */
  match: v.string(),
});
export type SensitiveWarning = v.InferOutput<typeof SensitiveWarning>;

const LocalizedOut = v.objectWithRest({ sv: v.string() }, v.string());
export const StaffQuestion = v.object({
  id: v.string(),
  version: v.number(),
  kind: v.picklist(QUESTION_KINDS),
  text: LocalizedOut,
  options: v.optional(v.array(v.object({ id: v.string(), label: LocalizedOut }))),
  scale: v.optional(ScaleLabels),
  audience: v.picklist(QUESTION_AUDIENCES),
  position: v.number(),
  hidden: v.boolean(),
  answers: v.number(),
});
/** Answer of the question routes: the question as stored, and what it seems to ask for. */
export const QuestionResult = v.object({ question: StaffQuestion, warnings: v.array(SensitiveWarning) });

export const StaffInsats = v.object({
  id: v.string(),
  lifecycle: v.picklist(INSATS_LIFECYCLES),
  example: v.boolean(),
  title: LocalizedOut,
  summary: LocalizedOut,
  body: v.optional(LocalizedOut),
  namnder: v.array(v.string()),
  areaCodes: v.array(v.string()),
  dimensions: v.array(v.picklist(DIMENSIONS)),
  kind: v.picklist(INSATS_KINDS),
  status: v.picklist(INSATS_STATUSES),
  period: v.object({ start: v.string(), end: v.optional(v.string()) }),
  contact: v.optional(
    v.object({ name: v.string(), email: v.optional(v.string()), phone: v.optional(v.string()) }),
  ),
  imageAlt: v.optional(LocalizedOut),
  image: v.nullable(v.object({ contentType: v.string(), bytes: v.number(), hash: v.string() })),
  questions: v.array(StaffQuestion),
  updatedAt: v.string(),
});
export const StaffInsatsList = v.object({ insatser: v.array(StaffInsats) });
