/**
 * Built boundary sets by version, read from the store on first use. Building one (parse the
 * GeoJSON, index it) takes tens of milliseconds, so an instance builds each version once and
 * keeps the few it uses: the active one, and the previous one while re-tagging.
 */
import type { Store } from '../../store/index.ts';
import { type BoundarySet, buildBoundarySet } from '../tagging/index.ts';

/** How many built sets are kept (least recently used dropped first). */
const KEEP = 4;

/** Built boundary sets by version. */
export interface BoundarySets {
  /** The built set of `version`; undefined if the store has no such version. */
  get(version: string): Promise<BoundarySet | undefined>;
  /** The set if it is built already, without reading the store. */
  peek(version: string): BoundarySet | undefined;
}

/** A cache of built sets over `store`; `initial` sets are there from the start. */
export function boundarySets(
  store: Pick<Store, 'boundarySetGeojson'>,
  ...initial: BoundarySet[]
): BoundarySets {
  const built = new Map<string, Promise<BoundarySet | undefined>>();
  const ready = new Map<string, BoundarySet>();
  const remember = (version: string, set: Promise<BoundarySet | undefined>) => {
    built.delete(version);
    built.set(version, set);
    while (built.size > KEEP) {
      const oldest = built.keys().next().value as string;
      built.delete(oldest);
      ready.delete(oldest);
    }
  };
  for (const set of initial) {
    remember(set.version, Promise.resolve(set));
    ready.set(set.version, set);
  }
  return {
    get(version) {
      const known = built.get(version);
      if (known) {
        remember(version, known);
        return known;
      }
      const loading = store.boundarySetGeojson(version).then((geojson) => {
        if (geojson === undefined) return undefined;
        const set = buildBoundarySet(version, JSON.parse(geojson));
        ready.set(version, set);
        return set;
      });
      // A failed read is not remembered: the next call tries again.
      loading.catch(() => built.get(version) === loading && built.delete(version));
      remember(version, loading);
      return loading;
    },
    peek: (version) => ready.get(version),
  };
}
