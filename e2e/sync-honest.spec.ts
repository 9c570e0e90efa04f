import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { expectNoViolations } from './support/axe.ts';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { chooseArea, leaveComment, openMyInput, openStart, outboxStates } from './support/journeys.ts';
import { readDevice, writeOutbox } from './support/outbox.ts';

/**
 * What the person is told about items that cannot go the usual way: an answer to an insats that
 * was unpublished before it synced (plain words, the text kept, "send as a comment"), the saved
 * screen when the phone may delete what waits, and "My input" after the browser deleted queued
 * items. Screenshots at 360×640 in Swedish and Arabic go to docs/screenshots/.
 */

const SHOTS = 'docs/screenshots';
const WORDS = 'Vi vill ha mer fotboll på kvällarna, och en lärare som lyssnar.';

async function phone(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 640 });
  return page;
}

/** Writes one queued answer for an insats the server does not have (it was unpublished). */
async function queueAnswerForClosedInsats(page: Page, id: string): Promise<void> {
  const { deviceId } = await readDevice(page);
  const item = {
    schemaVersion: 1,
    id,
    kind: 'answer',
    insatsId: 'sommarlovsaktiviteter-2025',
    answers: [{ questionId: 'q-fritt', questionVersion: 1, value: WORDS }],
    respondent: { group: 'youth', ageBand: '13-15' },
    location: { areaCode: '11319' },
    deviceId: deviceId ?? 'e2e-device-0001',
    locale: 'sv',
    createdAt: new Date().toISOString(),
  };
  await writeOutbox(page, [{ id, item, state: 'queued', queuedAt: Date.now(), attempts: 0 }]);
}

test('an answer to an insats closed before it was sent: plain words, the text kept, sent as a comment instead', async ({
  browser,
  server,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const lang of ['sv', 'ar'] as const) {
    const context = await browser.newContext({ baseURL: server.url, locale: lang === 'sv' ? 'sv-SE' : 'ar' });
    const page = await phone(context);
    await page.goto('/');
    await waitForServiceWorker(page);
    const id = uuidv7();
    await queueAnswerForClosedInsats(page, id);
    await page.goto('/mina-svar');
    const attention = page.getByTestId('attention-list');
    await expect(attention.getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
    const item = attention.getByRole('listitem');
    // Never the raw insats id or the API's English.
    await expect(item).not.toContainText('sommarlovsaktiviteter-2025');
    await expect(item).not.toContainText('published');
    await expect(item).toContainText(WORDS);
    if (lang === 'sv') {
      await expect(item).toContainText('Projektet är stängt nu. Staden tar inte emot fler svar på det.');
      await expect(item).toContainText('Ett projekt som är stängt');
    } else {
      await expect(item).toContainText('هذا المشروع مغلق الآن');
    }
    await expectNoViolations(page, `My input, closed insats (${lang})`);
    await page.screenshot({ path: `${SHOTS}/sync-closed-insats-${lang}.png`, fullPage: true });

    const button = item.getByRole('button', {
      name: lang === 'sv' ? 'Skicka som kommentar' : 'أرسله كتعليق',
    });
    const box = await button.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await button.click();
    await expect(page.getByTestId('attention-list')).toHaveCount(0);
    await expect.poll(() => outboxStates(page), { timeout: 20_000 }).toEqual({ sent: 1 });
    const rows = server.query<{ kind: string; text: string; insats_id: string | null }>(
      'SELECT kind, text, insats_id FROM submissions WHERE text = ?',
      WORDS,
    );
    expect(rows.at(-1)).toMatchObject({ kind: 'comment', insats_id: null });
    expect(server.storedIds().has(id)).toBe(false);
    await context.close();
  }
});

test('the saved screen says when the phone may delete what waits, and "My input" says when it did', async ({
  browser,
  server,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const lang of ['sv', 'ar'] as const) {
    const context = await browser.newContext({ baseURL: server.url, locale: lang === 'sv' ? 'sv-SE' : 'ar' });
    const page = await phone(context);
    if (lang === 'sv') {
      await openStart(page);
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await chooseArea(page, 'Södra Sofielund');
      await leaveComment(page, 'Skriven utan nät. Den väntar på telefonen.');
    } else {
      // The Swedish run went through the app; for the Arabic screens the same record (and the
      // device's list of what it expects) are written as the app writes them.
      await page.goto('/');
      await waitForServiceWorker(page);
      await context.setOffline(true);
      const id = uuidv7();
      await queueAnswerForClosedInsats(page, id);
      await page.evaluate((x) => localStorage.setItem('kraftsamla-expected', JSON.stringify([x])), id);
      await page.goto(`/sparat/${id}`);
    }
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    const warning = page.getByTestId('storage-warning');
    if (persisted) await expect(warning).toHaveCount(0);
    else {
      await expect(warning).toBeVisible();
      await expect(warning).toHaveText(
        lang === 'sv'
          ? 'Telefonen kan radera det som väntar om minnet blir fullt. Öppna appen snart när du har internet, så skickas det.'
          : /قد يحذف هاتفك ما ينتظر/,
      );
    }
    await expectNoViolations(page, `saved, waiting (${lang})`);
    await page.screenshot({ path: `${SHOTS}/sync-saved-may-be-lost-${lang}.png`, fullPage: true });

    // The browser deletes the site's IndexedDB (storage pressure), as Chromium itself does it:
    // still offline, so neither the page nor the service worker can send the item first (on
    // `online` they would, and then nothing was lost); localStorage stays.
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(server.url).origin,
      storageTypes: 'indexeddb',
    });
    await cdp.detach();
    await context.setOffline(false);
    await page.goto('/mina-svar');
    const lost = page.getByTestId('lost-notice');
    await expect(lost).toBeVisible();
    await expect(lost).toContainText(
      lang === 'sv'
        ? 'Webbläsaren har raderat 1 som väntade på att skickas.'
        : 'حذف المتصفح 1 كانت تنتظر الإرسال',
    );
    await expectNoViolations(page, `My input after the browser deleted items (${lang})`);
    await page.screenshot({ path: `${SHOTS}/sync-lost-${lang}.png`, fullPage: true });
    await context.close();
  }
});

test('"My input" says "no internet" while offline, never "sending"', async ({ page, context }) => {
  await openStart(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await chooseArea(page, 'Södra Sofielund');
  await leaveComment(page, 'Skriven utan nät.');
  await openMyInput(page);
  await expect(page.locator('#sync-status')).toContainText('Inget internet just nu.');
  await expect(page.locator('#sync-status')).not.toContainText('Skickar');
  await page.getByRole('button', { name: 'Skicka nu' }).click();
  await expect(page.locator('#sync-status')).toContainText('Inget internet just nu.');
});
