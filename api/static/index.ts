/**
 * Serving the built client (the PWA) from the same process as the API.
 *
 * - `/assets/*` are content-hashed by Vite: cached for a year, immutable.
 * - `/sw.js`, `index.html` and the other files keep their names across releases:
 *   `no-cache`, so a new release is seen on the next load.
 * - Any other GET without a file extension is a client route (a deep link such as
 *   `/insats/abc`): it gets the app shell, index.html. A missing file (`/x.png`,
 *   `/assets/old.js`) stays a 404 rather than HTML under a script's name.
 * - The shell and `/manifest.webmanifest` are filled in with the deployment's identity
 *   (./shell.ts), so the app is named by configuration, not by the build.
 */
import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import type { Identity } from '../../common/identity/index.ts';
import { fileReader, fillManifest, fillShell } from './shell.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** True for paths the client never owns. */
export function isServerPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/healthz';
}

/**
 * Middleware serving `staticDir`, with the app shell as fallback for client routes.
 * If the directory does not exist, it passes every request on (the API still works).
 */
export function serveClient(staticDir: string, identity: Identity): MiddlewareHandler {
  // Made on first use and checked per request: a build made after start is served too.
  let files: MiddlewareHandler | undefined;
  const ignore = async () => {};
  const readShell = fileReader(staticDir, 'index.html', (html) => fillShell(html, identity));
  const readManifest = fileReader(staticDir, 'manifest.webmanifest', (text) =>
    JSON.stringify(fillManifest(JSON.parse(text) as Record<string, unknown>, identity)),
  );
  const shell = (c: Context) => {
    const html = readShell();
    if (html === undefined) return undefined;
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  };
  return async (c, next) => {
    const { method, path } = c.req;
    if ((method !== 'GET' && method !== 'HEAD') || isServerPath(path) || !existsSync(staticDir))
      return next();
    if (path === '/' || path === '/index.html') return shell(c) ?? next();
    if (path === '/manifest.webmanifest') {
      const manifest = readManifest();
      if (manifest === undefined) return next();
      c.header('Content-Type', 'application/manifest+json');
      c.header('Cache-Control', 'no-cache');
      return c.body(manifest);
    }
    files ??= serveStatic({ root: staticDir });
    const file = await files(c, ignore);
    if (file instanceof Response) {
      file.headers.set('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      return file;
    }
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    if (path.startsWith('/assets/') || lastSegment.includes('.')) return next();
    return shell(c) ?? next();
  };
}
