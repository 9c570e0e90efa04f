import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, NO_CHROMIUM_HELP } from './chromium.ts';

/** The two builds the tests serve: A is "the app", B is "the next release" for the update test. */
export const BUILDS = { a: 'dist-e2e-a', b: 'dist-e2e-b' } as const;

function build(outDir: string, buildId: string): void {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: outDir, BUILD_ID: buildId },
  });
  if (result.status !== 0) throw new Error(`vite build for ${outDir} failed`);
}

export default async function globalSetup(): Promise<void> {
  const path = findChromium() ?? chromium.executablePath();
  if (!path || !existsSync(path)) throw new Error(NO_CHROMIUM_HELP);
  build(BUILDS.a, 'e2e-a');
  build(BUILDS.b, 'e2e-b');
}
