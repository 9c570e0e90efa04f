import { describe, expect, it } from 'vitest';
import sv from './sv.ts';
import first from './sv/first.ts';
import later from './sv/later.ts';

/**
 * The start screen is what the first load carries: the modules main.tsx reaches through static
 * imports. Every message key those modules name must be in sv/first.ts (else the start screen
 * would wait for the rest of Swedish, or show a gap), and nothing else should be (every other key
 * weighs on the first load for nothing).
 */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '../../common/**/*.ts', '!../**/*.test.*'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Resolves `spec` imported from `from` (both as glob keys, relative to this folder). */
function resolve(from: string, spec: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const p of spec.split('/')) {
    if (p === '.') continue;
    if (p === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(p);
  }
  // Files in this folder are globbed as ./x.ts, not ../i18n/x.ts.
  const path = parts.join('/').replace(/^\.\.\/i18n\//, '');
  return path.startsWith('.') ? path : `./${path}`;
}

function firstScreenModules(): string[] {
  const seen = new Set<string>();
  const stack = ['../main.tsx'];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    const source = sources[file];
    if (source === undefined) throw new Error(`not found: ${file}`);
    seen.add(file);
    // Static imports and re-exports, not `import type` (erased) and not import() (a later chunk).
    for (const m of source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm)) {
      const target = resolve(file, m[1] as string);
      if (/\.tsx?$/.test(target)) stack.push(target);
    }
  }
  return [...seen];
}

function keysNamedIn(files: string[]): Set<string> {
  const keys = Object.keys(sv);
  const named = new Set<string>();
  for (const file of files) {
    // The catalogue itself names every key; what counts is what the screens ask for.
    if (file === './sv.ts' || file.startsWith('./sv/')) continue;
    const source = sources[file] as string;
    for (const m of source.matchAll(/['"`]([a-zA-Z]+\.[a-zA-Z0-9._-]+)['"`]/g)) {
      if ((m[1] as string) in sv) named.add(m[1] as string);
    }
    // `status.${x}`: every key with that prefix may be asked for.
    for (const m of source.matchAll(/`([a-zA-Z]+\.)\$\{/g)) {
      for (const k of keys) if (k.startsWith(m[1] as string)) named.add(k);
    }
  }
  return named;
}

describe('the Swedish strings of the first load', () => {
  const modules = firstScreenModules();
  const named = keysNamedIn(modules);

  it('should follow the start screen through its header, area picker and list', () => {
    expect(modules).toEqual(
      expect.arrayContaining([
        '../routes/start/index.tsx',
        '../components/site-header/index.tsx',
        '../components/area-picker/index.tsx',
        '../components/insats-list/index.tsx',
      ]),
    );
    expect(modules).not.toContain('../routes/questions/index.tsx');
  });

  it('should hold every key the start screen can show', () => {
    expect([...named].filter((k) => !(k in first)).sort()).toEqual([]);
  });

  it('should hold no key the start screen never shows', () => {
    expect(Object.keys(first).filter((k) => !named.has(k))).toEqual([]);
  });

  it('should split Swedish in two without a key in both', () => {
    expect(Object.keys(first).filter((k) => k in later)).toEqual([]);
    expect(Object.keys(first).length + Object.keys(later).length).toBe(Object.keys(sv).length);
  });
});
