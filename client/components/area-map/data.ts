/**
 * The map data (`GET /api/areas/map`), fetched the first time a map is shown and kept for the
 * visit. The service worker keeps the last copy for offline use (see client/sw/sw.ts).
 */
import { signal } from '@preact/signals';
import type { AreaMap } from '../../../common/wire/index.ts';
import type { Loadable } from '../../catalogue/index.ts';

const MAP_URL = '/api/areas/map';

export const areaMap = signal<Loadable<AreaMap>>({});

let inFlight: Promise<void> | undefined;

/** Loads the map once (again with `force`); failures leave `error` set for a retry button. */
export function loadAreaMap(force = false): Promise<void> {
  if (areaMap.value.data && !force) return Promise.resolve();
  inFlight ??= (async () => {
    areaMap.value = { ...areaMap.value, loading: true, error: false };
    try {
      const response = await fetch(MAP_URL, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${MAP_URL}: HTTP ${response.status}`);
      const body = (await response.json()) as Partial<AreaMap>;
      if (!Array.isArray(body.areas) || !Array.isArray(body.viewBox) || body.viewBox.length !== 4)
        throw new Error(`bad ${MAP_URL}`);
      areaMap.value = { data: body as AreaMap };
      keepForOffline();
    } catch {
      areaMap.value = { ...areaMap.value, loading: false, error: true };
    } finally {
      inFlight = undefined;
    }
  })();
  return inFlight;
}

/**
 * On a first visit the map may be fetched before the service worker controls the page, so its
 * cache never saw it. Once the worker takes over, ask again through it: the browser revalidates
 * with the ETag (a 304, a few hundred bytes) and the worker keeps the map for offline use.
 */
function keepForOffline(): void {
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  if (!sw || sw.controller) return;
  sw.addEventListener(
    'controllerchange',
    () => void fetch(MAP_URL, { credentials: 'same-origin' }).catch(() => {}),
    {
      once: true,
    },
  );
}
