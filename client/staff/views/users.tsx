import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StaffUser } from '../../../common/wire/staff.ts';
import { ApiError, api } from '../api.ts';
import { LoadState } from '../components/load.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { type Outcome, StatusRegion } from '../components/outcome.tsx';
import { TableRegion } from '../components/table-region.tsx';
import { ViewHeading } from '../components/view-heading.tsx';
import { t } from '../i18n/index.ts';
import { loadMe, me } from '../session.ts';
import { AddUserForm } from './user-form.tsx';
import type { NamndChoice } from './user-namnder.tsx';
import { UserRow } from './user-row.tsx';

/** `/personal/anvandare` (admins): every staff account, adding one, changing roles and access. */
export function Users() {
  const [users, setUsers] = useState<StaffUser[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [forbidden, setForbidden] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [namnder, setNamnder] = useState<NamndChoice[]>([]);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      const [list, choices] = await Promise.all([
        api<{ users: StaffUser[] }>('GET', '/api/staff/users'),
        api<{ namnder: NamndChoice[] }>('GET', '/api/staff/namnder'),
      ]);
      setNamnder(choices.namnder);
      setUsers(list.users);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (forbidden) return <NoAccess />;

  const changed = (after: StaffUser) => {
    setUsers((list) => list?.map((u) => (u.id === after.id ? after : u)));
    // A change to oneself (role, active) changes what this session may do.
    if (after.id === me.value?.id) void loadMe();
  };

  return (
    <>
      <ViewHeading title={t('users.title')} viewKey="users" />
      <AddUserForm
        onAdded={() => {
          void load();
        }}
        onForbidden={() => setForbidden(true)}
      />
      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title">{t('users.listTitle')}</h2>
        <StatusRegion outcome={outcome} testId="users-status" />
        {users === undefined ? (
          <LoadState failed={failed} retry={() => void load()} />
        ) : (
          // A data table keeps its columns at any width: it scrolls sideways on a narrow screen.
          <TableRegion labelledBy="users-caption">
            <table class="staff-table">
              <caption id="users-caption">{t('users.caption', { n: users.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.colEmail')}</th>
                  <th scope="col">{t('users.colName')}</th>
                  <th scope="col">{t('users.colRole')}</th>
                  <th scope="col">{t('users.colNamnder')}</th>
                  <th scope="col">{t('users.colActive')}</th>
                  <th scope="col">{t('users.colLastLogin')}</th>
                  <th scope="col">{t('users.colMethod')}</th>
                  <th scope="col">{t('users.colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    namnder={namnder}
                    onChanged={changed}
                    onOutcome={setOutcome}
                    onForbidden={() => setForbidden(true)}
                    onGone={() => void load()}
                  />
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </>
  );
}
