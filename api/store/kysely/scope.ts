/**
 * Staff scoped by nämnd, in the store's queries: a {@link StaffScope} (nämnd ids from the
 * session) is resolved to the ids of the insatser those nämnder carry, and every scoped query
 * adds a condition on its insats column. Insatser name their nämnder in their JSON `data`, so
 * the resolution reads the (few) insatser once per call rather than parsing JSON in SQL, which
 * SQLite and PostgreSQL spell differently.
 */
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../schema.ts';
import type { StaffScope, Store } from '../types.ts';

/** A scope made concrete: the insatser it covers, and whether input without one is in it. */
export interface ResolvedScope {
  insatsIds: readonly string[];
  withoutInsats: boolean;
}

/** The insatser of `scope`'s nämnder; undefined (everything) when there is no scope. */
export async function resolveScope(
  db: Kysely<Database>,
  scope: StaffScope | undefined,
): Promise<ResolvedScope | undefined> {
  if (scope === undefined) return undefined;
  if (scope.namnder.length === 0) return { insatsIds: [], withoutInsats: scope.withoutInsats };
  const names = new Set(
    (
      await db
        .selectFrom('namnder')
        .select('name')
        .where('id', 'in', [...scope.namnder])
        .execute()
    ).map((r) => r.name),
  );
  const rows = await db.selectFrom('insatser').select(['id', 'data']).orderBy('id').execute();
  const insatsIds = rows
    .filter((r) => {
      const namnder = (JSON.parse(r.data) as { namnder?: unknown }).namnder;
      return Array.isArray(namnder) && namnder.some((n) => typeof n === 'string' && names.has(n));
    })
    .map((r) => r.id);
  return { insatsIds, withoutInsats: scope.withoutInsats };
}

/**
 * The condition "`column` is an insats of the scope" (or null, when input without one is in
 * it). `none` is the column's value for "no insats" where it is not NULL (aggregates use '').
 */
export function inScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  scope: ResolvedScope,
  none: null | '' = null,
): Expression<SqlBool> {
  const ref = sql.ref(column);
  const parts: Expression<SqlBool>[] = [];
  if (scope.insatsIds.length > 0) parts.push(sql<SqlBool>`${ref} in (${sql.join([...scope.insatsIds])})`);
  if (scope.withoutInsats)
    parts.push(none === null ? sql<SqlBool>`${ref} is null` : sql<SqlBool>`${ref} = ''`);
  return parts.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(parts);
}

/** Whether an insats (null: none) is in a resolved scope; always with no scope. */
export function insatsInScope(scope: ResolvedScope | undefined, insatsId: string | null): boolean {
  if (scope === undefined) return true;
  return insatsId === null ? scope.withoutInsats : scope.insatsIds.includes(insatsId);
}

/** The scope half of the store: whether one submission or insats is in a staff member's scope. */
export function scopeStore(db: Kysely<Database>): Pick<Store, 'submissionInScope' | 'insatsInStaffScope'> {
  return {
    async submissionInScope(id, scope) {
      const resolved = await resolveScope(db, scope);
      let q = db.selectFrom('submissions').select('id').where('id', '=', id);
      if (resolved !== undefined) q = q.where((eb) => inScope(eb, 'submissions.insats_id', resolved));
      return (await q.executeTakeFirst()) !== undefined;
    },
    async insatsInStaffScope(insatsId, scope) {
      return insatsInScope(await resolveScope(db, scope), insatsId);
    },
  };
}
