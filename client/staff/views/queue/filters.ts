/**
 * The queue's filters as they stand in the address (`/personal/granska?status=…&insats=…`), so a
 * view can be shared and reloaded, and the same filters as the API's query string and as the
 * JSON filter of a bulk action (common/wire/moderation.ts QueueFilter). A copy of
 * queueFilterToQuery rather than an import: that module brings valibot into the staff chunk; a
 * unit test keeps the two equal.
 */
import type { FlagKind, QueueFilter, QueueStatus } from '../../../../common/wire/moderation.ts';
import type { RespondentGroup, SubmissionKind } from '../../../../common/wire/index.ts';

/** Copies of the wire lists (a unit test keeps them equal), without valibot. */
export const STATUSES: readonly QueueStatus[] = ['pending', 'approved', 'rejected', 'hidden'];
export const KINDS: readonly SubmissionKind[] = ['comment', 'proposal', 'answer'];
export const GROUPS: readonly RespondentGroup[] = [
  'youth',
  'resident',
  'association',
  'property_owner',
  'business',
  'other',
];
export const FLAGS: readonly FlagKind[] = [
  'personnummer',
  'samordningsnummer',
  'phone',
  'email',
  'link',
  'offensive',
  'near-duplicate',
];

/** Items per page the screen asks for. */
export const QUEUE_PAGE = 25;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const AREA = /^\d{5}$/;

function list<T extends string>(value: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (!value) return undefined;
  const out = value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return out.length > 0 ? [...new Set(out)] : undefined;
}

/** The filter an address's query means; unknown or malformed values are left out. */
export function parseFilter(query: Record<string, string | undefined>): QueueFilter {
  const filter: QueueFilter = {};
  const status = list(query.status, STATUSES);
  if (status) filter.status = status;
  const kind = list(query.kind, KINDS);
  if (kind) filter.kind = kind;
  if (query.insats) filter.insats = query.insats === 'none' ? null : query.insats;
  if (query.area && AREA.test(query.area)) {
    filter.area = query.area;
    if (query.areaMatch === 'any') filter.areaMatch = 'any';
  }
  const group = list(query.group, GROUPS);
  if (group) filter.group = group;
  if (query.flag && (FLAGS as readonly string[]).includes(query.flag)) filter.flag = query.flag as FlagKind;
  if (query.flagged === '1') filter.flagged = true;
  if (query.from && DAY.test(query.from)) filter.from = query.from;
  if (query.to && DAY.test(query.to)) filter.to = query.to;
  if (query.waitingDays && /^\d{1,3}$/.test(query.waitingDays)) {
    const days = Number(query.waitingDays);
    if (days >= 1 && days <= 365) filter.waitingDays = days;
  }
  if (query.awaitingAnswer === '1') filter.awaitingAnswer = true;
  const text = query.text
    ?.split(',')
    .map((w) => w.trim())
    .filter((w) => w.length >= 2 && w.length <= 80)
    .slice(0, 10);
  if (text && text.length > 0) filter.text = text;
  return filter;
}

/** The query string for `filter` (the address and the API use the same one), plus a page. */
export function filterQuery(filter: QueueFilter, page?: { cursor?: string | null; limit?: number }): string {
  const q = new URLSearchParams();
  if (filter.status) q.set('status', filter.status.join(','));
  if (filter.kind) q.set('kind', filter.kind.join(','));
  if (filter.insats !== undefined) q.set('insats', filter.insats ?? 'none');
  if (filter.area) q.set('area', filter.area);
  if (filter.areaMatch) q.set('areaMatch', filter.areaMatch);
  if (filter.group) q.set('group', filter.group.join(','));
  if (filter.flag) q.set('flag', filter.flag);
  if (filter.flagged) q.set('flagged', '1');
  if (filter.from) q.set('from', filter.from);
  if (filter.to) q.set('to', filter.to);
  if (filter.waitingDays !== undefined) q.set('waitingDays', String(filter.waitingDays));
  if (filter.awaitingAnswer) q.set('awaitingAnswer', '1');
  if (filter.text) q.set('text', filter.text.join(','));
  if (page?.cursor) q.set('cursor', page.cursor);
  if (page?.limit !== undefined) q.set('limit', String(page.limit));
  return q.toString();
}

/** Whether any filter beyond the default (pending items, everything else open) is set. */
export function hasFilter(filter: QueueFilter): boolean {
  return Object.keys(filter).length > 0;
}
