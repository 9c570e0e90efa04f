/**
 * A background job that runs a step now and then: every `intervalMs`, or at once when woken.
 * Shared by the mail sender, the digest scheduler and the retention job (the re-tag runner uses
 * its wakeable sleep), so each stops the same
 * way on shutdown: no new step starts, and `stop()` waits for the one running.
 */
import { hostname } from 'node:os';

/** A running periodic job. */
export interface Periodic {
  /** Runs the next step now instead of at the end of the wait (a no-op while a step runs). */
  wake(): void;
  /** Stops after the step in progress; resolves once it has finished. */
  stop(): Promise<void>;
}

/**
 * A sleep that `wake()` ends early (a no-op when nothing sleeps). Its timer never keeps the
 * process alive. For loops that wait between steps but must react at once to new work or a stop.
 */
export function wakeableSleep(): { sleep(ms: number): Promise<void>; wake(): void } {
  let wakeUp: (() => void) | undefined;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          wakeUp = undefined;
          resolve();
        }, ms);
        timer.unref();
        wakeUp = () => {
          clearTimeout(timer);
          wakeUp = undefined;
          resolve();
        };
      }),
    wake: () => wakeUp?.(),
  };
}

/**
 * Runs `step` at once and then `intervalMs` after each step ends. A step that throws is reported
 * to `onError` and the job carries on (the next step retries); steps never overlap.
 */
export function startPeriodic(options: {
  intervalMs: number;
  step: () => Promise<unknown>;
  onError?: ((err: unknown) => void) | undefined;
}): Periodic {
  let stopped = false;
  const { sleep, wake } = wakeableSleep();
  const loop = async () => {
    while (!stopped) {
      try {
        await options.step();
      } catch (err) {
        options.onError?.(err);
      }
      if (!stopped) await sleep(options.intervalMs);
    }
  };
  const running = loop();
  return {
    wake,
    async stop() {
      stopped = true;
      wake();
      await running;
    },
  };
}

/** A lease holder name unique to this process and job instance. */
export function holderName(job: string): string {
  return `${job}:${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
}
