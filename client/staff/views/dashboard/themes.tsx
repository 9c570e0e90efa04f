/**
 * The dashboard's themes section: distinctive words and phrases of the chosen delområde or
 * insats (GET /api/staff/themes), each with its counts, its months and, for moderators, a link
 * that opens the texts behind it in the queue (the queue's `text` filter, in the store).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { formatCount } from '../../components/charts/format.ts';
import { LoadState } from '../../components/load.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { t } from '../../i18n/index.ts';
import { mayOpen, me, SCREENS } from '../../session.ts';

/** One theme as the API answers it (api/domain/themes Theme). */
interface Theme {
  term: string;
  kind: 'word' | 'phrase';
  forms: string[];
  count: number;
  nearIdentical: number;
  rest: number;
  z: number;
  months: { month: string; count: number }[];
}
interface Themes {
  texts: number;
  distinct: number;
  rest: number;
  themes: Theme[];
}

/** The queue address of the texts behind a theme: the statuses themes are made of, comments and proposals. */
function queueHref(theme: Theme, area: string | undefined, insats: string | undefined): string {
  const q = new URLSearchParams({ status: 'pending,approved', kind: 'comment,proposal' });
  if (insats) q.set('insats', insats);
  if (area) q.set('area', area);
  q.set('text', theme.forms.join(','));
  return `${SCREENS.queue.path}?${q.toString()}`;
}

/** The section; shown when an area or an insats is chosen. */
export function ThemesSection({ area, insats }: { area?: string | undefined; insats?: string | undefined }) {
  const [state, setState] = useState<{ data?: Themes; failed?: boolean }>({});
  const search = new URLSearchParams({
    ...(area ? { area } : {}),
    ...(insats ? { insats } : {}),
  }).toString();
  const load = () => {
    setState({});
    api<Themes>('GET', `/api/staff/themes?${search}`).then(
      (data) => setState({ data }),
      () => setState({ failed: true }),
    );
  };
  useEffect(() => {
    if (search) load();
  }, [search]);
  const moderator = mayOpen('queue', me.value?.role ?? null);
  return (
    <section class="dashboard-section" aria-labelledby="themes-title" data-testid="themes">
      <h2 id="themes-title">{t('themes.title')}</h2>
      <p>{t('themes.intro')}</p>
      {!search ? (
        <p>{t('themes.choose')}</p>
      ) : !state.data ? (
        <LoadState failed={Boolean(state.failed)} retry={load} />
      ) : (
        <>
          <p>
            {t('themes.summary', {
              texts: formatCount(state.data.texts),
              distinct: formatCount(state.data.distinct),
              rest: formatCount(state.data.rest),
            })}
          </p>
          {state.data.themes.length === 0 ? (
            <p>{t('themes.none')}</p>
          ) : (
            <TableRegion labelledBy="themes-caption">
              <table class="staff-table" data-testid="themes-table">
                <caption id="themes-caption">{t('themes.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('themes.term')}</th>
                    <th scope="col">{t('themes.count')}</th>
                    <th scope="col">{t('themes.nearIdentical')}</th>
                    <th scope="col">{t('themes.rest')}</th>
                    <th scope="col">{t('themes.z')}</th>
                    <th scope="col">{t('themes.months')}</th>
                    {moderator && <th scope="col">{t('themes.open')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {state.data.themes.map((theme) => (
                    <tr key={theme.term}>
                      <th scope="row">
                        <bdi>{theme.term}</bdi>
                      </th>
                      <td>{formatCount(theme.count)}</td>
                      <td>{formatCount(theme.nearIdentical)}</td>
                      <td>{formatCount(theme.rest)}</td>
                      <td>{theme.z.toFixed(1)}</td>
                      <td>{theme.months.map((m) => `${m.month}: ${formatCount(m.count)}`).join(', ')}</td>
                      {moderator && (
                        <td>
                          <a
                            href={queueHref(theme, area, insats)}
                            aria-label={t('themes.openLabel', { term: theme.term })}
                          >
                            {t('themes.open')}
                          </a>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </>
      )}
    </section>
  );
}
