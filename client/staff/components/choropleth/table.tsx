import type { Area } from '../../../../common/wire/index.ts';
import { t } from '../../i18n/index.ts';
import { TableRegion } from '../table-region.tsx';

/** The choropleth's numbers as a table: one row per area in `values`, by stadsområde and name. */
export function ChoroplethTable({
  id,
  caption,
  values,
  areas,
  format,
  valueHeading,
}: {
  id: string;
  caption: string;
  values: ReadonlyMap<string, number | null>;
  areas: ReadonlyMap<string, Area>;
  format: (n: number) => string;
  valueHeading: string;
}) {
  const collator = new Intl.Collator('sv');
  const rows = [...values.entries()]
    .map(([code, value]) => ({
      code,
      value,
      name: areas.get(code)?.name ?? code,
      district: areas.get(code)?.district ?? '',
    }))
    .sort((a, b) => collator.compare(a.district, b.district) || collator.compare(a.name, b.name));
  const captionId = `${id}-caption`;
  return (
    <div class="choropleth-table">
      <TableRegion labelledBy={captionId}>
        <table class="staff-table" data-testid="choropleth-table">
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('choropleth.area')}</th>
              <th scope="col">{t('choropleth.district')}</th>
              <th scope="col" class="num">
                {valueHeading}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-code={r.code}>
                <th scope="row">{r.name}</th>
                <td>{r.district}</td>
                <td class="num">{r.value === null ? t('choropleth.noValue') : format(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
