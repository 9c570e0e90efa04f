/**
 * Test support: a real, tiny filesystem (a tmpfs of a given size, mounted on a temp dir) that
 * a test fills to the last byte and empties again, to see what the app does when its disk is
 * full. Mounting needs root (CAP_SYS_ADMIN); where it is not allowed,
 * {@link mountTinyFs} resolves with the reason instead, so the test can skip saying why.
 */
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A mounted tiny filesystem. */
export interface TinyFs {
  dir: string;
  /** Writes a filler file until the filesystem has no byte left (ENOSPC). */
  fill(): void;
  /** Removes the filler file: the space is back. */
  free(): void;
  /** Unmounts and removes the mount point (also after a failed test). */
  remove(): Promise<void>;
}

/** Mounts a tmpfs of `bytes` on a new temp dir, or says why it cannot. */
export async function mountTinyFs(bytes: number): Promise<TinyFs | { unavailable: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kraftsamla-tinyfs-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir]);
  } catch (err) {
    rmdirSync(dir);
    const stderr = String((err as { stderr?: unknown }).stderr ?? (err as Error).message).trim();
    return { unavailable: `cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): ${stderr}` };
  }
  const filler = join(dir, 'filler');
  let mounted = true;
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Big pieces first, then ever smaller ones, so not even one byte is left.
        for (const size of [1 << 20, 1 << 16, 4096, 512, 1]) {
          const piece = Buffer.alloc(size, 0x2e);
          try {
            for (;;) writeSync(fd, piece);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    async remove() {
      if (!mounted) return;
      mounted = false;
      // Lazy, so a process that still holds a file open cannot keep the mount behind.
      await run('umount', ['-l', dir]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
