import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { Confirm } from '../../components/confirm.tsx';
import { LoadState } from '../../components/load.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { ViewHeading } from '../../components/view-heading.tsx';
import { t } from '../../i18n/index.ts';
import { mayEditIndicators, me, SCREENS } from '../../session.ts';
import { CsvImport, type SampleColumn } from './csv-import.tsx';
import { type AreaRow, listOf, loadAreas, loadReportingAreas, type ReportingArea } from './data.ts';
import { ReportingAreaForm } from './reporting-area-form.tsx';
import './indicators.css';

const IMPORT_COLUMNS: readonly SampleColumn[] = [
  { key: 'code', label: 'reporting_area' },
  { key: 'name', label: 'reporting_area_name' },
  { key: 'areas', label: 'delomrade' },
];

/**
 * `/personal/rapportomraden` (every role; analysts and admins change it): the crosswalk from
 * the areas statistics are published for (UVAS) to the delområden that make them up.
 */
export default function ReportingAreas() {
  const [list, setList] = useState<ReportingArea[] | undefined>(undefined);
  const [areas, setAreas] = useState<AreaRow[]>([]);
  const [failed, setFailed] = useState(false);
  const [forbidden, setForbidden] = useState(false);
  const [editing, setEditing] = useState<ReportingArea | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ReportingArea | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const editor = mayEditIndicators(me.value?.role ?? null);

  const load = async () => {
    setFailed(false);
    try {
      const [r, a] = await Promise.all([loadReportingAreas(), loadAreas()]);
      setList(r);
      setAreas(a);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else setFailed(true);
    }
  };
  useEffect(() => {
    void load();
  }, []);
  if (forbidden) return <NoAccess />;
  const nameOf = new Map(areas.map((a) => [a.code, a.name]));
  const done = (o: Outcome) => {
    setOutcome(o);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const remove = async (r: ReportingArea) => {
    setDeleting(null);
    try {
      await api('DELETE', `/api/staff/reporting-areas/${encodeURIComponent(r.code)}`);
      await load();
      done({ ok: true, text: t('reporting.deleted', { name: r.name }) });
    } catch (error) {
      done(problemOutcome(error));
    }
  };

  return (
    <>
      <ViewHeading title={t('reporting.title')} viewKey="reporting-areas" />
      <p>{t('reporting.intro')}</p>
      <p>
        <a href={SCREENS.indicators.path}>{t('indicators.back')}</a>
      </p>
      <div ref={statusRef} tabIndex={-1}>
        <StatusRegion outcome={outcome} testId="reporting-status" />
      </div>
      {editor && editing === null && (
        <p>
          <button type="button" class="btn btn-primary" onClick={() => setEditing('new')}>
            {t('reporting.new')}
          </button>
        </p>
      )}
      {editor && editing !== null && (
        <ReportingAreaForm
          area={editing === 'new' ? undefined : editing}
          areas={areas}
          onCancel={() => setEditing(null)}
          onSaved={async (saved) => {
            setEditing(null);
            await load();
            done({ ok: true, text: t('reporting.saved', { name: saved.name }) });
          }}
        />
      )}
      {list === undefined ? (
        <LoadState failed={failed} retry={() => void load()} />
      ) : (
        <TableRegion labelledBy="reporting-caption">
          <table class="staff-table" data-testid="reporting-list">
            <caption id="reporting-caption">{t('reporting.caption', { n: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reporting.colName')}</th>
                <th scope="col">{t('reporting.colCode')}</th>
                <th scope="col">{t('reporting.colAreas')}</th>
                {editor && <th scope="col">{t('indicators.colActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.code} data-testid="reporting-row">
                  <th scope="row">{r.name}</th>
                  <td>{r.code}</td>
                  <td>
                    {r.areaCodes.length === 0
                      ? t('reporting.noAreas')
                      : r.areaCodes
                          .map((c) => nameOf.get(c) ?? c)
                          .sort((a, b) => a.localeCompare(b, 'sv'))
                          .join(', ')}
                  </td>
                  {editor && (
                    <td class="value-actions">
                      <button type="button" class="btn btn-link" onClick={() => setEditing(r)}>
                        {t('indicators.editValue')}
                        <span class="visually-hidden">: {r.name}</span>
                      </button>{' '}
                      <button type="button" class="btn btn-link" onClick={() => setDeleting(r)}>
                        {t('indicators.deleteValue')}
                        <span class="visually-hidden">: {r.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {deleting && (
        <Confirm
          question={t('reporting.deleteQuestion', { name: deleting.name })}
          yes={t('indicators.deleteValue')}
          onYes={() => void remove(deleting)}
          onNo={() => setDeleting(null)}
        />
      )}
      {editor && (
        <CsvImport
          idPrefix="reporting-import"
          endpoint="/api/staff/reporting-areas/import"
          legend={t('reporting.importTitle')}
          hint={t('reporting.importHint')}
          columns={IMPORT_COLUMNS}
          sampleOf={(r) =>
            listOf<ReportingArea>((r as { areas?: unknown }).areas).map((a) => ({
              code: a.code,
              name: a.name,
              areas: a.areaCodes.map((c) => nameOf.get(c) ?? c).join(', '),
            }))
          }
          onImported={() => void load()}
        />
      )}
    </>
  );
}
