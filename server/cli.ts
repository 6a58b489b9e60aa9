import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { bootstrapDatabase } from './bootstrap.js';
import { AppError } from './errors.js';
import { analyzeTables } from './db/maintenance.js';
import { importBoundarySet } from './boundary-sets/boundary-import.service.js';
import { deleteBoundarySet, findBoundarySet, listBoundarySets } from './boundary-sets/boundary-sets.repository.js';
import { loadDemoData } from './demo/demo.service.js';
import { runStationsCli, STATIONS_USAGE } from './uploads/uploads.cli.js';
import { AUTH_USAGE, runAuthCommand } from './auth/auth.cli.js';
import { generateDemoData } from '../seeds/demo-data.js';

const USAGE = `Usage: npm run cli -- <command>

  boundaries import <file.geojson> --set "<name>" --code-field <prop> --name-field <prop>
      [--level district|commune|province|country|other] [--parent-field <prop>]
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

async function main(argv: string[]) {
  // Their own options and exit codes (2: usage), parsed before any database is opened.
  if (argv[0] === 'stations') return void (process.exitCode = await runStationsCli(argv.slice(1), openForStations));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      set: { type: 'string' }, 'code-field': { type: 'string' }, 'name-field': { type: 'string' },
      level: { type: 'string' }, 'parent-field': { type: 'string' }, 'population-field': { type: 'string' },
      source: { type: 'string' }, licence: { type: 'string' }, 'valid-from': { type: 'string' }, 'valid-to': { type: 'string' },
      help: { type: 'boolean', short: 'h' }, operator: { type: 'string' },
      role: { type: 'string' }, areas: { type: 'string' }, name: { type: 'string' }, 'display-name': { type: 'string' },
    },
  });
  const [group, command, file] = positionals;
  if (values.help || !group) return void console.log(USAGE);
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
      if (!file || !values.set || !values['code-field'] || !values['name-field']) throw new Error(`boundaries import needs a file, --set, --code-field and --name-field\n\n${USAGE}`);
      const input = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      const report = await db.transaction().execute((trx) =>
        importBoundarySet(trx, {
          name: values.set!, level: values.level as 'district' | undefined, source: values.source ?? file,
          licence: values.licence ?? null, validFrom: values['valid-from'] ?? null, validTo: values['valid-to'] ?? null,
        }, input, {
          codeField: values['code-field']!, nameField: values['name-field']!,
          parentField: values['parent-field'], populationField: values['population-field'],
        }),
      );
      await analyzeTables(db);
      console.log(`imported boundary set "${report.name}" (id ${report.setId}): ${report.areas} areas; stations re-assigned`);
      for (const r of report.repaired) console.log(`  repaired area ${r.code}: ${r.reason}`);
    } else if (group === 'users' || group === 'tokens') {
      await runAuthCommand(db, group, command, file, values);
    } else {
      throw new Error(`unknown command "${positionals.join(' ')}"\n\n${USAGE}`);
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
