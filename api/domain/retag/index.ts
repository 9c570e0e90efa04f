/**
 * Boundary set activation and re-tagging (issue 4).
 *
 * Activating a version makes it the one active set and records a re-tag job, in one
 * transaction. Every server runs a {@link startRetagRunner runner}; one of them at a time (a
 * lease) works through the job in chunks: each submission's point tag is recomputed from its
 * coarse cell (rules in ./cell.ts), chosen, text and staff tags carry over (./plan.ts), the old
 * tags stay as history and the new ones become current. The job's cursor is committed with
 * every chunk, so a job cut off half-way resumes where it stopped. Every instance follows
 * activations within seconds ({@link watchActiveBoundaries}).
 *
 * Staff endpoints for activation and progress come with staff accounts (issue 5); until then
 * `npm run areas:import -- file.geojson --activate` activates, and {@link retagProgress} is
 * what such an endpoint would return.
 */
import type { RetagJob, Store } from '../../store/index.ts';
import { type RetagOptions, retagStep } from './runner.ts';
import { boundarySets } from './sets.ts';

export { bordersIn, type CellTag, type CellTagger, cellBox, cellTagger } from './cell.ts';
export { type RetagContext, retagSubmission } from './plan.ts';
export {
  RETAG_DEFAULTS,
  RETAG_LEASE,
  type RetagOptions,
  type RetagRunner,
  type RunnerOptions,
  retagStep,
  type StepOutcome,
  startRetagRunner,
} from './runner.ts';
export { type BoundarySets, boundarySets } from './sets.ts';
export { ACTIVE_POLL_MS, type ActiveBoundaries, watchActiveBoundaries, type WatchOptions } from './watch.ts';

/** Options of {@link activateBoundarySet}. */
export interface ActivateOptions {
  /** The clock (tests). */
  now?: () => Date;
  /**
   * Run the whole re-tag here before resolving, instead of leaving it to the servers' runners:
   * for a command run while no server is up. Servers that are up still help, safely (fenced).
   */
  runToEnd?: boolean | RetagOptions;
}

/**
 * Makes `version` (already stored, e.g. by the import) the active boundary set and records its
 * re-tag job, which the servers' runners then carry out. Resolves with the job (undefined when
 * the version was already active and never re-tagged); rejects for an unknown version.
 */
export async function activateBoundarySet(
  store: Store,
  version: string,
  options: ActivateOptions = {},
): Promise<RetagJob | undefined> {
  const at = (options.now?.() ?? new Date()).toISOString();
  const job = await store.activateBoundarySet(version, { id: crypto.randomUUID(), at });
  if (job && options.runToEnd) {
    const tuning = options.runToEnd === true ? {} : options.runToEnd;
    await runRetagToEnd(store, { ...(options.now ? { now: options.now } : {}), ...tuning });
    return store.retagJob(job.id);
  }
  return job;
}

/** Runs re-tag steps until the latest job is finished and nothing is queued. */
export async function runRetagToEnd(store: Store, options: RetagOptions = {}): Promise<void> {
  const sets = options.sets ?? boundarySets(store);
  for (;;) {
    const outcome = await retagStep(store, { ...options, sets });
    if (outcome.kind === 'idle') return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Progress of a re-tag job, for operators and (with issue 5) a staff endpoint. */
export interface RetagProgress {
  job: RetagJob;
  /** 0–100, from processed / total (capped: submissions stored during the job count too). */
  percent: number;
}

/** Progress of the latest re-tag job (or of `jobId`); undefined when there is none. */
export async function retagProgress(store: Store, jobId?: string): Promise<RetagProgress | undefined> {
  const job = await store.retagJob(jobId);
  if (!job) return undefined;
  const percent =
    job.status === 'done'
      ? 100
      : job.total === 0
        ? 0
        : Math.min(99, Math.floor((job.processed / job.total) * 100));
  return { job, percent };
}
