import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { AuditEntry, AuditPage, StaffUser } from '../../../common/wire/staff.ts';
import { ApiError, api } from '../api.ts';
import { LoadState } from '../components/load.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { TableRegion } from '../components/table-region.tsx';
import { ViewHeading } from '../components/view-heading.tsx';
import { t } from '../i18n/index.ts';
import { SCREENS } from '../session.ts';
import { AuditRow } from './audit/row.tsx';
import { auditQuery, FILTERS, type Filters } from './audit-query.ts';

function pick(query: Record<string, string>): Filters {
  const out: Filters = {};
  for (const key of FILTERS) if (query[key]) out[key] = query[key];
  return out;
}

/** `/personal/logg` (admins): the audit log, filtered by the address's query, newest first. */
export function Audit() {
  const { query, route } = useLocation();
  const filters = pick(query);
  const filterKey = JSON.stringify(filters);
  const [draft, setDraft] = useState<Filters>(filters);
  const [entries, setEntries] = useState<AuditEntry[] | undefined>(undefined);
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [badFilter, setBadFilter] = useState('');
  const [forbidden, setForbidden] = useState(false);
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const generation = useRef(0);
  const tableRef = useRef<HTMLElement>(null);

  const load = async (cursor?: string) => {
    const mine = ++generation.current;
    setBusy(true);
    setFailed(false);
    setBadFilter('');
    try {
      const page = await api<AuditPage>('GET', `/api/staff/audit?${auditQuery(filters, cursor)}`);
      if (mine !== generation.current) return;
      const all = cursor ? [...(entries ?? []), ...page.entries] : page.entries;
      setEntries(all);
      setNext(page.next);
      // "Show older" goes away on the last page: keep focus in the table rather than lose it.
      if (cursor && !page.next) requestAnimationFrame(() => tableRef.current?.focus());
      setStatus(
        cursor
          ? t('audit.moreShown', { n: page.entries.length })
          : t('audit.shown', { n: page.entries.length }),
      );
    } catch (error) {
      if (mine !== generation.current) return;
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else if (error instanceof ApiError && error.status === 400) {
        const fields = error.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
        setBadFilter(fields || error.detail);
        setEntries([]);
        setNext(null);
      } else setFailed(true);
    } finally {
      if (mine === generation.current) setBusy(false);
    }
  };

  // The filters, by value, decide what to load.
  useEffect(() => {
    setDraft(filters);
    setEntries(undefined);
    void load();
  }, [filterKey]);

  useEffect(() => {
    // The actor filter offers staff by e-mail; the log itself works without the list.
    api<{ users: StaffUser[] }>('GET', '/api/staff/users')
      .then((list) => setUsers(list.users))
      .catch(() => {});
  }, []);

  if (forbidden) return <NoAccess />;

  const apply = (e: Event) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const key of FILTERS) {
      const value = draft[key]?.trim();
      if (value) q.set(key, value);
    }
    const search = q.toString();
    route(search ? `${SCREENS.audit.path}?${search}` : SCREENS.audit.path);
  };
  const input = (key: (typeof FILTERS)[number]) => ({
    id: `audit-${key}`,
    name: key,
    value: draft[key] ?? '',
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const label = (id: string) => users.find((u) => u.id === id)?.email;
  // Display names for the sentences; an account without a name is its e-mail address.
  const names = new Map(users.map((u) => [u.id, u.name.trim() || u.email]));

  return (
    <>
      <ViewHeading title={t('audit.title')} viewKey="audit" />
      <p>{t('audit.intro')}</p>
      <form class="staff-form audit-filters" onSubmit={apply} aria-labelledby="audit-filters-title">
        <h2 id="audit-filters-title">{t('audit.filters')}</h2>
        <div class="filter-grid">
          <div class="field">
            <label class="field-label" for="audit-action">
              {t('audit.action')}
            </label>
            <p class="hint" id="audit-action-hint">
              {t('audit.actionHint')}
            </p>
            <input type="text" spellcheck={false} aria-describedby="audit-action-hint" {...input('action')} />
          </div>
          <div class="field">
            <label class="field-label" for="audit-targetType">
              {t('audit.targetType')}
            </label>
            <p class="hint" id="audit-targetType-hint">
              {t('audit.targetTypeHint')}
            </p>
            <input
              type="text"
              spellcheck={false}
              aria-describedby="audit-targetType-hint"
              {...input('targetType')}
            />
          </div>
          <div class="field">
            <label class="field-label" for="audit-actor">
              {t('audit.actor')}
            </label>
            <select
              id="audit-actor"
              name="actor"
              value={draft.actor ?? ''}
              onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
            >
              <option value="">{t('audit.anyone')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.email}
                </option>
              ))}
              {draft.actor && !users.some((u) => u.id === draft.actor) && (
                <option value={draft.actor}>{draft.actor}</option>
              )}
            </select>
          </div>
          <div class="field">
            <label class="field-label" for="audit-from">
              {t('audit.from')}
            </label>
            <input type="date" {...input('from')} />
          </div>
          <div class="field">
            <label class="field-label" for="audit-to">
              {t('audit.to')}
            </label>
            <input type="date" {...input('to')} />
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {t('audit.apply')}
          </button>
          {Object.keys(filters).length > 0 && (
            <a href={SCREENS.audit.path} class="btn btn-secondary">
              {t('audit.clear')}
            </a>
          )}
        </div>
      </form>
      <div role="status" class="visually-hidden" data-testid="audit-status">
        {status}
      </div>
      {badFilter && (
        <p class="notice notice-error" role="alert">
          {t('audit.badFilter')} <span lang="en">{badFilter}</span>
        </p>
      )}
      {entries === undefined ? (
        <LoadState failed={failed} retry={() => void load()} />
      ) : entries.length === 0 ? (
        !badFilter && <p class="notice">{t('audit.empty')}</p>
      ) : (
        <>
          <TableRegion regionRef={tableRef} labelledBy="audit-caption">
            <table class="staff-table audit-table">
              <caption id="audit-caption">{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.colTime')}</th>
                  <th scope="col">{t('audit.colWhat')}</th>
                  <th scope="col">{t('audit.colChange')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <AuditRow
                    key={e.id}
                    entry={e}
                    names={names}
                    targetLabel={
                      e.target.type === 'staff_user' && e.target.id ? label(e.target.id) : undefined
                    }
                  />
                ))}
              </tbody>
            </table>
          </TableRegion>
          {next && (
            <button
              type="button"
              class="btn btn-secondary"
              disabled={busy}
              onClick={() => void load(next)}
              data-testid="audit-older"
            >
              {t('audit.older')}
            </button>
          )}
        </>
      )}
    </>
  );
}
