/**
 * Lighthouse (mobile settings: Lighthouse's defaults, a mid-range phone on a slow 4G link,
 * simulated) against the built participant app: the start page and an insats page.
 *
 *   npm run lighthouse                 → builds dist/ first if it has no index.html
 *   npm run lighthouse -- <dir>        → serves that build instead (e.g. dist-e2e-a)
 *   LIGHTHOUSE_JSON=<dir> npm run lighthouse   → also writes each full report there
 *
 * Starts the real server (api/server.ts) on a free port with a fresh SQLite file and the
 * example content, runs Lighthouse 12 through its Node API with chrome-launcher (CHROME_PATH, by
 * default /usr/bin/chromium; headless, no sandbox, no GPU), prints performance, accessibility,
 * best-practices and SEO scores and every audit that cost points, then stops the server.
 * Exits non-zero when a run fails (not when a score is low: the scores are for the note).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort } from '../api/test/free-port.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];

/** The build to serve: the first argument, else dist/ (built when missing). */
function staticDir(): string {
  const dir = resolve(process.argv[2] ?? 'dist');
  if (existsSync(join(dir, 'index.html'))) return dir;
  if (process.argv[2]) throw new Error(`${dir} has no index.html: build it first (npm run build)`);
  console.log('dist/ has no build: running vite build …');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
  return dir;
}

async function startServer(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dbDir = mkdtempSync(join(tmpdir(), 'kraftsamla-lighthouse-'));
  const url = `http://localhost:${port}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dbDir, 'kraftsamla.db')}`,
      STATIC_DIR: dir,
      EXAMPLE_CONTENT: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dbDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`server did not become healthy:\n${log}`);
}

/** The first published insats of the example content. */
async function firstInsatsPath(url: string): Promise<string> {
  const response = await fetch(`${url}/api/insatser`);
  const body = (await response.json()) as { insatser?: { id: string }[] };
  const id = body.insatser?.[0]?.id;
  if (!id) throw new Error('the example content has no insats');
  return `/insats/${encodeURIComponent(id)}`;
}

interface PageResult {
  path: string;
  scores: Record<string, number | null>;
  /** Audits in the scored categories that cost points (score < 1), with their weight. */
  lost: string[];
  version: string;
}

async function audit(url: string, path: string, port: number, save?: string): Promise<PageResult> {
  const result = await lighthouse(`${url}${path}`, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${lhr.runtimeError.message}`);
  if (save) {
    mkdirSync(save, { recursive: true });
    const name = path === '/' ? 'start' : path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
    writeFileSync(join(save, `${name}.json`), JSON.stringify(lhr, null, 2));
  }
  const scores: Record<string, number | null> = {};
  const lost: string[] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category?.score ?? null;
    for (const ref of category?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || ref.weight === 0 || a.score === null || a.score >= 1) continue;
      const value = a.displayValue ? ` (${a.displayValue})` : '';
      lost.push(`${id}: ${ref.id} score ${a.score}${value}`);
    }
  }
  return { path, scores, lost, version: lhr.lighthouseVersion };
}

const pct = (score: number | null | undefined) =>
  score === null || score === undefined ? '  –' : String(Math.round(score * 100)).padStart(3);

async function main(): Promise<void> {
  const dir = staticDir();
  const server = await startServer(dir);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const pages = ['/', await firstInsatsPath(server.url)];
    const results: PageResult[] = [];
    for (const path of pages)
      results.push(await audit(server.url, path, chrome.port, process.env.LIGHTHOUSE_JSON));
    console.log(`\nLighthouse ${results[0]?.version} (mobile defaults) against ${dir}\n`);
    console.log(`  perf a11y best  seo  page`);
    for (const r of results) {
      console.log(
        `  ${pct(r.scores.performance)}  ${pct(r.scores.accessibility)}  ${pct(r.scores['best-practices'])}  ${pct(r.scores.seo)}  ${r.path}`,
      );
    }
    for (const r of results) {
      if (r.lost.length)
        console.log(`\nWhat cost points on ${r.path}:\n${r.lost.map((l) => `  - ${l}`).join('\n')}`);
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
