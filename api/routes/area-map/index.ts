/**
 * GET /api/areas/map: the active boundary set as SVG path data, for the map on the start screen
 * (and the dashboard's choropleth).
 *
 * Computed once per boundary version (api/domain/map, ~50 ms) by the first instance asked, stored
 * in the database, and kept in memory ready to send, gzip included. A strong ETag per version,
 * content hash and content coding; `Cache-Control: no-cache`, so browsers and the service worker
 * revalidate and get a 304 until the active boundary set changes.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { AreaMap } from '../../../common/wire/index.ts';
import { buildAreaMap, MAP_FORMAT } from '../../domain/map/index.ts';
import { problem } from '../../http/problem.ts';
import { ifNoneMatchHas } from '../../http/etag.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import type { AreaMapRecord, Store } from '../../store/index.ts';

/** Where this resource is mounted and what it answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/areas/map',
  tag: 'catalogue',
  routes: [
    {
      method: 'get',
      access: 'public',
      path: '/',
      summary: 'The delområden as SVG path data',
      description:
        'The active boundary set projected to SWEREF 99 13 30 (whole metres, north up) and simplified ' +
        '(2 m) with shared borders kept shared, with a label point inside each area. Names are in ' +
        '`GET /api/areas`. Strong ETag (boundary version and content hash); send `If-None-Match` ' +
        'for a 304.',
      responses: {
        200: { description: 'The map', schema: AreaMap },
        304: { description: 'Not modified: the map in the If-None-Match ETag is current' },
        503: { description: 'The active boundary set cannot be read', problem: true },
      },
    },
  ],
};

/** A map ready to send: the JSON as stored, its gzip, and the two ETags. */
interface Prepared {
  json: string;
  gzip: Uint8Array<ArrayBuffer>;
  etag: string;
  gzipEtag: string;
}

/** How many boundary versions' maps are kept in memory (activation makes a second one current). */
const KEPT_VERSIONS = 2;

/** The stored map of `version`, computed and stored first when it is not there yet. */
export async function storedAreaMap(store: Store, version: string): Promise<AreaMapRecord | undefined> {
  const stored = await store.getAreaMap(version, MAP_FORMAT);
  if (stored) return stored;
  const geojson = await store.boundarySetGeojson(version);
  if (geojson === undefined) return undefined;
  const data = JSON.stringify({ boundaryVersion: version, ...buildAreaMap(JSON.parse(geojson)) });
  const hash = createHash('sha256').update(data).digest('base64url').slice(0, 22);
  return store.saveAreaMap({ boundaryVersion: version, format: MAP_FORMAT, hash, data });
}

function prepare(record: AreaMapRecord): Prepared {
  // Only characters an entity tag may hold (RFC 9110: no `"`, no spaces or controls).
  const tag = `${encodeURIComponent(record.boundaryVersion).replace(/'/g, '%27')}.${record.hash}`;
  return {
    json: record.data,
    gzip: new Uint8Array(gzipSync(record.data, { level: 9 })),
    etag: `"${tag}"`,
    // A strong ETag names one representation: the gzip body is another one.
    gzipEtag: `"${tag}.gz"`,
  };
}

/** Whether Accept-Encoding allows gzip (q above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The map resource. */
export function areaMap(deps: ApiDeps) {
  const ready = new Map<string, Promise<Prepared | undefined>>();
  const load = (version: string) => {
    let entry = ready.get(version);
    if (!entry) {
      entry = storedAreaMap(deps.store, version).then((r) => r && prepare(r));
      // A failure (the database was away) or a missing set is not remembered: asked again next time.
      const forget = () => {
        if (ready.get(version) === entry) ready.delete(version);
      };
      entry.then((p) => p ?? forget(), forget);
      ready.set(version, entry);
      for (const old of ready.keys()) if (ready.size > KEPT_VERSIONS && old !== version) ready.delete(old);
    }
    return entry;
  };

  return new Hono<AppEnv>().get('/', async (c) => {
    const map = await load(deps.boundaries().version);
    if (!map) return problem(c, 503, 'The map of the active boundary set cannot be read. Try again later.');
    const gzip = acceptsGzip(c.req.header('Accept-Encoding'));
    const headers: Record<string, string> = {
      ETag: gzip ? map.gzipEtag : map.etag,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (ifNoneMatchHas(c.req.header('If-None-Match'), [map.etag, map.gzipEtag]))
      return c.body(null, 304, headers);
    if (!gzip) return c.body(map.json, 200, { ...headers, 'Content-Type': 'application/json' });
    return c.body(map.gzip, 200, {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
  });
}
