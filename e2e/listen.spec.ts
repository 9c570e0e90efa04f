import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import ar from '../client/i18n/ar.ts';
import en from '../client/i18n/en.ts';
import sv from '../client/i18n/sv.ts';
import { acceptPrivacy, SUMMER } from './support/a11y-participant.ts';
import { expectNoViolations } from './support/axe.ts';
import { findChromium } from './support/chromium.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * "Lyssna" with real voices, no stubs: Debian's Chromium speaks through speech-dispatcher and
 * espeak-ng (installed by scripts/test-setup.sh) when started with `--enable-speech-dispatcher`.
 * Headless Chromium offers no voices at all, so these tests start a headed Chromium on a virtual
 * X display (Xvfb, started here when there is no DISPLAY). Speech-dispatcher is started here too,
 * before the browser (Chromium asks for the voices once, so an autospawned server that is still
 * loading espeak-ng gives it none), with audio to libao's null driver: a machine without sound
 * otherwise leaves it stuck after the first utterance. The usual headless page doubles as the
 * device without voices.
 */

let xvfb: ChildProcess | undefined;
let speechd: ChildProcess | undefined;
let speechdDir: string | undefined;
let display = process.env.DISPLAY;
let speaking: Browser;

/** Starts Xvfb on a free display and resolves with its name (`:N`). */
function startXvfb(): Promise<string> {
  if (!existsSync('/usr/bin/Xvfb'))
    throw new Error(
      'listen.spec needs Xvfb for a headed Chromium: apt-get install -y xvfb (scripts/test-setup.sh does).',
    );
  return new Promise((resolve, reject) => {
    // -displayfd 1: Xvfb picks a free display and writes its number on stdout.
    xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '1', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    xvfb.once('error', reject);
    xvfb.stdout?.once('data', (chunk: Buffer) => resolve(`:${chunk.toString().trim()}`));
  });
}

/** Starts speech-dispatcher on its own socket and resolves with its address for libspeechd. */
async function startSpeechd(): Promise<string> {
  if (!existsSync('/usr/bin/speech-dispatcher'))
    throw new Error(
      'listen.spec needs speech-dispatcher and espeak-ng: apt-get install -y speech-dispatcher espeak-ng (scripts/test-setup.sh does).',
    );
  speechdDir = mkdtempSync(join(tmpdir(), 'kraftsamla-speechd-'));
  const conf = join(speechdDir, 'conf');
  const home = join(speechdDir, 'home');
  cpSync('/etc/speech-dispatcher', conf, { recursive: true });
  appendFileSync(join(conf, 'speechd.conf'), '\nAudioOutputMethod "libao"\nDefaultRate -100\n');
  mkdirSync(home);
  writeFileSync(join(home, '.libao'), 'default_driver=null\n');
  const socket = join(speechdDir, 'speechd.sock');
  speechd = spawn(
    '/usr/bin/speech-dispatcher',
    ['-s', '-t', '0', '-C', conf, '-L', speechdDir, '-c', 'unix_socket', '-S', socket],
    { stdio: 'ignore', env: { ...process.env, HOME: home } },
  );
  await expect.poll(() => existsSync(socket), { timeout: 30_000 }).toBe(true);
  return `unix_socket:${socket}`;
}

test.beforeAll(async () => {
  display ??= await startXvfb();
  const address = await startSpeechd();
  speaking = await chromium.launch({
    executablePath: findChromium(),
    headless: false,
    args: ['--disable-gpu', '--no-first-run', '--disable-sync', '--enable-speech-dispatcher'],
    env: { ...process.env, DISPLAY: display, SPEECHD_ADDRESS: address },
  });
});

test.afterAll(async () => {
  await speaking?.close();
  xvfb?.kill();
  speechd?.kill();
  if (speechdDir) rmSync(speechdDir, { recursive: true, force: true });
});

/** A page in the speaking browser, in `lang` as if chosen earlier on the device. */
async function speakingPage(baseURL: string, lang: string): Promise<Page> {
  const context = await speaking.newContext({
    baseURL,
    locale: 'sv-SE',
    viewport: { width: 360, height: 640 },
  });
  const page = await context.newPage();
  await page.addInitScript((code) => localStorage.setItem('kraftsamla.lang', code), lang);
  return page;
}

/** The device's voices once they have arrived (they load after the page). */
async function voiceLangs(page: Page): Promise<string[]> {
  await expect
    .poll(() => page.evaluate(() => speechSynthesis.getVoices().length), { timeout: 30_000 })
    .toBeGreaterThan(0);
  return page.evaluate(() => speechSynthesis.getVoices().map((v) => v.lang));
}

test('a Swedish voice reads the insats summary aloud, marked, with Pause, Resume and Stop', async ({
  server,
}) => {
  const page = await speakingPage(server.url, 'sv');
  await page.goto(SUMMER);
  expect(await voiceLangs(page)).toContain('sv');
  const summary = page.locator('#insats-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByRole('button', { name: sv['listen.start'] })).toBeVisible();
  await expectNoViolations(page, 'insats with Lyssna');
  await page.getByRole('button', { name: sv['listen.start'] }).click();
  await expect.poll(() => page.evaluate(() => speechSynthesis.speaking)).toBe(true);
  await expect(summary).toHaveClass(/is-read-aloud/);
  // The engine's own paused flag is not checked: with null audio (even at the slowest rate, set
  // above) espeak may finish before the click lands. The controls must change their words and keep focus.
  await page.getByRole('button', { name: sv['listen.pause'] }).click();
  await expect(page.getByRole('button', { name: sv['listen.resume'] })).toBeFocused();
  // Paused, the text stays marked: the picture of it, taken while nothing races the voice.
  await page.screenshot({ path: 'docs/screenshots/listen-sv.png' });
  await page.getByRole('button', { name: sv['listen.resume'] }).click();
  await expect(page.getByRole('button', { name: sv['listen.pause'] })).toBeFocused();
  await page.getByRole('button', { name: sv['listen.stop'] }).click();
  await expect(summary).not.toHaveClass(/is-read-aloud/);
  await expect(page.getByRole('button', { name: sv['listen.start'] })).toBeFocused();
  await expect.poll(() => page.evaluate(() => speechSynthesis.speaking)).toBe(false);
  await page.context().close();
});

test('an Arabic voice reads the insats summary aloud, marked, right to left', async ({ server }) => {
  const page = await speakingPage(server.url, 'ar');
  await page.goto(SUMMER);
  test.skip(!(await voiceLangs(page)).some((l) => l.startsWith('ar')), 'no Arabic voice on this machine');
  const summary = page.locator('#insats-summary');
  await page.getByRole('button', { name: ar['listen.start'] }).click();
  await expect.poll(() => page.evaluate(() => speechSynthesis.speaking)).toBe(true);
  await page.getByRole('button', { name: ar['listen.pause'] }).click();
  await expect(summary).toHaveClass(/is-read-aloud/);
  await page.screenshot({ path: 'docs/screenshots/listen-ar.png' });
  await page.getByRole('button', { name: ar['listen.stop'] }).click();
  await expect(summary).not.toHaveClass(/is-read-aloud/);
  await page.context().close();
});

test('an English voice reads a question aloud', async ({ server }) => {
  const page = await speakingPage(server.url, 'en');
  await page.goto(`${SUMMER}/fragor`);
  await acceptPrivacy(page, en);
  expect((await voiceLangs(page)).some((l) => l.startsWith('en'))).toBe(true);
  await expect(page.getByRole('button', { name: en['listen.start'] })).toBeVisible();
  await expectNoViolations(page, 'question with Lyssna');
  await page.getByRole('button', { name: en['listen.start'] }).click();
  await expect.poll(() => page.evaluate(() => speechSynthesis.speaking)).toBe(true);
  await expect(page.locator('#q-question')).toHaveClass(/is-read-aloud/);
  await page.context().close();
});

test('no Lyssna on a device without voices', async ({ page }) => {
  await page.goto(SUMMER);
  await expect(page.locator('#insats-summary')).toBeVisible();
  // Headless Chromium has no speech voices: the device this test is about.
  expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.btn-listen')).toHaveCount(0);
});

// Languages espeak-ng has no voice for: Lyssna is not offered in them, even for Swedish text.
for (const code of ['so', 'ckb', 'ti']) {
  const present = existsSync(new URL(`../client/i18n/${code}.ts`, import.meta.url));
  test(`no Lyssna in a language without a voice: ${code}`, async ({ server }) => {
    test.skip(!present, `client/i18n/${code}.ts is not on this branch yet`);
    const page = await speakingPage(server.url, code);
    await page.goto(SUMMER);
    const langs = await voiceLangs(page);
    expect(langs).toContain('sv');
    expect(langs.filter((l) => l.split('-')[0] === code)).toEqual([]);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('#insats-summary')).toBeVisible();
    await expect(page.locator('.btn-listen')).toHaveCount(0);
    await page.context().close();
  });
}
