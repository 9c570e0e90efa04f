/**
 * Reason templates: what staff pick when rejecting or hiding, per language, in the order they
 * set. A reason already sent keeps its text (it is copied onto the submission), so editing or
 * deleting a template never changes what a participant was told.
 */
import { type Kysely, PostgresAdapter, type Selectable } from 'kysely';
import type { LocalizedText } from '../../../common/wire/index.ts';
import type { Database, ReasonTemplatesTable } from '../schema.ts';
import type { ReasonTemplate, Store } from '../types.ts';
import { auditRow, insertAudit } from './audit.ts';
import { withRetry } from './retry.ts';
import { writeFirst } from './write-lock.ts';

type ReasonStore = Pick<Store, 'listReasonTemplates' | 'saveReasonTemplate' | 'deleteReasonTemplate'>;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_LABEL_CHARS = 80;
const MAX_TEXT_CHARS = 2_000;

/** Why `t` cannot be saved, or undefined when it can. */
export function reasonTemplateProblem(
  t: Omit<ReasonTemplate, 'createdAt' | 'updatedAt'>,
): string | undefined {
  if (!ID.test(t.id)) return 'id must be 1–64 lower-case letters, digits or -';
  if (!Number.isInteger(t.position)) return 'position must be a whole number';
  const texts = (name: string, value: LocalizedText, max: number) => {
    if (typeof value?.sv !== 'string' || value.sv.trim() === '') return `${name} needs Swedish (sv)`;
    for (const [language, text] of Object.entries(value)) {
      if (!/^[a-z]{2,3}$/.test(language)) return `${name}: ${language} is not a language code`;
      if (typeof text !== 'string' || text.length > max)
        return `${name}.${language} must be text of at most ${max} characters`;
    }
    return undefined;
  };
  return texts('label', t.label, MAX_LABEL_CHARS) ?? texts('text', t.text, MAX_TEXT_CHARS);
}

/** The reason template half of the store. */
export function reasonStore(db: Kysely<Database>): ReasonStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async listReasonTemplates(options) {
      let q = db.selectFrom('reason_templates').selectAll().orderBy('position').orderBy('id');
      if (!options?.includeInactive) q = q.where('active', '=', 1);
      return (await q.execute()).map(toTemplate);
    },

    saveReasonTemplate: (template, actor) =>
      withRetry(() =>
        db.transaction().execute(async (trx) => {
          const problem = reasonTemplateProblem(template);
          if (problem) return { status: 'invalid' as const, message: problem };
          await writeFirst(trx, postgres);
          let q = trx.selectFrom('reason_templates').selectAll().where('id', '=', template.id);
          if (postgres) q = q.forUpdate();
          const row = await q.executeTakeFirst();
          const before = row ? toTemplate(row) : null;
          const after: ReasonTemplate = {
            id: template.id,
            position: template.position,
            active: template.active,
            label: ordered(template.label),
            text: ordered(template.text),
            createdAt: before?.createdAt ?? actor.at,
            updatedAt: actor.at,
          };
          if (before && JSON.stringify(content(before)) === JSON.stringify(content(after))) {
            return { status: 'unchanged' as const, value: before };
          }
          const values = {
            position: after.position,
            active: after.active ? 1 : 0,
            label: JSON.stringify(after.label),
            text: JSON.stringify(after.text),
            updated_at: after.updatedAt,
          };
          await trx
            .insertInto('reason_templates')
            .values({ id: after.id, created_at: after.createdAt, ...values })
            .onConflict((oc) => oc.column('id').doUpdateSet(values))
            .execute();
          await insertAudit(trx, [
            auditRow(
              actor,
              'reason-template.save',
              { type: 'reason-template', id: after.id },
              before && content(before),
              content(after),
            ),
          ]);
          return { status: 'saved' as const, before, after };
        }),
      ),

    deleteReasonTemplate: (id, actor) =>
      withRetry(() =>
        db.transaction().execute(async (trx) => {
          const deleted = await trx
            .deleteFrom('reason_templates')
            .where('id', '=', id)
            .returningAll()
            .execute();
          const row = deleted[0];
          if (!row) return false;
          await insertAudit(trx, [
            auditRow(
              actor,
              'reason-template.delete',
              { type: 'reason-template', id },
              content(toTemplate(row)),
              null,
            ),
          ]);
          return true;
        }),
      ),
  };
}

/** Swedish first, then the other languages by code: equal texts compare (and store) equal. */
function ordered(text: LocalizedText): LocalizedText {
  const others = Object.entries(text)
    .filter(([language]) => language !== 'sv')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return { sv: text.sv, ...Object.fromEntries(others) };
}

/** What is compared and audited: everything but the timestamps. */
function content(t: ReasonTemplate) {
  return { position: t.position, active: t.active, label: t.label, text: t.text };
}

function toTemplate(row: Selectable<ReasonTemplatesTable>): ReasonTemplate {
  return {
    id: row.id,
    position: row.position,
    active: row.active === 1,
    label: JSON.parse(row.label) as LocalizedText,
    text: JSON.parse(row.text) as LocalizedText,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
