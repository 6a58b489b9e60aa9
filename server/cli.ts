import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { bootstrapDatabase } from './bootstrap.js';
import { AppError } from './errors.js';
import { analyzeTables } from './db/maintenance.js';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import { importBoundarySet, LEVELS, type Level } from './boundary-sets/boundary-import.service.js';
import { nameCodes } from './boundary-sets/boundary-features.js';
import type { ParentSource } from './boundary-sets/boundary-parents.js';
import { deleteBoundarySet, findBoundarySet, listBoundarySets } from './boundary-sets/boundary-sets.repository.js';
import { loadDemoData } from './demo/demo.service.js';
import { runStationsCli, STATIONS_USAGE } from './uploads/uploads.cli.js';
import { AUTH_USAGE, runAuthCommand } from './auth/auth.cli.js';
import { generateDemoData } from '../seeds/demo-data.js';

const USAGE = `Usage: npm run cli -- <command>

  boundaries import <file.geojson> --set "<name>" --code-field <prop> --name-field <prop>
      [--level district|commune|province|country|other] [--parent-field <prop>]
      [--parents <parents.geojson> --parent-code-field <prop> --parent-name-field <prop>]
      [--parent-level province|district|commune|country|other] [--parent-name-field <prop of the areas>]
      [--population-field <prop>] [--source "<text>"] [--licence "<text>"]
      [--valid-from YYYY-MM-DD] [--valid-to YYYY-MM-DD]
  boundaries list
  seed              (re)load the demo data: approximate districts, synthetic stations
  migrate           apply pending migrations and exit
${STATIONS_USAGE}
${AUTH_USAGE}

The database is the one the server uses: DATABASE_URL, else the embedded data folder.`;

/** The stations commands keep stdout for their report: the database's own notices go to stderr. */
async function openForStations() {
  const config = { ...loadConfig(), seedDemo: false };
  const database = await bootstrapDatabase(config, (m) => console.error(m));
  return { db: database.db, config, close: () => database.close() };
}

const OPTIONS = {
  set: { type: 'string' }, 'code-field': { type: 'string' }, 'name-field': { type: 'string' },
  level: { type: 'string' }, 'parent-field': { type: 'string' }, parents: { type: 'string' }, 'parent-level': { type: 'string' },
  'parent-code-field': { type: 'string' }, 'parent-name-field': { type: 'string' }, 'population-field': { type: 'string' },
  source: { type: 'string' }, licence: { type: 'string' }, 'valid-from': { type: 'string' }, 'valid-to': { type: 'string' },
  help: { type: 'boolean', short: 'h' }, operator: { type: 'string' },
  role: { type: 'string' }, areas: { type: 'string' }, name: { type: 'string' }, 'display-name': { type: 'string' },
} as const;
type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

class UsageError extends Error {}

/** Each command: what its one argument is (if it takes one), the options it needs, and those it may have. */
const COMMANDS: Record<string, { arg?: string; needs?: (keyof Values)[]; may?: (keyof Values)[] }> = {
  'boundaries import': { arg: 'a file', needs: ['set', 'code-field', 'name-field'], may: ['level', 'parent-field', 'parents', 'parent-level', 'parent-code-field', 'parent-name-field', 'population-field', 'source', 'licence', 'valid-from', 'valid-to'] },
  'boundaries list': {}, seed: {}, migrate: {},
  'users add': { arg: 'a username', needs: ['role'], may: ['operator', 'areas', 'set', 'display-name'] }, 'users list': {},
  'users disable': { arg: 'a username' }, 'users reset-password': { arg: 'a username' },
  'tokens create': { arg: 'a username', needs: ['name'] }, 'tokens revoke': { arg: 'a token id' },
};
const ONE_WORD = new Set(['seed', 'migrate']);
const CHOICES: Partial<Record<keyof Values, readonly string[]>> = {
  level: LEVELS, 'parent-level': LEVELS, role: ['admin', 'planner', 'operator', 'inspector'],
};

/** The command line checked before any database is opened: a mistake in it is exit code 2, like the stations commands'. */
function parseCommand(argv: string[]): { values: Values; name: string; arg: string | undefined } | null {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return null;
  const words = ONE_WORD.has(positionals[0]!) ? 1 : 2;
  const name = positionals.slice(0, words).join(' ');
  const [arg, extra] = positionals.slice(words);
  const spec = COMMANDS[name];
  if (!spec) throw new UsageError(`unknown command "${positionals.join(' ')}"`);
  if (spec.arg && arg === undefined) throw new UsageError(`${name} needs ${spec.arg}`);
  if ((spec.arg ? extra : arg) !== undefined) throw new UsageError(`unexpected argument "${spec.arg ? extra : arg}"`);
  const missing = (spec.needs ?? []).filter((o) => values[o] === undefined);
  if (missing.length) throw new UsageError(`${name} needs ${missing.map((o) => `--${o}`).join(', ')}`);
  const allowed = new Set<string>(['help', ...(spec.needs ?? []), ...(spec.may ?? [])]);
  const wrong = Object.keys(values).find((k) => !allowed.has(k));
  if (wrong) throw new UsageError(`--${wrong} is not an option of "${name}"`);
  for (const [option, choices] of Object.entries(CHOICES)) {
    const v = values[option as keyof Values];
    if (typeof v === 'string' && !choices.includes(v)) throw new UsageError(`--${option} must be ${choices.join(', ')}, not "${v}"`);
  }
  if (name === 'boundaries import') checkParentOptions(values);
  if (name === 'tokens revoke' && !/^\d{1,15}$/.test(arg!)) throw new UsageError(`tokens revoke needs a token id (digits), not "${arg}"`);
  return { values, name, arg };
}

/** The parent options go together: a parents file needs its fields, and every parent option the areas' parent field. */
function checkParentOptions(values: Values): void {
  const given = (['parents', 'parent-level', 'parent-code-field', 'parent-name-field'] as const).filter((o) => values[o] !== undefined);
  if (given.length && values['parent-field'] === undefined) throw new UsageError(`--${given[0]} needs --parent-field (the areas' property naming their parent)`);
  if (values.parents !== undefined) {
    const missing = (['parent-code-field', 'parent-name-field'] as const).filter((o) => values[o] === undefined);
    if (missing.length) throw new UsageError(`--parents needs ${missing.map((o) => `--${o}`).join(', ')} (the parents file's properties)`);
  } else if (values['parent-code-field'] !== undefined) {
    throw new UsageError('--parent-code-field needs --parents (without a parents file, the parent code is --parent-field)');
  }
}

/** A file named on the command line that is not there is a usage mistake too, said plainly (not "ENOENT … stat"). */
function checkFile(path: string): string | null {
  try {
    return statSync(path).isDirectory() ? `${path} is a folder, not a file` : null;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? `no such file: ${path}` : (err as Error).message;
  }
}

/** Reads the areas' file (and the parents' file), imports them in one transaction, and says what was done. */
async function importBoundaries(db: Kysely<DB>, file: string, values: Values): Promise<void> {
  const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const input = readJson(file);
  const parents: ParentSource | undefined = values.parents !== undefined
    ? { kind: 'file', input: readJson(values.parents), codeField: values['parent-code-field']!, nameField: values['parent-name-field']! }
    : values['parent-field'] !== undefined ? { kind: 'union', nameField: values['parent-name-field'] } : undefined;
  const report = await db.transaction().execute((trx) =>
    importBoundarySet(trx, {
      name: values.set!, level: values.level as Level | undefined, parentLevel: values['parent-level'] as Level | undefined,
      source: values.source ?? file, licence: values.licence ?? null, validFrom: values['valid-from'] ?? null, validTo: values['valid-to'] ?? null,
    }, input, {
      codeField: values['code-field']!, nameField: values['name-field']!,
      parentField: values['parent-field'], populationField: values['population-field'],
    }, parents),
  );
  await analyzeTables(db);
  const parentsSaid = report.parentLevel ? ` in ${report.parents} ${report.parentLevel} parents${values.parents === undefined ? ' (the union of their areas)' : ''}` : '';
  console.log(`imported boundary set "${report.name}" (id ${report.setId}): ${report.areas} areas${parentsSaid}; stations re-assigned`);
  if (report.repaired.length) console.log(`repaired ${report.repaired.length} invalid geometries (ST_MakeValid):`);
  for (const r of report.repaired) console.log(`  repaired ${r.level === 'parent' ? 'parent' : 'area'} ${r.code}: ${r.reason}`);
  if (report.childlessParents.length) {
    console.log(`warning: ${report.childlessParents.length} parents of the parents file have no area and were not imported: ${nameCodes(report.childlessParents)}`);
  }
}

async function main(argv: string[]) {
  // Their own options and exit codes (2: usage), parsed before any database is opened.
  if (argv[0] === 'stations') return void (process.exitCode = await runStationsCli(argv.slice(1), openForStations));
  let cmd: ReturnType<typeof parseCommand>;
  try {
    cmd = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    return void (process.exitCode = 2);
  }
  if (!cmd) return void console.log(USAGE);
  const { values, arg: file } = cmd;
  const [group, command] = cmd.name.split(' ');
  const fileProblem = cmd.name === 'boundaries import' ? checkFile(file!) ?? (values.parents === undefined ? null : checkFile(values.parents)) : null;
  if (fileProblem) return void (console.error(fileProblem), (process.exitCode = 2));
  const config = { ...loadConfig(), seedDemo: false };
  const database = await bootstrapDatabase(config, (m) => console.log(m));
  const { db } = database;
  try {
    if (group === 'migrate') {
      console.log('database is up to date');
    } else if (group === 'seed') {
      const data = generateDemoData();
      const old = await findBoundarySet(db, data.set.name);
      if (old) await deleteBoundarySet(db, old.id);
      const r = await loadDemoData(db, data);
      console.log(`demo data loaded: ${r.areas} areas, ${r.stations} stations (approximate boundaries, synthetic stations)`);
    } else if (group === 'boundaries' && command === 'list') {
      for (const s of await listBoundarySets(db)) console.log(`${s.id}\t${s.name}\t${s.level}\t${s.areaCount} areas${s.isDemo ? '\t(demo)' : ''}`);
    } else if (group === 'boundaries' && command === 'import') {
      await importBoundaries(db, file!, values);
    } else if (group === 'users' || group === 'tokens') {
      await runAuthCommand(db, group, command, file, values);
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  if (err instanceof AppError && Array.isArray(err.details)) {
    for (const d of err.details as Record<string, unknown>[]) {
      console.error(`  ${Object.entries(d).filter(([k]) => k !== 'message').map(([k, v]) => `${k} ${String(v)}`).join(', ')}: ${String(d.message)}`);
    }
  }
  process.exit(1);
});
