/**
 * Areas, boundary sets and the insats catalogue, in portable Kysely queries.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Insats, Question } from '../../../common/wire/index.ts';
import type { Database } from '../schema.ts';
import type { AreaRecord, BoundarySetRecord, Catalogue, CatalogueQuestion, Store } from '../types.ts';
import { withRetry } from './retry.ts';

type CatalogueStore = Pick<
  Store,
  | 'seedAreas'
  | 'addBoundarySet'
  | 'activeBoundarySet'
  | 'listAreas'
  | 'saveInsats'
  | 'setExamplesPublished'
  | 'listPublishedInsatser'
  | 'getPublishedInsats'
  | 'lookupCatalogue'
>;

/**
 * How long a catalogue snapshot for ingest is used before it is read again. Writes through
 * this store refresh it at once; a change made by another instance is seen within this time.
 */
export const CATALOGUE_TTL_MS = 5_000;

/** Per database: forgets the catalogue snapshot, for other store parts that change insatser. */
const invalidators = new WeakMap<Kysely<Database>, () => void>();

/** Tells this instance's catalogue snapshot of `db` that insatser or questions changed. */
export function catalogueChanged(db: Kysely<Database>): void {
  invalidators.get(db)?.();
}

/** The catalogue half of the store. */
export function catalogueStore(db: Kysely<Database>): CatalogueStore {
  // Every batch is checked against the catalogue; it is small and changes rarely, so it is
  // read once per few seconds instead of three queries per request.
  let snapshot: { at: number; catalogue: Promise<Catalogue> } | undefined;
  const changed = () => {
    snapshot = undefined;
  };
  invalidators.set(db, changed);
  return {
    async seedAreas(areas) {
      if (areas.length === 0) return;
      // An area named by its own code is a placeholder (an import that had no name for it, as
      // imports of the official EPSG:3008 file once did): seeding names it, and gives an area
      // without a stadsområde or aliases the seeded ones (staff edit neither). Any other name,
      // maybe a staff edit, stays.
      const missing = (column: 'district' | 'aliases', empty: string) =>
        sql<string>`CASE WHEN areas.${sql.ref(column)} = ${empty} THEN excluded.${sql.ref(column)} ELSE areas.${sql.ref(column)} END`;
      await db
        .insertInto('areas')
        .values(areas.map((a) => ({ ...a, aliases: JSON.stringify(a.aliases) })))
        .onConflict((oc) =>
          oc
            .column('code')
            .doUpdateSet({
              name: sql<string>`CASE WHEN areas.name = areas.code THEN excluded.name ELSE areas.name END`,
              district: missing('district', ''),
              aliases: missing('aliases', '[]'),
            })
            .where((eb) =>
              eb.or([
                eb('areas.name', '=', eb.ref('areas.code')),
                eb('areas.district', '=', ''),
                eb('areas.aliases', '=', '[]'),
              ]),
            ),
        )
        .execute();
      changed();
    },

    async addBoundarySet(set) {
      // Instances starting together all seed; a collision is retried, not fatal.
      await withRetry(() =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('boundary_sets')
            .values({ ...set, active: 0, created_at: new Date().toISOString() })
            .onConflict((oc) => oc.column('version').doNothing())
            .execute();
          const active = await trx
            .selectFrom('boundary_sets')
            .select('version')
            .where('active', '=', 1)
            .executeTakeFirst();
          if (!active)
            await trx
              .updateTable('boundary_sets')
              .set({ active: 1 })
              .where('version', '=', set.version)
              .execute();
        }),
      );
    },

    async activeBoundarySet(): Promise<BoundarySetRecord | undefined> {
      return db
        .selectFrom('boundary_sets')
        .select(['version', 'geojson'])
        .where('active', '=', 1)
        .executeTakeFirst();
    },

    async listAreas(): Promise<AreaRecord[]> {
      const rows = await db.selectFrom('areas').selectAll().orderBy('code').execute();
      return rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
    },

    async saveInsats(insats, { published }) {
      const { id, status, example, questions, ...data } = insats;
      const now = new Date().toISOString();
      await withRetry(() =>
        db.transaction().execute(async (trx) => {
          const row = {
            status,
            published: published ? 1 : 0,
            lifecycle: published ? 'published' : 'draft',
            example: example ? 1 : 0,
            data: JSON.stringify(data),
          };
          await trx
            .insertInto('insatser')
            .values({ id, ...row, updated_at: now })
            .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: now }))
            .execute();
          // A question version is immutable once stored: answers already given refer to it.
          for (const [position, q] of questions.entries()) {
            await trx
              .insertInto('questions')
              .values({
                id: q.id,
                version: q.version,
                insats_id: id,
                position,
                kind: q.kind,
                data: JSON.stringify({
                  text: q.text,
                  options: q.options,
                  scale: q.scale,
                  audience: q.audience,
                }),
                created_at: now,
              })
              .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
              .execute();
          }
        }),
      );
      changed();
    },

    async setExamplesPublished(published) {
      await db
        .updateTable('insatser')
        .set({
          published: published ? 1 : 0,
          lifecycle: published ? 'published' : 'unpublished',
          updated_at: new Date().toISOString(),
        })
        .where('example', '=', 1)
        // An archived example stays archived.
        .where('lifecycle', '<>', 'archived')
        .execute();
      changed();
    },

    async listPublishedInsatser() {
      const rows = await db
        .selectFrom('insatser')
        .selectAll()
        .where('published', '=', 1)
        .orderBy('id')
        .execute();
      return withQuestions(db, rows);
    },

    async getPublishedInsats(id) {
      // The id comes from the URL. PostgreSQL refuses text with a NUL character (an error,
      // so a 500) where SQLite finds nothing; nothing stored can hold one, so answer "none".
      if (id.includes('\0')) return undefined;
      const row = await db
        .selectFrom('insatser')
        .selectAll()
        .where('id', '=', id)
        .where('published', '=', 1)
        .executeTakeFirst();
      return row ? (await withQuestions(db, [row]))[0] : undefined;
    },

    lookupCatalogue() {
      const now = Date.now();
      if (!snapshot || now - snapshot.at > CATALOGUE_TTL_MS) {
        const current = { at: now, catalogue: loadCatalogue(db) };
        // A failed read is not remembered: the next request tries again.
        current.catalogue.catch(() => {
          if (snapshot === current) snapshot = undefined;
        });
        snapshot = current;
      }
      return snapshot.catalogue;
    },
  };
}

type InsatsRow = Selectable<Database['insatser']>;

/** Joins each insats with the latest version of each of its questions, in position order. */
async function withQuestions(db: Kysely<Database>, rows: InsatsRow[]): Promise<Insats[]> {
  if (rows.length === 0) return [];
  const questionRows = await db
    .selectFrom('questions')
    .selectAll()
    .where(
      'insats_id',
      'in',
      rows.map((r) => r.id),
    )
    // A question removed after answers came in stays stored (for them), not in the catalogue.
    .where('hidden', '=', 0)
    .orderBy('version', 'desc')
    .execute();
  // Highest version first, so the first row seen per id is the latest one.
  const latest = new Map<string, (typeof questionRows)[number]>();
  for (const q of questionRows) if (!latest.has(q.id)) latest.set(q.id, q);
  return rows.map((row) => ({
    id: row.id,
    status: row.status as Insats['status'],
    example: row.example === 1,
    ...(JSON.parse(row.data) as Omit<Insats, 'id' | 'status' | 'example' | 'questions'>),
    questions: [...latest.values()]
      .filter((q) => q.insats_id === row.id)
      .sort((a, b) => a.position - b.position)
      .map((q) => ({
        id: q.id,
        version: q.version,
        kind: q.kind as Question['kind'],
        ...JSON.parse(q.data),
      })),
  }));
}

/**
 * Lifecycles whose insatser take answers: archived ones as late answers (a device may have
 * held the insats offline). Unpublished is a withdrawal: new answers are refused.
 */
const ANSWERABLE = ['published', 'archived'];

/**
 * Every insats a device may answer (published, or archived since: those are in `closed`) with every version of its questions, hidden ones too, and every area code.
 */
async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const closed = new Set<string>();
  const catalogue: Catalogue = { insatser: new Map(), areaCodes: new Set(), closed };
  const questions = await db
    .selectFrom('questions')
    .innerJoin('insatser', 'insatser.id', 'questions.insats_id')
    .select(['questions.id', 'questions.version', 'questions.insats_id', 'questions.kind', 'questions.data'])
    .where('insatser.lifecycle', 'in', ANSWERABLE)
    .execute();
  const answerable = await db
    .selectFrom('insatser')
    .select(['id', 'lifecycle'])
    .where('lifecycle', 'in', ANSWERABLE)
    .execute();
  for (const { id, lifecycle } of answerable) {
    catalogue.insatser.set(id, new Map());
    if (lifecycle !== 'published') closed.add(id);
  }
  for (const q of questions) {
    const data = JSON.parse(q.data) as Pick<Question, 'options' | 'scale'>;
    catalogue.insatser.get(q.insats_id)?.set(`${q.id}@${q.version}`, {
      id: q.id,
      version: q.version,
      kind: q.kind as CatalogueQuestion['kind'],
      optionIds: (data.options ?? []).map((o) => o.id),
      ...(data.scale?.dontKnow ? { dontKnow: true } : {}),
    });
  }
  for (const { code } of await db.selectFrom('areas').select('code').execute()) catalogue.areaCodes.add(code);
  return catalogue;
}
