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

describe.each(STORE_KINDS)('0011 scale words on %s', (kind) => {
  it('should give older scale questions the words their answers were given to, and the examples fitting words', async () => {
    const ctx = await testStore({ kind, exampleContent: true });
    stores.push(ctx);
    // As stored before 0011: a scale question's data had no words. One of a staff-made insats
    // (generic words) and the example's (fitting words); a choice question gets none.
    const old = (text: string) => JSON.stringify({ text: { sv: text }, audience: 'everyone' });
    await ctx.query(
      "INSERT INTO insatser (id, status, published, example, data, updated_at, lifecycle) VALUES ('parken', 'ongoing', 1, 0, '{}', '2026-01-01', 'published')",
    );
    await ctx.query(
      "INSERT INTO questions (id, version, insats_id, position, kind, data, created_at, hidden) VALUES ('q-parken', 1, 'parken', 0, 'scale', ?, '2026-01-01', 0)",
      old('Hur trygg är parken?'),
    );
    await ctx.query(
      "UPDATE questions SET data = ? WHERE id = 'trygg-kvall'",
      old('Hur trygg känner du dig?'),
    );
    const choiceBefore = await ctx.query<{ data: string }>(
      "SELECT data FROM questions WHERE id = 'trygg-ute'",
    );
    // Later migrations are undone too: they run again after 0011, in order.
    await ctx.query('DROP TABLE staff_user_namnder');
    await ctx.query('ALTER TABLE staff_users DROP COLUMN input_without_insats');
    await ctx.query("DELETE FROM kysely_migration WHERE name IN ('0011_scale_words', '0012_staff_namnder')");

    const again = ctx.reopen();
    await again.migrate();

    const data = async (id: string) =>
      JSON.parse(
        (await ctx.query<{ data: string }>('SELECT data FROM questions WHERE id = ?', id))[0]?.data ?? '{}',
      ) as {
        text: { sv: string };
        scale?: { min: { sv: string; ar?: string }; max: { sv: string }; dontKnow?: boolean };
      };
    const parken = await data('q-parken');
    expect(parken.text.sv).toBe('Hur trygg är parken?');
    expect(parken.scale?.min).toEqual({ sv: 'Jättedåligt', ar: 'سيئ جدًا', en: 'Very bad' });
    expect(parken.scale?.max.sv).toBe('Jättebra');
    expect(parken.scale?.dontKnow).toBeUndefined();
    const kvall = await data('trygg-kvall');
    expect([kvall.scale?.min.sv, kvall.scale?.max.sv, kvall.scale?.dontKnow]).toEqual([
      'Inte alls trygg',
      'Mycket trygg',
      true,
    ]);
    expect(await ctx.query("SELECT data FROM questions WHERE id = 'trygg-ute'")).toEqual(choiceBefore);
    // The catalogue devices fetch has the words.
    const insats = (await again.listPublishedInsatser()).find((i) => i.id === 'parken');
    expect(insats?.questions[0]?.scale?.max.sv).toBe('Jättebra');
  });
});
