/**
 * The benchmark's output: one Markdown table (pasted into docs/benchmarks.md as is) and a
 * check that every acknowledged item was stored.
 */

/** One timed run of one case. */
export interface Measured {
  perSecond: number;
  p99: number;
  failures: number;
  /** Items acknowledged with a 2xx, warm-up included. */
  acknowledged: number;
}

/** A case (server set × items per request) with its runs. */
export interface CaseResult {
  name: string;
  store: 'sqlite' | 'postgres';
  /** A bare-insert baseline rather than the app. */
  bare: boolean;
  batch: number;
  rounds: Measured[];
  /** How many rows its database holds now. */
  stored(): Promise<number>;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mean = (ns: number[]) => ns.reduce((a, b) => a + b, 0) / ns.length;

/** Prints the table and the storage check; resolves false if anything was lost or failed. */
export async function printReport(cases: CaseResult[]): Promise<boolean> {
  const rate = (c: CaseResult) => mean(c.rounds.map((r) => r.perSecond));
  const bareRate = (store: string, batch: number) => {
    const bare = cases.find((c) => c.bare && c.store === store && c.batch === batch);
    return bare ? rate(bare) : Number.NaN;
  };
  console.log('');
  console.log(
    '| case | items/request | subm/s | spread | p99 ms | ÷ bare SQLite insert | ÷ bare insert, same store |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const c of cases) {
    const perSecond = rate(c);
    const rates = c.rounds.map((r) => r.perSecond);
    // How far apart the runs were: a large spread means the machine was busy with other work.
    const spread = `±${Math.round(((Math.max(...rates) - Math.min(...rates)) / 2 / perSecond) * 100)}%`;
    const p99 = Math.max(...c.rounds.map((r) => r.p99));
    const vsSqlite = (perSecond / bareRate('sqlite', c.batch)).toFixed(2);
    const vsSame = (perSecond / bareRate(c.store, c.batch)).toFixed(2);
    console.log(
      `| ${c.name} | ${c.batch} | ${fmt(perSecond)} | ${spread} | ${p99} | ${vsSqlite} | ${vsSame} |`,
    );
  }
  console.log('');

  // The PostgreSQL app cases share one database, so they are checked together.
  const groups = new Map<string, { acknowledged: number; failures: number; stored: () => Promise<number> }>();
  for (const c of cases) {
    const key = c.bare ? c.name : `Kraftsamla on ${c.store}`;
    const g = groups.get(key) ?? { acknowledged: 0, failures: 0, stored: c.stored };
    for (const r of c.rounds) {
      g.acknowledged += r.acknowledged;
      g.failures += r.failures;
    }
    groups.set(key, g);
  }
  let ok = true;
  for (const [name, g] of groups) {
    const stored = await g.stored();
    // More stored than acknowledged is expected: requests in flight when a run ends are
    // committed but not counted. Fewer would mean an acknowledged item was lost.
    console.log(
      `${name}: ${fmt(g.acknowledged)} items acknowledged, ${fmt(stored)} stored, ${g.failures} failed requests`,
    );
    if (stored < g.acknowledged || g.failures > 0) ok = false;
  }
  return ok;
}
