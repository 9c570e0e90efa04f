/**
 * Public open data (issue 8, docs/open-data.md): counts per delområde × insats under the
 * protection rule, as JSON, CSV and GeoJSON, and a DCAT-AP-SE dataset description. CC0.
 * Published daily: the same figures all day, cacheable until the next Malmö midnight.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  FEWER_THAN_5,
  OPEN_DATA_CSV_COLUMNS,
  OPEN_DATA_LICENCE,
  type OpenDataAreaProperties,
  type OpenDataCounts,
  type PublicationInfo,
} from '../../../common/wire/open-data.ts';
import { csvDocument } from '../../domain/exports/csv.ts';
import { areaGeometries, featureCollection } from '../../domain/exports/geojson.ts';
import { insatsFields, roundCoordinates } from '../../domain/exports/gis.ts';
import { publicationAt, secondsUntilNext } from '../../domain/open-data/index.ts';
import { ifNoneMatchHas } from '../../http/etag.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import { datasetDescription } from './dcat.ts';
import { computeCounts, publications } from './publication.ts';

const ABOUT =
  'Published daily: covers input made up to the end of the previous day (Europe/Stockholm); the same ' +
  'all day. Every count is "fewer than 5" (null, or "<5" in CSV) or a multiple of 5 rounded down; ' +
  'totals are sums of the published cells. Licence CC0 1.0.';

const ok = (description: string) => ({ 200: { description }, 304: { description: 'Not modified' } });

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/open-data',
  tag: 'open data',
  routes: [
    {
      method: 'get',
      path: '/counts',
      access: 'public',
      summary: 'Counts per delområde and insats (JSON)',
      description: ABOUT,
      responses: ok('The counts, with the publication and licence'),
    },
    {
      method: 'get',
      path: '/counts.csv',
      access: 'public',
      summary: 'Counts per delområde and insats (CSV)',
      description: `${ABOUT} \`;\`-separated, UTF-8 with BOM, CRLF; columns ${OPEN_DATA_CSV_COLUMNS.join(', ')}.`,
      responses: ok('The counts as CSV'),
    },
    {
      method: 'get',
      path: '/areas.geojson',
      access: 'public',
      summary: 'Delområden with their counts (GeoJSON)',
      description: `${ABOUT} One feature per delområde of the active boundary set (WGS84, 6 decimals), with flat numeric columns for GIS tools: \`total\`, and per insats \`c_01\`, … (\`c_none\`: no insats; 0 when fewer than 5, marked 1 in \`f5_01\`, …); the collection's \`insatser\` names each column's insats.`,
      responses: ok('A FeatureCollection (RFC 7946)'),
    },
    {
      method: 'get',
      path: '/dataset.jsonld',
      access: 'public',
      summary: 'The dataset description (DCAT-AP-SE, JSON-LD)',
      description: 'For the national data portal: the dataset, its licence and its distributions.',
      responses: ok('JSON-LD'),
    },
  ],
};

/** Headers of every open-data answer: the licence, caching until the next publication, CORS. */
export function publicationHeaders(
  info: PublicationInfo,
  nowMs: number,
  name: string,
  contentType: string,
): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Cache-Control': `public, max-age=${secondsUntilNext(info, nowMs)}`,
    ETag: `"open-data-${info.published}-${name}"`,
    Link: `<${OPEN_DATA_LICENCE.url}>; rel="license"`,
    'Access-Control-Allow-Origin': '*',
  };
}

/** A 304 when the client has this publication's `name` already. */
export function notModified(c: Context, headers: Record<string, string>): Response | undefined {
  const tag = headers.ETag;
  if (tag && ifNoneMatchHas(c.req.header('If-None-Match'), [tag])) {
    const { 'Content-Type': _type, ...rest } = headers;
    return c.body(null, 304, rest);
  }
  return undefined;
}

/** The open data resource. */
export function openData(deps: ApiDeps): Hono<AppEnv> {
  const publication = publications(deps);
  const counts = () =>
    publication<OpenDataCounts>('counts', async (info) =>
      computeCounts(deps, info, await deps.store.listPublishedInsatser()),
    );
  /** Answers `body` with the publication's headers, or 304. */
  const send = (c: Context, info: PublicationInfo, name: string, type: string, body: string) => {
    const headers = publicationHeaders(info, deps.now(), name, type);
    return notModified(c, headers) ?? c.body(body, 200, headers);
  };

  return new Hono<AppEnv>()
    .get('/counts', async (c) => {
      const { info, doc } = await counts();
      return send(c, info, 'counts', 'application/json; charset=utf-8', JSON.stringify(doc));
    })
    .get('/counts.csv', async (c) => {
      const { info, doc } = await counts();
      const areas = new Map(doc.areas.map((a) => [a.code, a]));
      const titles = new Map(doc.insatser.map((i) => [i.id, i.title?.sv ?? null]));
      const csv = csvDocument(
        OPEN_DATA_CSV_COLUMNS,
        doc.cells.map((cell) => {
          const area = areas.get(cell.area);
          return [
            cell.area,
            area?.name ?? null,
            area?.district ?? null,
            cell.insats,
            titles.get(cell.insats) ?? null,
            cell.count ?? FEWER_THAN_5,
            doc.period.from,
            doc.period.to,
          ];
        }),
      );
      const res = send(c, info, 'counts.csv', 'text/csv; charset=utf-8', csv);
      res.headers.set('Content-Disposition', `inline; filename="kraftsamla-antal-${info.published}.csv"`);
      return res;
    })
    .get('/areas.geojson', async (c) => {
      const { info, doc } = await counts();
      const set = await deps.store.activeBoundarySet();
      const { areas: _a, cells: _c, totals: _t, insatser, ...publicationInfo } = doc;
      // One flat column per insats (GIS tools read nested values as text); the collection's
      // `insatser` says which column is which.
      const published = insatser.filter((i) => i.id !== null);
      const fieldOf = (id: string | null) =>
        insatsFields(id === null ? null : published.findIndex((i) => i.id === id));
      const byArea = new Map<string, OpenDataAreaProperties>();
      for (const a of doc.areas)
        if (a.code !== null)
          byArea.set(a.code, { code: a.code, name: a.name ?? a.code, district: a.district ?? '', total: 0 });
      for (const cell of doc.cells) {
        const p = cell.area === null ? undefined : byArea.get(cell.area);
        if (!p) continue;
        const field = fieldOf(cell.insats);
        // 0 with the marker for "fewer than 5": a column with only nulls would be read as text.
        p[field.count] = cell.count ?? 0;
        p[field.fewer] = cell.fewerThan5 ? 1 : 0;
        p.total += cell.count ?? 0;
      }
      const geometries = (set ? areaGeometries(set) : [])
        .filter((g) => byArea.has(g.code))
        .map((g) => ({ ...g, geometry: roundCoordinates(g.geometry) }));
      const fc = featureCollection(geometries, (code) => ({ ...byArea.get(code) }), {
        licence: OPEN_DATA_LICENCE,
        publication: publicationInfo,
        insatser: insatser.map((i) => ({
          ...i,
          field: fieldOf(i.id).count,
          fewerField: fieldOf(i.id).fewer,
        })),
      });
      return send(c, info, 'areas.geojson', 'application/geo+json', JSON.stringify(fc));
    })
    .get('/dataset.jsonld', (c) => {
      const info = publicationAt(deps.now());
      const origin = deps.config.linkOrigin;
      return send(
        c,
        info,
        'dataset.jsonld',
        'application/ld+json',
        JSON.stringify(datasetDescription(origin, info)),
      );
    });
}
