/** The download links of the dashboard: the same filters as the view (its query string). */
import { t } from '../../i18n/index.ts';

/** CSV (zip) and XLSX of the submissions and GeoJSON of counts per delområde, with `search`'s filters. */
export function Exports({ search }: { search: string }) {
  const suffix = search ? `?${search}` : '';
  return (
    <section class="dashboard-section" aria-labelledby="dashboard-exports">
      <h2 id="dashboard-exports">{t('export.title')}</h2>
      <p>{t('export.intro')}</p>
      <ul class="dashboard-downloads">
        <li>
          <a class="btn btn-secondary" href={`/api/staff/exports/submissions.zip${suffix}`} download>
            {t('export.csv')}
          </a>
        </li>
        <li>
          <a class="btn btn-secondary" href={`/api/staff/exports/submissions.xlsx${suffix}`} download>
            {t('export.xlsx')}
          </a>
        </li>
        <li>
          <a class="btn btn-secondary" href={`/api/staff/exports/areas.geojson${suffix}`} download>
            {t('export.geojson')}
          </a>
        </li>
      </ul>
    </section>
  );
}
