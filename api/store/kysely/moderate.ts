/**
 * Moderation: the status and reason of one or many submissions at once, with one audit row per
 * changed item, all in one transaction; on PostgreSQL the rows are locked in id order (two
 * moderators cannot deadlock), on SQLite the transaction takes the write lock first.
 */
import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { LocalizedText } from '../../../common/wire/index.ts';
import { MAX_BULK_MODERATION } from '../moderation.ts';
import type { Database } from '../schema.ts';
import type {
  AuditActor,
  AuditRecord,
  ModerationAction,
  ModerationOutcome,
  ModerationReason,
  ModerationTarget,
  QueueStatus,
  StaffScope,
  Store,
} from '../types.ts';
import { changeAggregates } from './aggregates.ts';
import { auditRow, insertAudit } from './audit.ts';
import { snapshotIds } from './queue.ts';
import { inScope, resolveScope } from './scope.ts';
import { withRetry } from './retry.ts';
import { chunks, moderated } from './submission-parts.ts';
import { writeFirst } from './write-lock.ts';

type ModerateStore = Pick<Store, 'moderateSubmissions'>;

/** Ids per IN list. */
const PER_STATEMENT = 500;
/** Longest free-text reason. */
export const MAX_REASON_CHARS = 2_000;

const STATUS_OF: Record<ModerationAction, QueueStatus> = {
  approve: 'approved',
  reject: 'rejected',
  hide: 'hidden',
  pending: 'pending',
};

/** The moderation half of the store. */
export function moderateStore(db: Kysely<Database>): ModerateStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const transaction = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    withRetry(() =>
      db.transaction().execute(async (trx) => {
        await writeFirst(trx, postgres);
        return work(trx);
      }),
    );

  return {
    moderateSubmissions: (target, action, reason, actor, options) =>
      transaction((trx) =>
        moderate(
          trx,
          postgres,
          target,
          action,
          reason,
          actor,
          options?.limit ?? MAX_BULK_MODERATION,
          options?.scope,
        ),
      ),
  };
}

async function moderate(
  trx: Transaction<Database>,
  postgres: boolean,
  target: ModerationTarget,
  action: ModerationAction,
  reason: ModerationReason,
  actor: AuditActor,
  limit: number,
  staffScope: StaffScope | undefined,
): Promise<ModerationOutcome> {
  const ids =
    'ids' in target
      ? [...new Set(target.ids)].slice(0, limit + 1)
      : await snapshotIds(
          trx,
          { ...target.filter, scope: staffScope ?? target.filter.scope },
          target.asOf,
          limit,
        );
  const scope = await resolveScope(trx, staffScope);
  if (ids.length > limit) {
    const count = 'ids' in target ? new Set(target.ids).size : ids.length;
    return { status: 'too-many', count, limit };
  }

  const status = STATUS_OF[action];
  const withReason = status === 'rejected' || status === 'hidden';
  let template: LocalizedText | null = null;
  if (withReason && reason.templateId !== undefined) {
    const row = await trx
      .selectFrom('reason_templates')
      .select('text')
      .where('id', '=', reason.templateId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!row) return { status: 'unknown-template' };
    template = JSON.parse(row.text) as LocalizedText;
  }
  const freeText = withReason ? (reason.text ?? '').trim().slice(0, MAX_REASON_CHARS) : '';
  const templateId = withReason && template ? (reason.templateId ?? null) : null;

  const changes = new Map<string, string[]>();
  const audit: AuditRecord[] = [];
  const changed: string[] = [];
  const countChanged: string[] = [];
  const uncounted = (s: string) => s === 'rejected' || s === 'hidden';
  for (const chunk of chunks([...ids].sort(), PER_STATEMENT)) {
    let q = trx
      .selectFrom('submissions')
      .select(['id', 'moderation_status', 'status_reason', 'status_reason_template', 'locale'])
      .where('id', 'in', chunk)
      .where(moderated())
      .where((eb) => (scope === undefined ? eb.and([]) : inScope(eb, 'insats_id', scope)))
      .orderBy('id');
    if (postgres) q = q.forUpdate();
    for (const row of await q.execute()) {
      const newReason = withReason ? reasonText(template, row.locale, freeText) : null;
      if (
        row.moderation_status === status &&
        row.status_reason === newReason &&
        row.status_reason_template === templateId
      )
        continue;
      // Grouped by the reason it gets (it depends on the participant's language).
      const key = JSON.stringify([newReason]);
      changes.set(key, [...(changes.get(key) ?? []), row.id]);
      changed.push(row.id);
      if (uncounted(row.moderation_status) !== uncounted(status)) countChanged.push(row.id);
      audit.push(
        auditRow(
          actor,
          `submission.${action}`,
          { type: 'submission', id: row.id },
          { status: row.moderation_status, reason: row.status_reason },
          { status, reason: newReason, reasonTemplateId: templateId },
        ),
      );
    }
  }
  // Dashboard counts (issue 8): only those whose counting changes (to or from rejected/hidden).
  await changeAggregates(trx, countChanged, async () => {
    for (const [key, group] of changes) {
      const [newReason] = JSON.parse(key) as [string | null];
      for (const chunk of chunks(group, PER_STATEMENT)) {
        await trx
          .updateTable('submissions')
          .set({
            moderation_status: status,
            status_reason: newReason,
            status_reason_template: templateId,
            moderated_at: actor.at,
            moderated_by: actor.actorId,
          })
          .where('id', 'in', chunk)
          .execute();
      }
    }
  });
  await insertAudit(trx, audit);
  return { status: 'done', changed: changed.length, ids: changed };
}

/**
 * What the participant is told: the template's text in their language (the locale, then its
 * language alone, then Swedish), then the moderator's free text; null when there is neither.
 */
export function reasonText(template: LocalizedText | null, locale: string, freeText: string): string | null {
  const language = locale.split('-')[0] ?? locale;
  const fromTemplate = template ? (template[locale] ?? template[language] ?? template.sv) : undefined;
  const parts = [fromTemplate?.trim(), freeText.trim()].filter((p): p is string => !!p);
  return parts.length === 0 ? null : parts.join('\n\n');
}
