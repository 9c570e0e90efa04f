import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, testStore } from '../test/index.ts';

const stores: TestStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** One column as both databases can describe it. */
interface Column {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
}

/** Every column of every table the migrations made, in a form that is equal across dialects. */
async function describeSchema(ctx: TestStore): Promise<Column[]> {
  let columns: Column[];
  if (ctx.kind === 'sqlite') {
    const rows = await ctx.query<{ t: string; name: string; type: string; notnull: number; pk: number }>(
      `SELECT m.name AS t, c.name, c.type, c."notnull", c.pk
         FROM sqlite_master m, pragma_table_info(m.name) c
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
    );
    // SQLite reports a primary key column as nullable unless declared NOT NULL; PostgreSQL
    // makes every primary key column NOT NULL. Both refuse NULL there in practice (text keys
    // are NOT NULL here or single-column keys that the store never leaves empty).
    columns = rows.map((r) => ({
      table: r.t,
      column: r.name,
      type: r.type.toLowerCase(),
      notNull: r.notnull === 1 || r.pk > 0,
      primaryKey: r.pk > 0,
    }));
  } else {
    const rows = await ctx.query<{ t: string; name: string; type: string; nullable: string; pk: boolean }>(
      `SELECT c.table_name AS t, c.column_name AS name,
              CASE WHEN c.data_type = 'character varying'
                   THEN 'varchar(' || c.character_maximum_length || ')' ELSE c.data_type END AS type,
              c.is_nullable AS nullable,
              EXISTS (SELECT 1 FROM information_schema.table_constraints tc
                        JOIN information_schema.key_column_usage k
                          ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
                       WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema
                         AND tc.table_name = c.table_name AND k.column_name = c.column_name) AS pk
         FROM information_schema.columns c
        WHERE c.table_schema = current_schema()`,
    );
    columns = rows.map((r) => ({
      table: r.t,
      column: r.name,
      type: r.type,
      notNull: r.nullable === 'NO',
      primaryKey: r.pk,
    }));
  }
  return columns.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

describe('migrations', () => {
  it('should build the same tables, columns, types and keys on SQLite and PostgreSQL', async () => {
    const [sqlite, postgres] = await Promise.all(STORE_KINDS.map((kind) => testStore({ kind })));
    if (!sqlite || !postgres) throw new Error('no store');
    stores.push(sqlite, postgres);
    const onSqlite = await describeSchema(sqlite);
    expect(onSqlite.map((c) => c.table)).toContain('submissions');
    expect(await describeSchema(postgres)).toEqual(onSqlite);
  });
});
