/**
 * The app shell (index.html) and the web app manifest, filled in with the deployment's identity
 * as they are served: the page title, description, theme colour and the identity itself (a
 * `<meta name="app-identity">` the client reads before its first paint, so the header is right
 * at once, with no script in the page and offline too: the service worker precaches the shell
 * as the server sent it).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Identity } from '../../common/identity/index.ts';

/** `&`, `<`, `>` and `"` as entities: safe inside an attribute and as element text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** index.html with the identity in its title, description, theme colour and identity meta. */
export function fillShell(html: string, identity: Identity): string {
  const content = (value: string) => (tag: string) =>
    tag.replace(/content="[^"]*"/, `content="${escapeHtml(value)}"`);
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(identity.appName)}</title>`)
    .replace(/<meta name="description"[^>]*>/, content(identity.purpose.sv))
    .replace(/<meta name="theme-color"[^>]*>/, content(identity.themeColour))
    .replace(/<meta name="app-identity"[^>]*>/, content(JSON.stringify(identity)));
}

/** The manifest the build ships, with the identity's names, description, theme and logo. */
export function fillManifest(built: Record<string, unknown>, identity: Identity): Record<string, unknown> {
  const icons = Array.isArray(built.icons) ? built.icons : [];
  return {
    ...built,
    name: `${identity.appName} – ${identity.orgName}`,
    short_name: identity.appName,
    description: identity.purpose.sv,
    theme_color: identity.themeColour,
    // The logo first (any size, it is a vector); the built PNGs stay for systems without SVG icons.
    icons: [{ src: identity.logoUrl, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }, ...icons],
  };
}

/** Reads a file of `dir` again only when it changed (a new build while the server runs). */
export function fileReader<T>(dir: string, name: string, parse: (text: string) => T) {
  let cached: { mtime: number; value: T } | undefined;
  return (): T | undefined => {
    const path = join(dir, name);
    let mtime: number;
    try {
      mtime = statSync(path).mtimeMs;
    } catch {
      return undefined;
    }
    if (cached?.mtime !== mtime) cached = { mtime, value: parse(readFileSync(path, 'utf8')) };
    return cached.value;
  };
}
