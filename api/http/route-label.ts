/**
 * Labels for logs and metrics that say which route answered without repeating the URL:
 * the registered pattern (`/api/insatser/:id`), never the path with its ids or query.
 */
import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

/** Methods kept as they are; anything else a client invents is `OTHER`, so labels stay few. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The request method, or `OTHER` for a method the API never uses. */
export function methodLabel(c: Context): string {
  return METHODS.has(c.req.method) ? c.req.method : 'OTHER';
}

/**
 * The route pattern that answered, read after the handlers ran. Middleware registered for
 * every path (`/*`: the static client, not-found) gives `*`: a fixed label, because the
 * paths they see are whatever a client typed.
 */
export function routeLabel(c: Context): string {
  const route = matchedRoutes(c).at(c.req.routeIndex);
  return route && route.method !== 'ALL' ? route.path : '*';
}
