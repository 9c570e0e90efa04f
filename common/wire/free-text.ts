/**
 * Which strings a participant can send are free text, derived from the wire schema itself so a
 * new text field cannot be forgotten: every string in every version of SubmissionItem is free
 * text unless its schema fixes its form (a regex, a UUID, an e-mail address, a timestamp) or it
 * is listed in NOT_FREE_TEXT with the reason. Free text is run through the automatic checks at
 * ingest, is redactable, is listed in docs/dataskydd.md and goes with the submission when it is
 * weeded (api/domain/ingest/free-text.test.ts walks them all and checks each of those).
 *
 * Paths name object keys with dots and array items with `[]`: `answers[].value`.
 */
import type { GenericSchema } from 'valibot';
import { SubmissionItem } from './index.ts';

/** A string the schema accepts, where, and whether its form is fixed by the schema. */
export interface StringLeaf {
  path: string;
  /** Fixed by a regex, UUID, e-mail or timestamp check: it cannot carry free text. */
  formatted: boolean;
}

/** Validations that fix the form of a string. Length alone does not. */
const FORMATS = new Set([
  'regex',
  'uuid',
  'email',
  'iso_timestamp',
  'iso_date',
  'iso_date_time',
  'hexadecimal',
]);
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'nullish',
  'exact_optional',
  'undefinedable',
  'non_optional',
]);
const OBJECTS = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest']);
/** Schemas that hold no string a person types. */
const NO_TEXT = new Set(['number', 'boolean', 'picklist', 'literal', 'null', 'undefined', 'enum']);

interface AnySchema {
  type: string;
  pipe?: readonly { type: string }[];
  entries?: Record<string, AnySchema>;
  rest?: AnySchema;
  wrapped?: AnySchema;
  item?: AnySchema;
  options?: readonly AnySchema[];
}

/**
 * Every string leaf of `schema`. Throws on a kind of schema it does not know, so a new
 * construct in the wire schema cannot hide a text field from the walk.
 */
export function stringLeaves(schema: GenericSchema, at = ''): StringLeaf[] {
  const s = schema as unknown as AnySchema;
  const join = (key: string) => (at === '' ? key : `${at}.${key}`);
  if (OBJECTS.has(s.type)) {
    const leaves = Object.entries(s.entries ?? {}).flatMap(([key, entry]) =>
      stringLeaves(entry as unknown as GenericSchema, join(key)),
    );
    if (s.type === 'object_with_rest' && s.rest)
      leaves.push(...stringLeaves(s.rest as unknown as GenericSchema, join('*')));
    return leaves;
  }
  if (WRAPPERS.has(s.type) && s.wrapped) return stringLeaves(s.wrapped as unknown as GenericSchema, at);
  if (s.type === 'array' && s.item) return stringLeaves(s.item as unknown as GenericSchema, `${at}[]`);
  if ((s.type === 'union' || s.type === 'variant') && s.options) {
    const leaves = s.options.flatMap((o) => stringLeaves(o as unknown as GenericSchema, at));
    // The same path from several options (versions) once; free text if any option leaves it free.
    const byPath = new Map<string, StringLeaf>();
    for (const l of leaves) {
      const seen = byPath.get(l.path);
      byPath.set(l.path, { path: l.path, formatted: (seen?.formatted ?? true) && l.formatted });
    }
    return [...byPath.values()];
  }
  if (s.type === 'string') return [{ path: at, formatted: (s.pipe ?? []).some((a) => FORMATS.has(a.type)) }];
  if (NO_TEXT.has(s.type)) return [];
  throw new Error(`the free-text walk does not know the schema type ${s.type} (at ${at || 'the root'})`);
}

/**
 * Strings without a fixed form that are still not free text, and why. Adding one here is a
 * decision about personal data: say why nobody types it.
 */
export const NOT_FREE_TEXT: Readonly<Record<string, string>> = {
  'contact.consentVersion': 'written by the app: the version of the consent text shown',
  'location.pointConsentVersion': 'written by the app: the version of the consent text shown',
  'answers[].value[]': 'option ids of a multiple-choice answer, each checked against the question',
};

/**
 * The free-text paths of every version of a submission: the unformatted strings of the wire
 * schema that are not in NOT_FREE_TEXT. `answers[].value` is free text when its question is a
 * text question (a choice answer's option id is checked against the question).
 */
export const FREE_TEXT_PATHS: readonly string[] = stringLeaves(SubmissionItem)
  .filter((l) => !l.formatted && !(l.path in NOT_FREE_TEXT))
  .map((l) => l.path);

/** Where answers are: each text answer is its own field, `answers.<questionId>`. */
export const ANSWER_PATH = 'answers[].value';

/**
 * The stored field a free-text path is flagged and redacted as. The two versions' organisation
 * names share one column; everything else is named by its path.
 */
export function storedField(path: string): string {
  if (path === 'respondent.organisation' || path === 'organisation.name') return 'organisation';
  return path;
}

/** The order fields are checked and shown in: the ones a person reads first, first. */
const FIRST = ['title', 'text', 'organisation'];

/** The stored free-text fields other than answers, in order: title, text, organisation, otherText, … */
export const FREE_TEXT_FIELDS: readonly string[] = [
  ...new Set(FREE_TEXT_PATHS.filter((p) => p !== ANSWER_PATH).map(storedField)),
].sort((a, b) => rank(a) - rank(b));

function rank(field: string): number {
  const i = FIRST.indexOf(field);
  return i === -1 ? FIRST.length : i;
}

const ANSWER_FIELD = /^answers\.[A-Za-z0-9_-]{1,64}$/;

/** Whether `field` names a free-text field a moderator can redact. */
export function isFreeTextField(field: string): boolean {
  return FREE_TEXT_FIELDS.includes(field) || ANSWER_FIELD.test(field);
}
