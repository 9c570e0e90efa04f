/**
 * The project's runtime dependencies, read from package.json, package-lock.json and the client's
 * own imports: what runs on the server (package.json `dependencies`) and what is bundled into the
 * browser (the packages client/ and common/ import; they are devDependencies because only the
 * build needs them installed). `npm run deps:table` prints the table docs/operations.md keeps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One runtime dependency as the lockfile resolves it. */
export interface RuntimeDependency {
  name: string;
  version: string;
  licence: string;
  /** `server`, `browser`, or `both`. */
  runsIn: 'server' | 'browser' | 'both';
}

interface LockEntry {
  version?: string;
  license?: string;
  dev?: boolean;
}

const repo = new URL('..', import.meta.url).pathname;
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(repo, path), 'utf8')) as T;

/** Licences accepted for anything that runs in production (SPDX ids or expressions). */
export const ACCEPTED_LICENCES = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'Apache-2.0',
  'Unlicense',
  '(MIT OR WTFPL)',
  '(BSD-2-Clause OR MIT OR Apache-2.0)',
  // libvips, the image library under sharp: a separate, dynamically loaded shared library, which
  // the LGPL permits in a program under any licence.
  'LGPL-3.0-or-later',
  'Apache-2.0 AND LGPL-3.0-or-later',
  'Apache-2.0 AND LGPL-3.0-or-later AND MIT',
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(repo, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)'([^'.][^']*)'/g;

/** Package names imported by code that runs in the browser (client/ and common/, tests left out). */
export function browserPackages(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles('client'), ...sourceFiles('common')]) {
    for (const match of readFileSync(join(repo, file), 'utf8').matchAll(IMPORT)) {
      const spec = match[1] ?? '';
      if (spec.startsWith('node:') || spec.startsWith('virtual:')) continue;
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec));
    }
  }
  return names;
}

/** Every runtime dependency, sorted by name. */
export function runtimeDependencies(): RuntimeDependency[] {
  const pkg = readJson<{ dependencies: Record<string, string> }>('package.json');
  const lock = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json');
  const server = new Set(Object.keys(pkg.dependencies));
  const browser = browserPackages();
  return [...new Set([...server, ...browser])].sort().map((name) => {
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry?.version) throw new Error(`${name} is imported but not in package-lock.json`);
    return {
      name,
      version: entry.version,
      licence: entry.license ?? 'UNKNOWN',
      runsIn: server.has(name) && browser.has(name) ? 'both' : server.has(name) ? 'server' : 'browser',
    };
  });
}

/** Every package installed for production (the lockfile's non-dev entries), with its licence. */
export function productionPackages(): { name: string; version: string; licence: string }[] {
  const lock = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json');
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev)
    .map(([path, entry]) => ({
      name: path.replace(/^.*node_modules\//, ''),
      version: entry.version ?? '',
      licence: entry.license ?? 'UNKNOWN',
    }));
}

/** The Markdown table of {@link runtimeDependencies}. */
export function dependencyTable(): string {
  const rows = runtimeDependencies().map((d) => `| ${d.name} | ${d.version} | ${d.licence} | ${d.runsIn} |`);
  return ['| package | version | licence | runs in |', '|---|---|---|---|', ...rows].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  console.log(dependencyTable());
}
