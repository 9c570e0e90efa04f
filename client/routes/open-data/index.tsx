import { useEffect, useState } from 'preact/hooks';
import type { OpenDataCounts } from '../../../common/wire/open-data.ts';
import { saysExample } from '../../components/insats-list/index.tsx';
import { L } from '../../components/localized/index.tsx';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { formatDate, formatNumber, t } from '../../i18n/index.ts';
import './counts.css';
import { protectedCount } from './format.ts';

/** Where the open data lives (api/routes/open-data). */
export const OPEN_DATA = {
  counts: '/api/open-data/counts',
  csv: '/api/open-data/counts.csv',
  geojson: '/api/open-data/areas.geojson',
  dataset: '/api/open-data/dataset.jsonld',
} as const;

/** The CC0 deed in Swedish (the licence URL in the data is the canonical one). */
const CC0_DEED = 'https://creativecommons.org/publicdomain/zero/1.0/deed.sv';

type State =
  | { status: 'loading' }
  | { status: 'error'; offline: boolean }
  | { status: 'ok'; data: OpenDataCounts };

const day = (iso: string) => formatDate(`${iso}T12:00`, false);

function Tables({ data }: { data: OpenDataCounts }) {
  const areaName = new Map(data.areas.map((a) => [a.code, a]));
  const insats = new Map(data.insatser.map((i) => [i.id, i]));
  return (
    <>
      <table class="counts">
        <caption>{t('openData.byInsats')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('openData.insats')}</th>
            <th scope="col" class="n">
              {t('openData.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.totals.byInsats.map((row) => {
            const i = insats.get(row.insats);
            return (
              <tr key={row.insats ?? '-'}>
                <th scope="row">
                  {i?.title ? <L text={i.title} /> : t('openData.noInsats')}
                  {i?.title &&
                    saysExample({ example: i.example, title: i.title }) &&
                    ` (${t('app.example')})`}
                </th>
                <td class="n">{formatNumber(row.count)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('openData.sum')}</th>
            <td class="n">{formatNumber(data.totals.total.count)}</td>
          </tr>
        </tfoot>
      </table>

      <table class="counts">
        <caption>{t('openData.byArea')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('openData.area')}</th>
            <th scope="col">{t('openData.district')}</th>
            <th scope="col" class="n">
              {t('openData.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.totals.byArea.map((row) => {
            const a = areaName.get(row.area);
            return (
              <tr key={row.area ?? '-'}>
                <th scope="row" lang={a ? 'sv' : undefined}>
                  {a?.name ?? t('openData.noArea')}
                </th>
                <td lang="sv">{a?.district ?? ''}</td>
                <td class="n">{formatNumber(row.count)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('openData.sum')}
            </th>
            <td class="n">{formatNumber(data.totals.total.count)}</td>
          </tr>
        </tfoot>
      </table>

      <h2>
        {t('openData.byArea')} × {t('openData.byInsats').toLowerCase()}
      </h2>
      {data.insatser.map((i) => {
        const cells = data.cells.filter((c) => c.insats === i.id && !c.fewerThan5);
        return (
          <details key={i.id ?? '-'}>
            <summary>{i.title ? <L text={i.title} /> : t('openData.noInsats')}</summary>
            <table class="counts">
              <thead>
                <tr>
                  <th scope="col">{t('openData.area')}</th>
                  <th scope="col" class="n">
                    {t('openData.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {cells.map((c) => (
                  <tr key={c.area ?? '-'}>
                    <th scope="row" lang={areaName.get(c.area) ? 'sv' : undefined}>
                      {areaName.get(c.area)?.name ?? t('openData.noArea')}
                    </th>
                    <td class="n">{protectedCount(c)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('openData.otherAreas')}</th>
                  <td class="n few">{t('openData.fewer')}</td>
                </tr>
              </tbody>
            </table>
          </details>
        );
      })}
    </>
  );
}

/**
 * `/oppna-data`: the public open data: protected counts per delområde and insats ("fewer than 5"
 * in words, totals as sums of the shown figures), the CC0 licence, the files and the dataset
 * description for the national data portal. Needs the network (the figures change every night).
 */
export default function OpenData() {
  const title = t('openData.title');
  const heading = useViewHeading(title);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    fetch(OPEN_DATA.counts, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const data = (await response.json()) as OpenDataCounts;
        if (live) setState({ status: 'ok', data });
      })
      .catch(() => {
        if (live)
          setState({ status: 'error', offline: typeof navigator !== 'undefined' && !navigator.onLine });
      });
    return () => {
      live = false;
    };
  }, [attempt]);

  return (
    <article class="open-data">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">{t('openData.intro')}</p>
      <p>{t('openData.protection')}</p>

      <h2>{t('openData.downloadTitle')}</h2>
      <ul class="downloads">
        <li>
          <a href={OPEN_DATA.csv} download>
            {t('openData.csv')}
          </a>
        </li>
        <li>
          <a href={OPEN_DATA.geojson} download>
            {t('openData.geojson')}
          </a>
        </li>
        <li>
          <a href={OPEN_DATA.dataset}>{t('openData.dataset')}</a>
        </li>
      </ul>
      <p>
        {t('openData.licence')}{' '}
        <a href={CC0_DEED} hrefLang="sv" rel="license">
          {t('openData.licenceLink')}
        </a>
      </p>

      <div aria-live="polite">
        {state.status === 'loading' && <p>{t('app.loading')}</p>}
        {state.status === 'error' && (
          <div class="notice notice-warn">
            <p>{state.offline ? t('openData.offline') : t('app.loadError')}</p>
            <button type="button" class="btn btn-secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('app.retry')}
            </button>
          </div>
        )}
      </div>
      {state.status === 'ok' && (
        <>
          <p>
            {t('openData.schedule', { date: day(state.data.published) })}{' '}
            {t('openData.period', { from: day(state.data.period.from), to: day(state.data.period.to) })}
          </p>
          <p>{t('openData.sums')}</p>
          <Tables data={state.data} />
        </>
      )}
    </article>
  );
}
