/**
 * Imports a boundary set (delområden GeoJSON) into the database DATABASE_URL names, as the
 * server reads it:
 *
 *   npm run areas:import -- <file.geojson> [--activate] [--retag-here]
 *                           [--code-property do_kod] [--name-property namn] [--version NAME]
 *
 * Checks and converts the file (api/domain/boundaries), prints every problem (exit 1) or the
 * preview against the active set, stores the set in WGS84 as a new version, and with
 * --activate makes it the active one (api/domain/retag): every server follows within seconds
 * and re-tags existing submissions in the background; --retag-here does that re-tag in this
 * command instead (for when no server runs). Names from the file are applied on activation;
 * a file without display names leaves the names people see as they are, and areas new to the
 * database take Malmö's names (api/data/malmo/malmo_delomraden_lookup.csv), not their codes.
 * A file whose coordinates lie in Malmö only with the axes exchanged or in another zone, or
 * with a feature outside the city's known extent, is refused (api/domain/boundaries/extent.ts),
 * also on an empty database.
 *
 * The default version name is the file's name and a hash of the converted set, so importing the
 * same set twice stores it once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, parseDatabaseUrl } from '../api/config/index.ts';
import { CRS_LABELS, type ImportedSet, importBoundarySet } from '../api/domain/boundaries/index.ts';
import { activateBoundarySet } from '../api/domain/retag/index.ts';
import { openStore, type Store } from '../api/store/index.ts';

const USAGE =
  'usage: npm run areas:import -- <file.geojson> [--activate] [--retag-here] ' +
  '[--code-property do_kod] [--name-property namn] [--version NAME]';

/** Where the command writes; the real one uses stdout and stderr. */
export interface Io {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

/** Runs the command; resolves with the exit code (0 done, 1 refused or failed, 2 usage). */
export async function areasImport(argv: readonly string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined || extra.length > 0) {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  let database: ReturnType<typeof parseDatabaseUrl>;
  try {
    database = parseDatabaseUrl(io.env.DATABASE_URL, io.env);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    io.err(err instanceof ConfigError ? err.message : `cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }

  const store = openStore(database);
  try {
    await store.migrate();
    return await importInto(store, file, text, args.values, io);
  } catch (err) {
    io.err(`import failed: ${(err as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      activate: { type: 'boolean', default: false },
      'retag-here': { type: 'boolean', default: false },
      'code-property': { type: 'string' },
      'name-property': { type: 'string' },
      version: { type: 'string' },
    },
  });
}

async function importInto(
  store: Store,
  file: string,
  text: string,
  options: ReturnType<typeof parse>['values'],
  io: Io,
): Promise<number> {
  const active = await store.activeBoundarySet();
  const result = importBoundarySet(text, {
    ...(options['code-property'] === undefined ? {} : { codeProperty: options['code-property'] }),
    ...(options['name-property'] === undefined ? {} : { nameProperty: options['name-property'] }),
    active: active && { version: active.version, geojson: JSON.parse(active.geojson) },
  });
  if (!result.ok) {
    io.err(
      `${file}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}; nothing was stored.`,
    );
    for (const issue of result.issues) io.err(`  - ${issue.message}`);
    return 1;
  }
  printPreview(file, result, io);

  const geojson = JSON.stringify(result.geojson);
  const hash = createHash('sha256').update(geojson).digest('hex').slice(0, 12);
  const version = options.version ?? `${basename(file, extname(file))}-${hash}`;
  const known = (await store.listBoundarySets()).some((s) => s.version === version);
  if (known && (await store.boundarySetGeojson(version)) !== geojson) {
    io.err(`version ${version} already exists with other geometry; choose another --version`);
    return 1;
  }
  if (known) io.out(`Version ${version} is already stored.`);
  else {
    await store.addBoundarySet({ version, geojson });
    io.out(`Stored as version ${version}.`);
  }

  const activeNow = await store.activeBoundaryVersion();
  if (activeNow === version && active?.version !== version) {
    // The store makes the first set of an empty database active at once.
    await store.saveAreaNames(result.areas);
    io.out(`It is the first set in this database, so it is active now.`);
    return 0;
  }
  if (!options.activate) {
    io.out('Not activated: run again with --activate to make it the active set (names are applied then).');
    return 0;
  }
  if (activeNow === version) {
    await store.saveAreaNames(result.areas);
    io.out(`${version} is already the active set.`);
    return 0;
  }
  const job = await activateBoundarySet(store, version, { runToEnd: options['retag-here'] });
  await store.saveAreaNames(result.areas);
  io.out(`Activated ${version}.`);
  if (!result.hasNames) io.out('The file has no display names: area names were left as they are.');
  const added = new Set(result.preview.added);
  const unnamed = result.areas
    .filter((a) => added.has(a.code) && a.name === undefined && a.fallbackName === undefined)
    .map((a) => a.code);
  if (unnamed.length > 0)
    io.out(`New areas named by their code until staff name them: ${unnamed.join(', ')}`);
  if (job === undefined) io.out('Nothing to re-tag.');
  else if (job.status === 'done') io.out(`Re-tagged ${job.processed} submissions.`);
  else io.out(`Re-tag job ${job.id}: ${job.total} submissions, carried out by the running servers.`);
  return 0;
}

function printPreview(file: string, set: ImportedSet, io: Io): void {
  const { preview } = set;
  io.out(`${file}: ${set.areas.length} areas in ${CRS_LABELS[set.crs.crs]}, read from the ${set.crs.from}.`);
  io.out(
    set.hasNames
      ? 'Display names: yes.'
      : "Display names: none (names already stored are kept; new areas take Malmö's names from the lookup table).",
  );
  io.out(
    preview.against === null
      ? 'No active set to compare with.'
      : `Compared with the active set ${preview.against}:`,
  );
  io.out(`  added (${preview.added.length}): ${preview.added.join(', ') || '–'}`);
  io.out(`  removed (${preview.removed.length}): ${preview.removed.join(', ') || '–'}`);
  const reshaped = preview.reshaped.map((r) => `${r.code} (${r.changedM2} m²)`);
  io.out(`  reshaped (${reshaped.length}): ${reshaped.join(', ') || '–'}`);
  io.out(`  unchanged: ${preview.unchanged}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: Io = { env: process.env, out: (l) => console.log(l), err: (l) => console.error(l) };
  areasImport(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
