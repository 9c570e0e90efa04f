/**
 * Audit rows made from a request: who (the signed-in staff member on `c.var.staff`), when
 * (the app's clock), which request (its id, to join with the request log). What the action
 * and target are, the route says. Nothing here decides what may be written: callers pass
 * only ids and changed fields, never passwords, tokens or contact details.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { AuditRecord } from '../../store/index.ts';

/** What a route says about one audited action. */
export interface AuditFields {
  /** Dotted verb: `user.create`, `session.login`, `submission.contact.read`… */
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  /** Who did it, when not the signed-in staff member (a failed sign-in has none). */
  actor?: { id: string | null; label: string };
}

/** Actor label of requests without a signed-in staff member (failed sign-ins). */
export const ANONYMOUS_ACTOR = 'anonymous';

/** An audit row for this request; `before`/`after` default to null. */
export function auditRecord<E extends AppEnv>(
  c: Context<E>,
  deps: Pick<ApiDeps, 'now'>,
  fields: AuditFields,
): AuditRecord {
  const user = c.var.staff?.user;
  const actor =
    fields.actor ?? (user ? { id: user.id, label: user.email } : { id: null, label: ANONYMOUS_ACTOR });
  return {
    id: randomUUID(),
    at: new Date(deps.now()).toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    before: fields.before ?? null,
    after: fields.after ?? null,
    requestId: c.var.requestId ?? null,
  };
}

/** Appends one audit row for this request. */
export async function audit<E extends AppEnv>(
  c: Context<E>,
  deps: Pick<ApiDeps, 'store' | 'now'>,
  fields: AuditFields,
) {
  await deps.store.recordAudit([auditRecord(c, deps, fields)]);
}
