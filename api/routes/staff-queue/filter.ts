/**
 * The queue filter as staff send it (common/wire/moderation.ts QueueFilter: JSON in a bulk
 * action, or the query string of the queue) turned into the store's filter; the queue cursor;
 * and the audit actor of a staff request. Shared by the queue and the moderation routes, so a
 * count shown and a bulk action applied read the same filter the same way.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { type FieldError, fieldErrors } from '../../../common/wire/index.ts';
import { type FLAG_KINDS as WIRE_FLAG_KINDS, QueueFilter } from '../../../common/wire/moderation.ts';
import type { FLAG_KINDS } from '../../domain/checks/types.ts';
import { stockholmMidnight } from '../../domain/local-time/index.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { AuditActor, QueueCursor, QueueFilter as StoreQueueFilter } from '../../store/index.ts';

// The wire repeats the flag kinds (the client cannot import api/): they must stay the same list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const flagKindsAgree: Same<(typeof FLAG_KINDS)[number], (typeof WIRE_FLAG_KINDS)[number]> = true;
void flagKindsAgree;

/** `from`/`to` of a filter as times: a day starts at its midnight, and a `to` day is included whole. */
function bound(value: string, end: boolean): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return stockholmMidnight(value, end ? 1 : 0);
  return new Date(Date.parse(value)).toISOString();
}

const DAY_MS = 86_400_000;

/**
 * The store's filter for a wire filter, or the field errors of days that do not exist. `now`
 * (ms) is what `waitingDays` counts back from: it becomes an upper bound on received_at.
 */
export function toStoreFilter(
  f: QueueFilter,
  now: number,
): { filter: StoreQueueFilter } | { errors: FieldError[] } {
  const receivedFrom = f.from === undefined ? undefined : bound(f.from, false);
  const toBound = f.to === undefined ? undefined : bound(f.to, true);
  const waitedBound =
    f.waitingDays === undefined ? undefined : new Date(now - f.waitingDays * DAY_MS).toISOString();
  // Both given: the earlier one (text order is time order for these ISO strings).
  const receivedTo =
    toBound !== undefined && waitedBound !== undefined
      ? toBound < waitedBound
        ? toBound
        : waitedBound
      : (toBound ?? waitedBound);
  const errors: FieldError[] = [];
  if (f.from !== undefined && receivedFrom === undefined)
    errors.push({ path: 'from', message: 'is not a day' });
  if (f.to !== undefined && receivedTo === undefined) errors.push({ path: 'to', message: 'is not a day' });
  if (errors.length > 0) return { errors };
  return {
    filter: {
      statuses: f.status,
      kinds: f.kind,
      insatsId: f.insats,
      area: f.area === undefined ? undefined : { code: f.area, match: f.areaMatch ?? 'primary' },
      respondentGroups: f.group,
      flagKind: f.flag,
      flaggedOnly: f.flagged,
      receivedFrom,
      receivedTo,
      awaitingAnswer: f.awaitingAnswer,
      textAny: f.text,
    },
  };
}

const LIST_KEYS = new Set(['status', 'kind', 'group', 'text']);
const FILTER_KEYS = [
  'status',
  'kind',
  'insats',
  'area',
  'areaMatch',
  'group',
  'flag',
  'flagged',
  'from',
  'to',
  'waitingDays',
  'awaitingAnswer',
  'text',
];

/**
 * The filter of a queue query string: lists comma-separated, `insats=none` for no insats,
 * `flagged=1`. `extra` names the other parameters the route takes; anything else is refused
 * (a typo must not silently filter nothing).
 */
export function parseQueueQuery(
  query: Record<string, string>,
  extra: readonly string[],
  now: number,
): { filter: StoreQueueFilter } | { errors: FieldError[] } {
  const unknown = Object.keys(query).filter((k) => !FILTER_KEYS.includes(k) && !extra.includes(k));
  if (unknown.length > 0)
    return { errors: unknown.map((k) => ({ path: k, message: 'is not a parameter of this query' })) };
  const json: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const raw = query[key];
    if (raw === undefined) continue;
    if (LIST_KEYS.has(key)) json[key] = raw.split(',').map((s) => s.trim());
    else if (key === 'insats') json[key] = raw === 'none' ? null : raw;
    else if (key === 'flagged' || key === 'awaitingAnswer') {
      if (raw !== '1' && raw !== '0' && raw !== 'true' && raw !== 'false') {
        return { errors: [{ path: key, message: 'must be 1 or 0' }] };
      }
      json[key] = raw === '1' || raw === 'true';
    } else if (key === 'waitingDays') {
      if (!/^\d{1,4}$/.test(raw))
        return { errors: [{ path: key, message: 'must be a whole number of days' }] };
      json[key] = Number(raw);
    } else json[key] = raw;
  }
  const parsed = v.safeParse(QueueFilter, json);
  if (!parsed.success) return { errors: fieldErrors(parsed.issues) };
  return toStoreFilter(parsed.output, now);
}

/** An opaque queue cursor (base64url): staff send it back as it is. */
export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(`${cursor.flagged ? 1 : 0}\n${cursor.receivedAt}\n${cursor.id}`, 'utf8').toString(
    'base64url',
  );
}

/** A cursor this API gave out, or undefined. */
export function decodeQueueCursor(raw: string): QueueCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(raw)) return undefined;
  const [flagged, receivedAt, id, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split('\n');
  if (flagged !== '0' && flagged !== '1') return undefined;
  if (receivedAt === undefined || id === undefined || id === '' || rest.length > 0) return undefined;
  if (Number.isNaN(Date.parse(receivedAt)) || new Date(Date.parse(receivedAt)).toISOString() !== receivedAt) {
    return undefined;
  }
  return { flagged: flagged === '1', receivedAt, id };
}

/** Who changes something in this request, for the store's audit rows: the signed-in staff member. */
export function auditActor<E extends AppEnv>(c: Context<E>, deps: Pick<ApiDeps, 'now'>): AuditActor {
  const user = c.var.staff?.user;
  return {
    at: new Date(deps.now()).toISOString(),
    actorId: user?.id ?? null,
    actorLabel: user?.email ?? 'anonymous',
    requestId: c.var.requestId ?? null,
  };
}
