/**
 * The audit log as sentences people read: "Anna Berg avvisade ett inlägg: Personuppgifter".
 * One phrase (verb and object) per event code in Swedish and English; a unit test reads every
 * code the API writes, so a new code without a phrase fails there rather than showing raw.
 */
import type { AuditEntry } from '../../../../common/wire/staff.ts';

/** The languages of the staff screens. */
export type AuditLanguage = 'sv' | 'en';

/** What someone did, after their name: verb and object. */
export interface AuditPhrase {
  sv: string;
  en: string;
}

/** Every audit event code the API writes, and what it means. */
export const AUDIT_PHRASES: Readonly<Record<string, AuditPhrase>> = {
  'session.login': { sv: 'loggade in', en: 'signed in' },
  'session.login_failed': { sv: 'misslyckades att logga in', en: 'failed to sign in' },
  'session.logout': { sv: 'loggade ut', en: 'signed out' },
  'session.revoke': { sv: 'avslutade en annan persons inloggningar', en: "ended another person's sessions" },
  'user.create': { sv: 'lade till ett personalkonto', en: 'added a staff account' },
  'user.update': { sv: 'ändrade ett personalkonto', en: 'changed a staff account' },
  'user.oidc_link': {
    sv: 'kopplade ett personalkonto till stadens inloggning',
    en: "linked a staff account to the city's sign-in",
  },
  'user.oidc_groups': {
    sv: 'fick roll och nämnder från sina grupper i stadens inloggning',
    en: "got a role and nämnder from their groups in the city's sign-in",
  },
  'user.digest': { sv: 'ändrade sitt sammandrag per e-post', en: 'changed their e-mail digest' },
  'submission.approve': { sv: 'godkände ett inlägg', en: 'approved a post' },
  'submission.reject': { sv: 'avvisade ett inlägg', en: 'rejected a post' },
  'submission.hide': { sv: 'dolde ett inlägg', en: 'hid a post' },
  'submission.pending': { sv: 'öppnade ett inlägg för granskning igen', en: 'reopened a post for review' },
  'submission.answer': { sv: 'svarade på ett inlägg', en: 'answered a post' },
  'submission.area': { sv: 'ändrade området för ett inlägg', en: 'changed the area of a post' },
  'submission.insats': { sv: 'ändrade insatsen för ett inlägg', en: 'changed the insats of a post' },
  'submission.redact': {
    sv: 'tog bort personuppgifter ur ett inlägg',
    en: 'removed personal data from a post',
  },
  'submission.contact.read': {
    sv: 'läste kontaktuppgifterna till ett inlägg',
    en: 'read the contact details of a post',
  },
  'submission.contact.delete': {
    sv: 'raderade kontaktuppgifterna till ett inlägg',
    en: 'deleted the contact details of a post',
  },
  'submission.original.read': {
    sv: 'läste originaltexten till ett inlägg',
    en: 'read the original text of a post',
  },
  'insats.create': { sv: 'skapade en insats', en: 'created an insats' },
  'insats.update': { sv: 'ändrade en insats', en: 'changed an insats' },
  'insats.image': { sv: 'bytte bild för en insats', en: 'changed the image of an insats' },
  'insats.publish': { sv: 'publicerade en insats', en: 'published an insats' },
  'insats.unpublish': { sv: 'avpublicerade en insats', en: 'unpublished an insats' },
  'insats.archive': { sv: 'arkiverade en insats', en: 'archived an insats' },
  'namnd.create': { sv: 'lade till en nämnd', en: 'added a committee (nämnd)' },
  'question.create': { sv: 'lade till en fråga', en: 'added a question' },
  'question.update': { sv: 'ändrade en fråga', en: 'changed a question' },
  'question.version': {
    sv: 'ändrade en fråga så att den fick en ny version',
    en: 'changed a question into a new version',
  },
  'question.typo-fix': { sv: 'rättade ett stavfel i en fråga', en: 'fixed a typo in a question' },
  'question.reorder': { sv: 'ändrade ordningen på frågorna', en: 'reordered the questions' },
  'question.hide': { sv: 'tog bort en fråga som redan har svar', en: 'removed a question that has answers' },
  'question.delete': { sv: 'tog bort en fråga', en: 'deleted a question' },
  'reason-template.save': { sv: 'sparade en mall för skäl', en: 'saved a reason template' },
  'reason-template.delete': { sv: 'tog bort en mall för skäl', en: 'deleted a reason template' },
  'settings.update': { sv: 'ändrade en inställning', en: 'changed a setting' },
  'retention.apply': { sv: 'gallrade data enligt inställningarna', en: 'applied the retention settings' },
  'boundaries.activate': { sv: 'aktiverade en områdesindelning', en: 'activated a boundary set' },
  'indicator.create': { sv: 'skapade en indikator', en: 'created an indicator' },
  'indicator.update': { sv: 'ändrade en indikator', en: 'changed an indicator' },
  'indicator.delete': { sv: 'tog bort en indikator', en: 'deleted an indicator' },
  'indicator.value.set': { sv: 'förde in ett värde för en indikator', en: 'entered an indicator value' },
  'indicator.value.delete': { sv: 'tog bort ett värde för en indikator', en: 'deleted an indicator value' },
  'indicator.import': { sv: 'importerade indikatorvärden', en: 'imported indicator values' },
  'reporting-area.save': { sv: 'sparade ett rapportområde', en: 'saved a reporting area' },
  'reporting-area.delete': { sv: 'tog bort ett rapportområde', en: 'deleted a reporting area' },
  'reporting-area.import': { sv: 'importerade rapportområden', en: 'imported reporting areas' },
  'export.contacts': { sv: 'började exportera kontaktuppgifter', en: 'started an export of contact details' },
  'export.contacts.done': {
    sv: 'exporterade kontaktuppgifter',
    en: 'exported contact details',
  },
};

/** Why, for the events that carry one the reader should see (a rejection's reason, a failed sign-in). */
const FAILED_SIGN_IN: Record<string, AuditPhrase> = {
  'no-password': { sv: 'kontot har inget lösenord', en: 'the account has no password' },
  'wrong-password': { sv: 'fel lösenord', en: 'wrong password' },
  inactive: { sv: 'kontot är avstängt', en: 'the account is deactivated' },
};

const SOMEONE: AuditPhrase = { sv: 'Någon som inte var inloggad', en: 'Someone not signed in' };
const UNKNOWN: AuditPhrase = {
  sv: 'gjorde något som saknar beskrivning',
  en: 'did something without a description',
};

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** The reason shown after a colon, or undefined. */
function reasonOf(entry: AuditEntry, lang: AuditLanguage): string | undefined {
  if (entry.action === 'submission.reject' || entry.action === 'submission.hide') {
    const reason = field(entry.after, 'reason');
    return typeof reason === 'string' && reason.trim() ? reason.trim() : undefined;
  }
  if (entry.action === 'session.login_failed') {
    const reason = field(entry.after, 'reason');
    return typeof reason === 'string' ? (FAILED_SIGN_IN[reason]?.[lang] ?? reason) : undefined;
  }
  return undefined;
}

/** Whether the log has a sentence for `code`. */
export function hasPhrase(code: string): boolean {
  return Object.hasOwn(AUDIT_PHRASES, code);
}

/**
 * One audit event as a sentence: who (their display name from `names`, else the label the log
 * kept), what, and why when the event says. An unknown code still makes a sentence, with the
 * code in it, so nothing is hidden.
 */
export function auditSentence(
  entry: AuditEntry,
  lang: AuditLanguage,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const who =
    (entry.actor.id !== null ? names.get(entry.actor.id) : undefined) ??
    (entry.actor.id === null && entry.actor.label === 'anonymous' ? SOMEONE[lang] : entry.actor.label);
  const phrase = hasPhrase(entry.action)
    ? AUDIT_PHRASES[entry.action]?.[lang]
    : `${UNKNOWN[lang]} (${entry.action})`;
  const reason = reasonOf(entry, lang);
  return `${who} ${phrase}${reason ? `: ${reason}` : ''}`;
}

/** One changed field: its name and the value before and after (undefined: not there). */
export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The fields that differ between before and after, in the order they first appear. Objects are
 * compared field by field (one level); anything else is one row named "value".
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (before == null && after == null) return [];
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    // Absent and null are the same "no value" (a field written as null after, missing before).
    return keys
      .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
      .map((k) => ({ field: k, before: b[k], after: a[k] }));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: 'value', before, after }];
}

/** A value in the change table: text as it is, anything else as compact JSON, absent as a dash. */
export function changeValue(value: unknown): string {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
