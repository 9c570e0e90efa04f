/**
 * Reads for staff exports and open data (issue 8): submissions and answers in keyset pages by
 * id (an export of a million rows never sits in memory), question versions, indicator values
 * mapped to delområden, and the stored daily open-data publication.
 *
 * Exports read the submissions table itself (every moderation status, with its texts), not the
 * aggregates. createdAt is stored as the device sent it (any ISO 8601 offset), so the day filter
 * is a coarse string range in SQL (a day either side) and the exact Stockholm day here.
 */
import { inScope, resolveScope } from './scope.ts';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { LocalizedText, ScaleLabels } from '../../../common/wire/index.ts';
import { stockholmDay } from '../../domain/local-time/index.ts';
import type { Database, SubmissionsTable } from '../schema.ts';
import type { ExportFilter, ExportSubmissionRow, QuestionVersionRecord, Store } from '../types.ts';
import { tagsOf } from './submission-parts.ts';

type ExportStore = Pick<
  Store,
  | 'exportSubmissions'
  | 'exportAnswers'
  | 'listQuestionVersions'
  | 'indicatorMapValues'
  | 'getOpenDataPublication'
  | 'saveOpenDataPublication'
>;

/** Settings keys of open-data documents: the prefix, the day, the document's name. */
const PUBLICATION_KEY = 'open-data.publication.';

const shiftDay = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** The SQL part of `filter` (the day range coarse: see the module comment). */
function where(eb: ExpressionBuilder<Database & { s: SubmissionsTable }, 's'>, filter: ExportFilter) {
  const c: Expression<SqlBool>[] = [
    eb('s.received_at', '<=', filter.receivedUpTo),
    eb('s.created_at', '>=', shiftDay(filter.from, -1)),
    eb('s.created_at', '<', shiftDay(filter.to, 2)),
  ];
  if (filter.insats === 'none') c.push(eb('s.insats_id', 'is', null));
  else if (filter.insats !== undefined) c.push(eb('s.insats_id', '=', filter.insats));
  if (filter.group !== undefined) c.push(eb('s.respondent_group', '=', filter.group));
  const codes = filter.areaCodes;
  if (codes !== undefined) {
    if (codes.length === 0) c.push(sql<boolean>`1 = 0`);
    else if (filter.basis === 'primary') c.push(eb('s.primary_area', 'in', codes));
    else
      c.push(
        eb.exists(
          eb
            .selectFrom('tags as t')
            .select(sql.lit(1).as('one'))
            .whereRef('t.submission_id', '=', 's.id')
            .where('t.current', '=', 1)
            .where('t.area_code', 'in', codes),
        ),
      );
  }
  return eb.and(c);
}

const inPeriod = (filter: ExportFilter, createdAt: string) => {
  const day = stockholmDay(createdAt);
  return day >= filter.from && day <= filter.to;
};

const textOf = (t: unknown): string =>
  typeof t === 'string' ? t : t && typeof t === 'object' && 'sv' in t ? String(t.sv) : '';

/** The exports half of the store. */
export function exportStore(db: Kysely<Database>): ExportStore {
  /** Ids and createdAt of the next page, matching in SQL. */
  const page = async (filter: ExportFilter, after: string | undefined, limit: number) => {
    const scope = await resolveScope(db, filter.scope);
    let q = db
      .selectFrom('submissions as s')
      .select(['s.id', 's.created_at'])
      .where((eb) => where(eb, filter))
      .where((eb) => (scope === undefined ? eb.and([]) : inScope(eb, 's.insats_id', scope)));
    if (after !== undefined) q = q.where('s.id', '>', after);
    return q.orderBy('s.id').limit(limit).execute();
  };

  return {
    async exportSubmissions(filter, { after, limit, withContact }) {
      const read = await page(filter, after, limit);
      const next = read.length === limit ? (read.at(-1)?.id ?? null) : null;
      const ids = read.filter((r) => inPeriod(filter, r.created_at)).map((r) => r.id);
      if (ids.length === 0) return { rows: [], next };
      const [rows, tags, contacts] = await Promise.all([
        db
          .selectFrom('submissions as s')
          .leftJoin('official_answers as a', 'a.submission_id', 's.id')
          // Never the device id, receipt or cell.
          .select([
            's.id',
            's.kind',
            's.insats_id',
            's.created_at',
            's.received_at',
            's.primary_area',
            's.respondent_group',
            's.age_band',
            's.organisation',
            's.title',
            's.text',
            's.moderation_status',
            's.status_reason',
            's.locale',
            's.late',
            'a.text as answer_text',
          ])
          .where('s.id', 'in', ids)
          .orderBy('s.id')
          .execute(),
        tagsOf(db, ids),
        withContact
          ? db
              .selectFrom('contacts')
              .select(['submission_id', 'email', 'phone', 'consent_version'])
              .where('submission_id', 'in', ids)
              .execute()
          : Promise.resolve([]),
      ]);
      const contactOf = new Map(contacts.map((c) => [c.submission_id, c]));
      return {
        next,
        rows: rows.map((r): ExportSubmissionRow => {
          const contact = contactOf.get(r.id);
          return {
            id: r.id,
            kind: r.kind,
            insatsId: r.insats_id,
            createdAt: r.created_at,
            receivedAt: r.received_at,
            // One code once, however many sources (chosen, point, text) tagged it.
            areaCodes: [...new Set((tags.get(r.id) ?? []).map((t) => t.areaCode))],
            primaryArea: r.primary_area,
            group: r.respondent_group,
            ageBand: r.age_band,
            organisation: r.organisation,
            title: r.title,
            text: r.text,
            moderationStatus: r.moderation_status,
            statusReason: r.status_reason,
            officialAnswer: r.answer_text ?? null,
            locale: r.locale,
            late: r.late === 1,
            ...(withContact
              ? {
                  contact: contact
                    ? { email: contact.email, phone: contact.phone, consentVersion: contact.consent_version }
                    : null,
                }
              : {}),
          };
        }),
      };
    },

    async exportAnswers(filter, { after, limit }) {
      const read = await page(filter, after, limit);
      const next = read.length === limit ? (read.at(-1)?.id ?? null) : null;
      const ids = read.filter((r) => inPeriod(filter, r.created_at)).map((r) => r.id);
      if (ids.length === 0) return { rows: [], next };
      const rows = await db
        .selectFrom('submission_answers as a')
        .innerJoin('submissions as s', 's.id', 'a.submission_id')
        .select(['a.submission_id', 's.moderation_status', 'a.question_id', 'a.question_version', 'a.value'])
        .where('a.submission_id', 'in', ids)
        .orderBy('a.submission_id')
        .orderBy('a.question_id')
        .execute();
      return {
        next,
        rows: rows.map((r) => ({
          submissionId: r.submission_id,
          moderationStatus: r.moderation_status,
          questionId: r.question_id,
          version: r.question_version,
          value: JSON.parse(r.value) as unknown,
        })),
      };
    },

    async listQuestionVersions(insatsIds, staffScope) {
      if (insatsIds?.length === 0) return [];
      const scope = await resolveScope(db, staffScope);
      let q = db
        .selectFrom('questions')
        .select(['insats_id', 'id', 'version', 'kind', 'hidden', 'data', 'position'])
        .orderBy('insats_id')
        .orderBy('position')
        .orderBy('id')
        .orderBy('version');
      if (insatsIds !== undefined) q = q.where('insats_id', 'in', [...insatsIds]);
      if (scope !== undefined)
        q = q.where((eb) => inScope(eb, 'questions.insats_id', { ...scope, withoutInsats: false }));
      const rows = await q.execute();
      return rows.map((r): QuestionVersionRecord => {
        const data = JSON.parse(r.data) as {
          text: LocalizedText;
          options?: { id: string; label: LocalizedText }[];
          scale?: ScaleLabels;
        };
        return {
          insatsId: r.insats_id,
          id: r.id,
          version: r.version,
          kind: r.kind,
          hidden: r.hidden === 1,
          text: data.text,
          options: data.options ?? [],
          ...(data.scale ? { scale: data.scale } : {}),
        };
      });
    },

    async indicatorMapValues(indicatorId) {
      const indicator = await db
        .selectFrom('indicators')
        .select(['id', 'geography', 'data'])
        .where('id', '=', indicatorId)
        .executeTakeFirst();
      if (!indicator) return undefined;
      const [values, members] = await Promise.all([
        db
          .selectFrom('indicator_values')
          .select(['geo_code', 'kind', 'year', 'value'])
          .where('indicator_id', '=', indicatorId)
          .orderBy('year')
          .execute(),
        indicator.geography === 'reporting_area'
          ? db.selectFrom('reporting_area_members').select(['reporting_code', 'area_code']).execute()
          : Promise.resolve([]),
      ]);
      const membersOf = new Map<string, string[]>();
      for (const m of members)
        membersOf.set(m.reporting_code, [...(membersOf.get(m.reporting_code) ?? []), m.area_code]);
      const data = JSON.parse(indicator.data) as { name?: unknown; unit?: unknown };
      return {
        id: indicator.id,
        name: textOf(data.name),
        unit: textOf(data.unit),
        geography: indicator.geography,
        values: values.map((v) => ({
          geoCode: v.geo_code,
          kind: v.kind,
          year: v.year,
          value: Number(v.value),
          areaCodes:
            indicator.geography === 'delomrade'
              ? [v.geo_code]
              : indicator.geography === 'reporting_area'
                ? (membersOf.get(v.geo_code) ?? [])
                : [],
        })),
      };
    },

    async getOpenDataPublication(day, name) {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', `${PUBLICATION_KEY}${day}.${name}`)
        .executeTakeFirst();
      return row?.value;
    },

    async saveOpenDataPublication(day, name, json) {
      const at = new Date().toISOString();
      await db
        .insertInto('settings')
        .values({ key: `${PUBLICATION_KEY}${day}.${name}`, value: json, updated_at: at, updated_by: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      await db
        .deleteFrom('settings')
        .where('key', 'like', `${PUBLICATION_KEY}%`)
        .where('key', '<', PUBLICATION_KEY + day)
        .execute();
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', `${PUBLICATION_KEY}${day}.${name}`)
        .executeTakeFirstOrThrow();
      return row.value;
    },
  };
}
