import { stockholmDayStart } from '../i18n/index.ts';

/** The filters, as they stand in the address (`?action=…&from=YYYY-MM-DD`), so a view can be shared. */
export const FILTERS = ['action', 'targetType', 'actor', 'from', 'to'] as const;
export type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** Rows per page (the API's default, said out loud). */
export const PAGE_SIZE = 50;

/** The API query for `filters` (days in Malmö time; `to` includes its whole day) and a cursor. */
export function auditQuery(filters: Filters, cursor?: string): string {
  const q = new URLSearchParams();
  for (const key of ['action', 'targetType', 'actor'] as const) {
    const value = filters[key]?.trim();
    if (value) q.set(key, value);
  }
  const from = filters.from ? stockholmDayStart(filters.from) : undefined;
  const to = filters.to ? stockholmDayStart(filters.to, 1) : undefined;
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  q.set('limit', String(PAGE_SIZE));
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}
