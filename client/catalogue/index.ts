/**
 * The catalogue from the API: delområden and published insatser with their questions.
 * Plain GETs: the service worker answers them from its cache when there is no connection.
 * Shapes are checked lightly here (valibot stays off the first load).
 */
import { signal } from '@preact/signals';
import type { Area, Insats } from '../../common/wire/index.ts';

export interface Loadable<T> {
  data?: T;
  error?: boolean;
  loading?: boolean;
}

export const areas = signal<Loadable<Area[]>>({});
export const insatser = signal<Loadable<Insats[]>>({});

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

const collator = () => new Intl.Collator('sv');

let areasInFlight: Promise<void> | undefined;
export function loadAreas(force = false): Promise<void> {
  if (areas.value.data && !force) return Promise.resolve();
  areasInFlight ??= (async () => {
    areas.value = { ...areas.value, loading: true, error: false };
    try {
      const body = (await getJson('/api/areas')) as { areas?: Area[] };
      if (!Array.isArray(body.areas)) throw new Error('bad /api/areas');
      const c = collator();
      areas.value = { data: [...body.areas].sort((a, b) => c.compare(a.name, b.name)) };
    } catch {
      areas.value = { ...areas.value, loading: false, error: true };
    } finally {
      areasInFlight = undefined;
    }
  })();
  return areasInFlight;
}

let insatserInFlight: Promise<void> | undefined;
export function loadInsatser(force = false): Promise<void> {
  if (insatser.value.data && !force) return Promise.resolve();
  insatserInFlight ??= (async () => {
    insatser.value = { ...insatser.value, loading: true, error: false };
    try {
      const body = (await getJson('/api/insatser')) as { insatser?: Insats[] };
      if (!Array.isArray(body.insatser)) throw new Error('bad /api/insatser');
      insatser.value = { data: body.insatser };
    } catch {
      insatser.value = { ...insatser.value, loading: false, error: true };
    } finally {
      insatserInFlight = undefined;
    }
  })();
  return insatserInFlight;
}

/** One insats: from the list when it is there, else from `GET /api/insatser/:id`. */
export async function loadInsats(id: string): Promise<Insats | undefined> {
  await loadInsatser();
  const fromList = insatser.value.data?.find((i) => i.id === id);
  if (fromList) return fromList;
  try {
    const body = (await getJson(`/api/insatser/${encodeURIComponent(id)}`)) as Insats | { insats?: Insats };
    const one = 'insats' in body && body.insats ? body.insats : (body as Insats);
    return typeof one?.id === 'string' ? one : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fetches the catalogue again (bypassing what this page holds) when the device comes back online,
 * so an insats published meanwhile shows without a reload. Only what was loaded before: a page
 * that never needed the catalogue fetches nothing. Drafts keep the insats id and question version
 * they were started on, so a newer list does not change what a half-answered form sends.
 */
export function refreshCatalogueOnReconnect(): void {
  const refresh = () => {
    if (insatser.value.data) void loadInsatser(true);
    if (areas.value.data) void loadAreas(true);
  };
  // Again a little later: right after 'online' the network may not carry yet, and the service
  // worker then answers from its cache (the list the page already has).
  window.addEventListener('online', () => {
    refresh();
    setTimeout(refresh, 5000);
  });
}

export function areaName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return areas.value.data?.find((a) => a.code === code)?.name;
}
