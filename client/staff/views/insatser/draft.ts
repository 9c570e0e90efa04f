/**
 * The insats edit form's state and its conversion to and from the wire (common/wire/insatser-admin.ts).
 * Types only from the wire module: valibot stays out of the staff chunk.
 */
import type { InferOutput } from 'valibot';
import type {
  InsatsPatch,
  SensitiveWarning,
  StaffInsats as StaffInsatsSchema,
} from '../../../../common/wire/insatser-admin.ts';

/** An insats as the staff API answers it. */
export type StaffInsats = InferOutput<typeof StaffInsatsSchema>;
export type StaffQuestion = StaffInsats['questions'][number];
export type { SensitiveWarning };

/**
 * Languages an insats is written in: Swedish required, the others optional. The first three are
 * always shown; the rest (`more`) sit behind a "more languages" disclosure in the editor. The
 * participant app shows a text in the reader's language where there is one, else Swedish.
 */
export const INSATS_LANGS = [
  { code: 'sv', dir: 'ltr', more: false },
  { code: 'en', dir: 'ltr', more: false },
  { code: 'ar', dir: 'rtl', more: false },
  { code: 'sv-x-lattlast', dir: 'ltr', more: true },
  { code: 'ckb', dir: 'rtl', more: true },
  { code: 'fa', dir: 'rtl', more: true },
  { code: 'so', dir: 'ltr', more: true },
  { code: 'ti', dir: 'ltr', more: true },
  { code: 'kmr', dir: 'ltr', more: true },
  { code: 'tr', dir: 'ltr', more: true },
  { code: 'sh', dir: 'ltr', more: true },
  { code: 'pl', dir: 'ltr', more: true },
] as const;
export type InsatsLang = (typeof INSATS_LANGS)[number]['code'];
export type PerLang = Record<InsatsLang, string>;

/** A text per language as the form edits it: '' where a language has none. */
export const perLang = (text: Record<string, string> | undefined): PerLang =>
  Object.fromEntries(INSATS_LANGS.map(({ code }) => [code, text?.[code] ?? ''])) as PerLang;

export const DIMENSION_CODES = ['social', 'economic', 'environmental'] as const;
export const STATUS_CODES = ['planned', 'ongoing', 'finished'] as const;
export const KIND_CODES = ['kraftsamlande', 'local-development'] as const;

export interface InsatsDraft {
  title: PerLang;
  summary: PerLang;
  body: PerLang;
  imageAlt: PerLang;
  namnder: string[];
  areaCodes: string[];
  dimensions: StaffInsats['dimensions'];
  kind: StaffInsats['kind'];
  status: StaffInsats['status'];
  start: string;
  end: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

/** The form's state for an insats (or an empty one for a new insats). */
export function draftOf(insats: StaffInsats | undefined): InsatsDraft {
  return {
    title: perLang(insats?.title),
    summary: perLang(insats?.summary),
    body: perLang(insats?.body),
    imageAlt: perLang(insats?.imageAlt),
    namnder: [...(insats?.namnder ?? [])],
    areaCodes: [...(insats?.areaCodes ?? [])],
    dimensions: [...(insats?.dimensions ?? [])],
    kind: insats?.kind ?? 'kraftsamlande',
    status: insats?.status ?? 'planned',
    start: insats?.period.start ?? '',
    end: insats?.period.end ?? '',
    contactName: insats?.contact?.name ?? '',
    contactEmail: insats?.contact?.email ?? '',
    contactPhone: insats?.contact?.phone ?? '',
  };
}

/** Texts without the blank languages; undefined when there is no text at all. */
export function localized(text: PerLang): ({ sv: string } & Record<string, string>) | undefined {
  const out: Record<string, string> = {};
  for (const { code } of INSATS_LANGS) if (text[code].trim()) out[code] = text[code].trim();
  return Object.keys(out).length === 0 ? undefined : (out as { sv: string } & Record<string, string>);
}

/**
 * The body for POST (new) or PATCH (existing): every field, null for an optional one left empty
 * (PATCH removes it; a new insats leaves it out).
 */
export function bodyOf(draft: InsatsDraft, forPatch: boolean): Record<string, unknown> {
  const none = forPatch ? null : undefined;
  const contact = draft.contactName.trim()
    ? {
        name: draft.contactName.trim(),
        ...(draft.contactEmail.trim() ? { email: draft.contactEmail.trim() } : {}),
        ...(draft.contactPhone.trim() ? { phone: draft.contactPhone.trim() } : {}),
      }
    : none;
  const body: Omit<InsatsPatch, 'title' | 'summary'> & { title: unknown; summary: unknown } = {
    title: localized(draft.title) ?? { sv: '' },
    summary: localized(draft.summary) ?? { sv: '' },
    body: localized(draft.body) ?? none,
    namnder: draft.namnder,
    areaCodes: draft.areaCodes,
    dimensions: draft.dimensions,
    kind: draft.kind,
    status: draft.status,
    period: { start: draft.start, ...(draft.end ? { end: draft.end } : {}) },
    contact,
    imageAlt: localized(draft.imageAlt) ?? none,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** Our own checks before sending, by field path (the server checks again). */
export function checkDraft(draft: InsatsDraft, hasImage: boolean): Record<string, 'missing'> {
  const out: Record<string, 'missing'> = {};
  if (!draft.title.sv.trim()) out['title.sv'] = 'missing';
  if (!draft.summary.sv.trim()) out['summary.sv'] = 'missing';
  if (!draft.start) out['period.start'] = 'missing';
  // With an image: alt text in every language the insats is written in (Swedish at least).
  if (hasImage)
    for (const { code } of INSATS_LANGS)
      if ((code === 'sv' || draft.title[code].trim()) && !draft.imageAlt[code].trim())
        out[`imageAlt.${code}`] = 'missing';
  return out;
}
