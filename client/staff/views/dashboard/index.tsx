/**
 * `/personal/oversikt` (all staff roles): what came in, counted per area, insats, kind, group,
 * age band and week, with the filters in the address (see ./query.ts). The API does the
 * counting (`GET /api/staff/dashboard`, and `/answers` when one insats is chosen); this screen
 * shows it as a map, charts and tables, and offers the exports with the same filters.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { AnswerDistribution, Dashboard } from '../../../../common/wire/insights.ts';
import type { StaffInsats } from '../insatser/draft.ts';
import { ApiError, api } from '../../api.ts';
import { formatCount } from '../../components/charts/format.ts';
import { loadStaffAreas, staffAreas } from '../../components/choropleth/areas.ts';
import { LoadState } from '../../components/load.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { ViewHeading } from '../../components/view-heading.tsx';
import { staffLanguage, t } from '../../i18n/index.ts';
import { SCREENS } from '../../session.ts';
import { Answers } from './answers.tsx';
import { Exports } from './exports.tsx';
import { DashboardFilterForm, type InsatsChoice } from './filters.tsx';
import { filterSearch, parseFilters } from './query.ts';
import { DashboardSections } from './sections.tsx';
import { ThemesSection } from './themes.tsx';
import './style.css';

type Load<T> = { data?: T; failed?: boolean; bad?: string };

/** The screen. */
export default function DashboardView() {
  const { query, route } = useLocation();
  const filters = parseFilters(query);
  const search = filterSearch(filters);
  const [dashboard, setDashboard] = useState<Load<Dashboard>>({});
  const [answers, setAnswers] = useState<Load<AnswerDistribution>>({});
  const [insatser, setInsatser] = useState<StaffInsats[]>([]);
  const [forbidden, setForbidden] = useState(false);
  const generation = useRef(0);
  const oneInsats = filters.insats && filters.insats !== 'none' ? filters.insats : undefined;

  const load = async () => {
    const mine = ++generation.current;
    setDashboard({});
    setAnswers({});
    const suffix = search ? `?${search}` : '';
    const fail = (error: unknown): Load<never> => {
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      if (error instanceof ApiError && error.status === 400)
        return { bad: error.errors.map((e) => `${e.path}: ${e.message}`).join('; ') || error.detail };
      return { failed: true };
    };
    const main = api<Dashboard>('GET', `/api/staff/dashboard${suffix}`).then((data) => ({ data }), fail);
    const dist = oneInsats
      ? api<AnswerDistribution>('GET', `/api/staff/dashboard/answers${suffix}`).then(
          (data) => ({ data }),
          fail,
        )
      : Promise.resolve({});
    const [m, d] = await Promise.all([main, dist]);
    if (mine !== generation.current) return;
    setDashboard(m);
    setAnswers(d);
  };

  useEffect(() => {
    void load();
  }, [search]);
  useEffect(() => {
    void loadStaffAreas();
    // The insats filter and names; the dashboard works (with ids) without them.
    api<{ insatser: StaffInsats[] }>('GET', '/api/staff/insatser')
      .then((body) => setInsatser(body.insatser))
      .catch(() => {});
  }, []);

  if (forbidden) return <NoAccess />;
  const lang = staffLanguage.value;
  const choices: InsatsChoice[] = insatser
    .map((i) => ({ id: i.id, title: (i.title as Record<string, string>)[lang] || i.title.sv }))
    .sort((a, b) => a.title.localeCompare(b.title, lang));
  const insatsName = (id: string) =>
    choices.find((c) => c.id === id)?.title ?? t('dashboard.unknownInsats', { id });
  const apply = (next: typeof filters) => {
    const s = filterSearch(next);
    route(s ? `${SCREENS.dashboard.path}?${s}` : SCREENS.dashboard.path);
  };
  const data = dashboard.data;

  return (
    <div class="dashboard">
      <ViewHeading title={t('dashboard.title')} viewKey="dashboard" />
      <p>{t('dashboard.intro')}</p>
      <div role="status" class="visually-hidden" data-testid="dashboard-status">
        {data ? t('dashboard.loaded', { n: formatCount(data.total) }) : ''}
      </div>
      <DashboardFilterForm
        filters={filters}
        insatser={choices}
        areas={staffAreas.value.data ?? []}
        onApply={apply}
      />
      {dashboard.bad !== undefined ? (
        <p class="notice notice-error" role="alert">
          {t('dashboard.badFilter')} <span lang="en">{dashboard.bad}</span>
        </p>
      ) : !data ? (
        <LoadState failed={Boolean(dashboard.failed)} retry={() => void load()} />
      ) : (
        <>
          <DashboardSections data={data} insatsName={insatsName} />
          {oneInsats && data.total > 0 && (
            <Answers state={answers} retry={() => void load()} title={insatsName(oneInsats)} />
          )}
          <ThemesSection area={filters.area} insats={oneInsats} />
          <Exports search={search} />
        </>
      )}
    </div>
  );
}
