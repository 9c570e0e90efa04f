/**
 * Routes about one submission, declared `scoped` in the route table: a moderator scoped to
 * some nämnder gets 404 for a submission outside them, exactly as for one that does not exist
 * (so not even its existence leaks). The check is the store's own query with the scope.
 */
import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.ts';
import type { ApiDeps, AppEnv } from './types.ts';

/** Submission ids are UUIDs; anything much longer is not one (and is not looked up). */
const MAX_ID_CHARS = 100;

/** Middleware answering 404 when the `:id` submission is outside the caller's scope. */
export function submissionInScope(deps: Pick<ApiDeps, 'store'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const scope = c.var.scope;
    if (scope !== undefined) {
      const id = c.req.param('id') ?? '';
      if (id.length > MAX_ID_CHARS || !(await deps.store.submissionInScope(id, scope)))
        return problem(c, 404, 'There is no submission with this id.');
    }
    await next();
  };
}

/** Middleware answering 404 when the `:id` insats is outside the caller's scope. */
export function insatsInScope(deps: Pick<ApiDeps, 'store'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const scope = c.var.scope;
    if (
      scope !== undefined &&
      (await deps.store.getStaffInsats(c.req.param('id') ?? '', scope)) === undefined
    )
      return problem(c, 404, 'There is no insats with this id.');
    await next();
  };
}

/**
 * Why a scoped staff member may not give an insats these nämnder (by name), or undefined: every
 * one must be theirs, so nobody makes or changes an insats into one they could not see.
 */
export async function namnderProblem(
  deps: Pick<ApiDeps, 'store'>,
  scope: AppEnv['Variables']['scope'],
  names: readonly string[] | undefined,
): Promise<string | undefined> {
  if (scope === undefined || names === undefined) return undefined;
  const own = new Set(
    (await deps.store.listNamnder()).filter((n) => scope.namnder.includes(n.id)).map((n) => n.name),
  );
  if (names.length === 0) return 'namnder: name at least one of your nämnder';
  const other = names.find((n) => !own.has(n));
  return other === undefined ? undefined : `namnder: ${other} is not one of your nämnder`;
}
