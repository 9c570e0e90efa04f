/**
 * Serving the built client (the PWA) from the same process as the API.
 *
 * - `/assets/*` are content-hashed by Vite: cached for a year, immutable.
 * - `/sw.js`, `index.html` and the other files keep their names across releases:
 *   `no-cache`, so a new release is seen on the next load.
 * - Any other GET without a file extension is a client route (a deep link such as
 *   `/insats/abc`): it gets the app shell, index.html. A missing file (`/x.png`,
 *   `/assets/old.js`) stays a 404 rather than HTML under a script's name.
 */
import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** True for paths the client never owns. */
export function isServerPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/healthz';
}

/**
 * Middleware serving `staticDir`, with the app shell as fallback for client routes.
 * If the directory does not exist, it passes every request on (the API still works).
 */
export function serveClient(staticDir: string): MiddlewareHandler {
  // Made on first use and checked per request: a build made after start is served too.
  let serve: { files: MiddlewareHandler; shell: MiddlewareHandler } | undefined;
  const ignore = async () => {};
  return async (c, next) => {
    const { method, path } = c.req;
    if ((method !== 'GET' && method !== 'HEAD') || isServerPath(path) || !existsSync(staticDir))
      return next();
    serve ??= {
      files: serveStatic({ root: staticDir }),
      shell: serveStatic({ root: staticDir, path: 'index.html' }),
    };
    const { files, shell } = serve;
    const file = await files(c, ignore);
    if (file instanceof Response) {
      file.headers.set('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      return file;
    }
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    if (path.startsWith('/assets/') || lastSegment.includes('.')) return next();
    const page = await shell(c, ignore);
    if (page instanceof Response) {
      page.headers.set('Cache-Control', 'no-cache');
      return page;
    }
    return next();
  };
}
