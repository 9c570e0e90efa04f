import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StaffInsats } from './draft.ts';
import { ApiError, api } from '../../api.ts';
import { LoadState } from '../../components/load.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { ViewHeading } from '../../components/view-heading.tsx';
import { formatTime, t } from '../../i18n/index.ts';
import { mayEditInsatser, me, SCREENS } from '../../session.ts';

/** `/personal/insatser` (every role): every insats in every lifecycle; moderators and admins edit. */
export default function InsatserList() {
  const [list, setList] = useState<StaffInsats[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [forbidden, setForbidden] = useState(false);
  const load = useCallback(async () => {
    setFailed(false);
    try {
      setList((await api<{ insatser: StaffInsats[] }>('GET', '/api/staff/insatser')).insatser);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  if (forbidden) return <NoAccess />;
  const editor = mayEditInsatser(me.value?.role ?? null);
  return (
    <>
      <ViewHeading title={t('insatser.title')} viewKey="insatser" />
      <p>{t('insatser.intro')}</p>
      {editor && (
        <p>
          <a class="btn btn-primary" href={`${SCREENS.insatser.path}/ny`}>
            {t('insatser.new')}
          </a>
        </p>
      )}
      {list === undefined ? (
        <LoadState failed={failed} retry={() => void load()} />
      ) : (
        <TableRegion labelledBy="insatser-caption">
          <table class="staff-table">
            <caption id="insatser-caption">{t('insatser.caption', { n: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insatser.colTitle')}</th>
                <th scope="col">{t('insatser.colLifecycle')}</th>
                <th scope="col">{t('insatser.colStatus')}</th>
                <th scope="col">{t('insatser.colQuestions')}</th>
                <th scope="col">{t('insatser.colUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id}>
                  <td lang="sv">
                    {editor ? (
                      <a href={`${SCREENS.insatser.path}/${encodeURIComponent(i.id)}`}>{i.title.sv}</a>
                    ) : (
                      i.title.sv
                    )}
                  </td>
                  <td>{t(`lifecycle.${i.lifecycle}`)}</td>
                  <td>{t(`insatsStatus.${i.status}`)}</td>
                  <td>{i.questions.filter((q) => !q.hidden).length}</td>
                  <td>{formatTime(i.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
