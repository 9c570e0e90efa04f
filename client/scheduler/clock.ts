/** Clock corrections while the app is open (see `watchClock`). */

/** How far the wall clock may move against the monotonic one before it counts as corrected. */
const CLOCK_JUMP_MS = 2 * 60_000;
const CLOCK_CHECK_MS = 30_000;

/**
 * Notices the phone's clock being corrected while the app is open (the wall clock moves, the
 * monotonic one does not) and moves the queue times of items saved before by the same amount, so
 * "waiting for more than a day" stays true to how long they really waited.
 */
export function watchClock(shift: (deltaMs: number, before: number) => Promise<void>): () => void {
  let wall = Date.now();
  let mono = performance.now();
  const tick = setInterval(() => {
    const nowWall = Date.now();
    const nowMono = performance.now();
    const jump = nowWall - wall - (nowMono - mono);
    const before = wall + (nowMono - mono);
    wall = nowWall;
    mono = nowMono;
    if (Math.abs(jump) > CLOCK_JUMP_MS) void shift(jump, before).catch(() => {});
  }, CLOCK_CHECK_MS);
  return () => clearInterval(tick);
}
