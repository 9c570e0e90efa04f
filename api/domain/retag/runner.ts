/**
 * The re-tag runner: works through the latest job in chunks, then through submissions queued by
 * instances that tagged against an older set. Every server starts one; a lease in the database
 * lets one of them work at a time, and every chunk is fenced by the job's cursor, so even two
 * runners that both believe they hold the lease cannot apply a chunk twice.
 *
 * Requests are not stalled: each chunk is read, computed in memory, then committed in one short
 * transaction, and the runner yields to the event loop between chunks.
 */
import { hostname } from 'node:os';
import { wakeableSleep } from '../../periodic/index.ts';
import type { RetagJob, RetagSubject, Store, StoredTag } from '../../store/index.ts';
import type { BoundarySet } from '../tagging/index.ts';
import { type CellTagger, cellTagger } from './cell.ts';
import { retagSubmission } from './plan.ts';
import { type BoundarySets, boundarySets } from './sets.ts';

/** The lease that decides which instance runs re-tagging. */
export const RETAG_LEASE = 'retag';

/** Tuning of a runner. */
export interface RetagOptions {
  /** Submissions per chunk (one read, one transaction). */
  chunkSize?: number;
  /** Shortest pause between chunks, in ms: the event loop and the database serve requests then. */
  pauseMs?: number;
  /**
   * The share of the instance's time the runner may take (0–1]: after a chunk that took d ms it
   * pauses d × (1 − share) / share ms. 0.5: a chunk, then as long again for requests.
   */
  share?: number;
  /** Built boundary sets, shared with the instance's active-set watcher. */
  sets?: BoundarySets;
  /** The clock (tests). */
  now?: () => Date;
}

/**
 * Defaults, from bench/retag.ts: 500 submissions per chunk keep a SQLite commit to a few ms
 * (2,000 doubled ingest p99 while re-tagging; re-tag speed is the same), and half the time for
 * the runner still re-tags a million submissions in well under a minute on SQLite.
 */
export const RETAG_DEFAULTS = { chunkSize: 500, pauseMs: 2, share: 0.5 } as const;

/** What one step did. */
export type StepOutcome =
  | { kind: 'job'; job: RetagJob; applied: boolean; done: boolean; count: number }
  | { kind: 'pending'; count: number }
  | { kind: 'idle' };

/**
 * Re-tags one chunk: of the latest job while it is running, else of the queued submissions.
 * Safe to call from anywhere at any time (every write is fenced); the runner calls it in a loop.
 */
export async function retagStep(store: Store, options: RetagOptions = {}): Promise<StepOutcome> {
  const chunkSize = options.chunkSize ?? RETAG_DEFAULTS.chunkSize;
  const sets = options.sets ?? boundarySets(store);
  const at = () => (options.now?.() ?? new Date()).toISOString();

  const job = await store.retagJob();
  if (job?.status === 'running') {
    const set = await sets.get(job.boundaryVersion);
    if (!set) throw new Error(`re-tag job ${job.id}: boundary set ${job.boundaryVersion} is missing`);
    const subjects = await store.readRetagChunk(job.cursor, chunkSize);
    const results = await compute(subjects, set, sets);
    const cursor = subjects.at(-1)?.id ?? job.cursor;
    const done = subjects.length < chunkSize;
    const applied = await store.applyRetagChunk(
      { id: job.id, from: job.cursor, cursor, done },
      { results, at: at() },
    );
    return { kind: 'job', job, applied, done, count: subjects.length };
  }

  const subjects = await store.readRetagPending(chunkSize);
  if (subjects.length === 0) return { kind: 'idle' };
  const active = await store.activeBoundaryVersion();
  const set = active === undefined ? undefined : await sets.get(active);
  if (!set) return { kind: 'idle' };
  const count = await store.applyRetagPending({ results: await compute(subjects, set, sets), at: at() });
  return { kind: 'pending', count };
}

/** New tags for every subject; loads the old sets the subjects' point tags were computed against. */
async function compute(
  subjects: readonly RetagSubject[],
  set: BoundarySet,
  sets: BoundarySets,
): Promise<Map<string, StoredTag[]>> {
  const versions = new Set(subjects.flatMap((s) => s.tags.map((t) => t.boundaryVersion)));
  for (const version of versions) await sets.get(version);
  let cells = taggers.get(set);
  if (!cells) {
    cells = cellTagger(set);
    taggers.set(set, cells);
  }
  let codes = codeSets.get(set);
  if (!codes) {
    codes = new Set(set.codes);
    codeSets.set(set, codes);
  }
  const ctx = { cells, codes, previousSet: (version: string) => sets.peek(version) };
  return new Map(subjects.map((s) => [s.id, retagSubmission(s, ctx)]));
}

// Per set, so the cell caches live as long as the set does.
const taggers = new WeakMap<BoundarySet, CellTagger>();
const codeSets = new WeakMap<BoundarySet, ReadonlySet<string>>();

/** Options of {@link startRetagRunner}. */
export interface RunnerOptions extends RetagOptions {
  store: Store;
  /** How often an idle runner looks for work, in ms. */
  pollMs?: number;
  /** How long the lease lasts without renewal; renewed every chunk. */
  leaseMs?: number;
  /** This instance's name in the lease (host, pid and random bits by default). */
  holder?: string;
  /** Where problems are reported; the runner never throws. */
  onError?: (err: unknown) => void;
  /** Told after every chunk applied (logs, tests). */
  onProgress?: (outcome: StepOutcome) => void;
}

/** A running runner. */
export interface RetagRunner {
  /** Looks for work now instead of at the next poll. */
  wake(): void;
  /** Stops after the chunk in progress (never half-way through one) and gives up the lease. */
  stop(): Promise<void>;
}

/** Starts the runner loop in the background (see the module comment). */
export function startRetagRunner(options: RunnerOptions): RetagRunner {
  const { store } = options;
  const pollMs = options.pollMs ?? 2_000;
  const leaseMs = options.leaseMs ?? 30_000;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const pauseMs = options.pauseMs ?? RETAG_DEFAULTS.pauseMs;
  const share = Math.min(1, Math.max(0.01, options.share ?? RETAG_DEFAULTS.share));
  const sets = options.sets ?? boundarySets(store);
  let stopped = false;
  const { sleep, wake: wakeUp } = wakeableSleep();

  const loop = async () => {
    while (!stopped) {
      let held = false;
      try {
        // Looking costs two small reads; only an instance with work to do takes the lease.
        const job = await store.retagJob();
        const work = job?.status === 'running' || (await store.readRetagPending(1)).length > 0;
        if (work) held = await store.claimLease(RETAG_LEASE, holder, leaseMs);
        while (held && !stopped) {
          const started = performance.now();
          const outcome = await retagStep(store, { ...options, sets });
          if (outcome.kind === 'idle') break;
          options.onProgress?.(outcome);
          // Renewed every chunk: a runner that stalls longer than leaseMs loses it to another.
          held = await store.claimLease(RETAG_LEASE, holder, leaseMs);
          // Yield: requests waiting for the event loop and the database go first.
          const took = performance.now() - started;
          await new Promise((resolve) =>
            setTimeout(resolve, Math.max(pauseMs, (took * (1 - share)) / share)),
          );
        }
      } catch (err) {
        options.onError?.(err);
      }
      if (held) await store.releaseLease(RETAG_LEASE, holder).catch(options.onError);
      if (!stopped) await sleep(pollMs);
    }
  };
  const running = loop();
  return {
    wake: wakeUp,
    async stop() {
      stopped = true;
      wakeUp();
      await running;
    },
  };
}
