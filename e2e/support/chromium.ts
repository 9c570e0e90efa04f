import { existsSync } from 'node:fs';

/**
 * Where the browser tests find Chromium: CHROME_PATH, then Debian's /usr/bin/chromium,
 * then Playwright's own download (undefined lets Playwright look for it).
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  return undefined;
}

/** A clear instruction when no browser can be found at all. */
export const NO_CHROMIUM_HELP =
  'No Chromium found. Install one with `apt-get install -y chromium` (Debian/Ubuntu), ' +
  'set CHROME_PATH to a Chromium/Chrome binary, or run `npx playwright install chromium` where downloads work.';
