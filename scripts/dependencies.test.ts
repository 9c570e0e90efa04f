import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_LICENCES,
  browserPackages,
  productionPackages,
  runtimeDependencies,
} from './dependencies.ts';

const operations = readFileSync(new URL('../docs/operations.md', import.meta.url), 'utf8');

function documentedRows(): string[][] {
  const block = /<!-- dependencies:start -->([\s\S]*?)<!-- dependencies:end -->/.exec(operations)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| package') && !line.startsWith('|---'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('runtime dependencies', () => {
  it('should be listed in docs/operations.md with the versions and licences package-lock.json resolves', () => {
    const expected = runtimeDependencies().map((d) => [d.name, d.version, d.licence, d.runsIn]);
    expect(documentedRows()).toEqual(expected);
  });

  it('should count the packages the browser bundle imports, such as preact and idb', () => {
    const browser = browserPackages();
    for (const name of ['preact', 'idb', 'workbox-window', 'valibot']) expect(browser).toContain(name);
    expect(browser).not.toContain('vitest');
  });

  it('should all, transitive ones included, carry an accepted licence', () => {
    const refused = productionPackages().filter((p) => !ACCEPTED_LICENCES.has(p.licence));
    expect(refused).toEqual([]);
  });
});
