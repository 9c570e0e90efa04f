/**
 * Following activations made elsewhere: every instance asks the database for the active
 * version's name every couple of seconds (one indexed read of a tiny table) and, when it
 * changed, builds the new set and swaps it in. createApp takes `current` as its getter, so the
 * next request tags against the new set without a restart.
 *
 * A poll rather than PostgreSQL LISTEN/NOTIFY: it works the same on both stores, needs no
 * dedicated connection, and survives reconnects without special cases. Until an instance has
 * swapped, what it stores is queued for re-tagging (see Store.saveSubmissions), so the few
 * seconds of delay never leave a submission on an old set.
 */
import type { Store } from '../../store/index.ts';
import type { BoundarySet } from '../tagging/index.ts';
import { type BoundarySets, boundarySets } from './sets.ts';

/** How often an instance checks the active version, in ms. */
export const ACTIVE_POLL_MS = 2_000;

/** The active set, kept current. */
export interface ActiveBoundaries {
  /** The active set as last seen: what requests tag against. */
  current(): BoundarySet;
  /** Checks the database now; resolves when the active set (if changed) is swapped in. */
  refresh(): Promise<void>;
  /** The built-set cache it uses (shared with the re-tag runner). */
  sets: BoundarySets;
  stop(): void;
}

/** Options of {@link watchActiveBoundaries}. */
export interface WatchOptions {
  intervalMs?: number;
  sets?: BoundarySets;
  /** Told when an activation is picked up. */
  onChange?: (set: BoundarySet) => void;
  /** Told when a check fails; the previous set stays in use. */
  onError?: (err: unknown) => void;
}

/** Loads the active set, then follows activations. Rejects when no set is active. */
export async function watchActiveBoundaries(
  store: Pick<Store, 'activeBoundaryVersion' | 'boundarySetGeojson'>,
  options: WatchOptions = {},
): Promise<ActiveBoundaries> {
  const sets = options.sets ?? boundarySets(store);
  const load = async (): Promise<BoundarySet> => {
    const version = await store.activeBoundaryVersion();
    const set = version === undefined ? undefined : await sets.get(version);
    if (!set) throw new Error('no active boundary set');
    return set;
  };
  let active = await load();
  let checking: Promise<void> | undefined;
  const refresh = () => {
    checking ??= load()
      .then((set) => {
        if (set.version === active.version) return;
        active = set;
        options.onChange?.(set);
      })
      .finally(() => {
        checking = undefined;
      });
    return checking;
  };
  const timer = setInterval(() => {
    refresh().catch((err: unknown) => options.onError?.(err));
  }, options.intervalMs ?? ACTIVE_POLL_MS);
  timer.unref();
  return {
    current: () => active,
    refresh,
    sets,
    stop: () => clearInterval(timer),
  };
}
