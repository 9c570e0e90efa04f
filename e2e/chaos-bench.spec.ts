import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { type ChaosProxy, type FaultKind, startChaosProxy } from './support/chaos-proxy.ts';
import { waitForServiceWorker } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { chooseArea, leaveComment, openStart, outboxStates } from './support/journeys.ts';
import { readDevice, writeOutbox } from './support/outbox.ts';
import { startServer, type TestServer } from './support/server.ts';

/**
 * A measurement, not a check (skipped unless CHAOS_BENCH=1): five phones with 300 queued items each
 * come online through the chaos proxy; after CHAOS_MS of faults the network turns clean and the
 * spec prints how long it takes until every phone has sent everything. Nobody touches the phones
 * (no extra `online` events), as in the field.
 *
 *   CHAOS_BENCH=1 npx playwright test e2e/chaos-bench.spec.ts --workers=1
 *
 * CHAOS_KINDS=middlebox adds middlebox 403s and stalled answers to the faulty phase.
 */

const PHONES = 5;
const PER_PHONE = 300;
const CHAOS_MS = Number(process.env.CHAOS_MS ?? 60_000);
const CAP_MS = Number(process.env.CHAOS_CAP_MS ?? 300_000);
const FAULTY: Partial<Record<FaultKind, number>> =
  process.env.CHAOS_KINDS === 'middlebox'
    ? { drop: 0.15, delay: 0.1, error500: 0.15, cutAfterCommit: 0.15, middlebox403: 0.15, stall: 0.1 }
    : { drop: 0.2, delay: 0.1, error500: 0.2, cutAfterCommit: 0.2 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fillOutbox(page: Page, count: number): Promise<void> {
  const { deviceId } = await readDevice(page);
  const start = Date.now();
  const records = Array.from({ length: count }, (_, i) => {
    const id = uuidv7();
    const item = {
      schemaVersion: 1,
      id,
      kind: 'comment',
      respondent: { group: 'youth' },
      location: { areaCode: '11319' },
      deviceId,
      locale: 'sv',
      createdAt: new Date(start + i).toISOString(),
      text: `Mätkommentar ${i + 1}: fler platser att vara på efter skolan.`,
    };
    return { id, item, state: 'queued', queuedAt: start + i, attempts: 0 };
  });
  await writeOutbox(page, records);
}

test('5 phones × 300 items through the chaos proxy: time from "network clean" to "all sent"', async ({
  browser,
}) => {
  test.skip(!process.env.CHAOS_BENCH, 'a measurement: set CHAOS_BENCH=1');
  test.setTimeout(CHAOS_MS + CAP_MS + 180_000);
  let server: TestServer | undefined;
  let proxy: ChaosProxy | undefined;
  const contexts: BrowserContext[] = [];
  try {
    server = await startServer(BUILDS.a);
    proxy = await startChaosProxy({ target: server.url, seed: 20261207, rates: FAULTY, keepAlive: false });
    const pages: Page[] = [];
    for (let i = 0; i < PHONES; i++) {
      const context = await browser.newContext({ baseURL: proxy.url, serviceWorkers: 'allow' });
      contexts.push(context);
      const page = await context.newPage();
      await openStart(page);
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await chooseArea(page, 'Södra Sofielund');
      await leaveComment(page, 'En kommentar skriven utan nät.');
      await fillOutbox(page, PER_PHONE - 1);
      await page.goto('/');
      pages.push(page);
    }
    for (const page of pages) expect(await outboxStates(page)).toEqual({ queued: PER_PHONE });

    const online = Date.now();
    for (const context of contexts) await context.setOffline(false);
    await sleep(CHAOS_MS);
    proxy.setRates({});
    const clean = Date.now();
    const sentDuringChaos = (await Promise.all(pages.map((p) => outboxStates(p)))).map((s) => s.sent ?? 0);
    const doneAt: (number | undefined)[] = pages.map(() => undefined);
    let last: Record<string, number>[] = [];
    while (Date.now() - clean < CAP_MS && doneAt.some((d) => d === undefined)) {
      last = await Promise.all(pages.map((p) => outboxStates(p)));
      last.forEach((s, i) => {
        if (doneAt[i] === undefined && s.sent === PER_PHONE) doneAt[i] = Date.now() - clean;
      });
      await sleep(500);
    }
    const stored = server.storedIds();
    const fmt = (ms: number | undefined) =>
      ms === undefined ? `> ${CAP_MS / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `[chaos-bench] ${PHONES} phones × ${PER_PHONE}, ${CHAOS_MS / 1000} s of faults ${JSON.stringify(FAULTY)}`,
    );
    console.log(`[chaos-bench] sent during the faulty phase, per phone: ${sentDuringChaos.join(', ')}`);
    console.log(`[chaos-bench] network clean → all sent, per phone: ${doneAt.map(fmt).join(', ')}`);
    console.log(
      `[chaos-bench] network clean → all sent, slowest phone: ${fmt(doneAt.some((d) => d === undefined) ? undefined : Math.max(...(doneAt as number[])))}` +
        ` (online → clean ${((clean - online) / 1000).toFixed(1)} s)`,
    );
    console.log('[chaos-bench] final outbox states per phone', JSON.stringify(last));
    console.log(
      `[chaos-bench] server: ${stored.size} distinct ids, ${[...stored.values()].filter((n) => n !== 1).length} stored more than once; proxy counts`,
      proxy.counts,
    );
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
    await proxy?.close();
    await server?.stop();
  }
});
