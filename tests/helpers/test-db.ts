import { sql } from 'kysely';
import { loadConfig, type Config } from '../../server/config.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { loadDemoData } from '../../server/demo/demo.service.js';

/**
 * The database of this test run: an in-memory PGlite + PostGIS, or the real PostGIS named by
 * DATABASE_URL. Its tables are emptied by the tests, so never point DATABASE_URL at data you keep.
 */
let shared: Promise<Database> | undefined;

export function getTestDatabase(): Promise<Database> {
  shared ??= (async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDataDir: 'memory://' });
    await migrate(database.db);
    return database;
  })();
  return shared;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: 'memory://', SEED_DEMO: 'false', LOG_LEVEL: 'silent', ...overrides });
}

/** Empties every data table and puts the default target back, as a fresh migration leaves it. */
export async function resetDatabase(database: Database): Promise<void> {
  await sql`truncate station_areas, areas, boundary_sets, stations, scenarios restart identity cascade`.execute(database.db);
  await sql`delete from targets where not is_default`.execute(database.db);
}

/** The tables that make "the demo data and no upload"; the account tables are not among them. */
const DATA_TABLES = ['operators', 'boundary_sets', 'areas', 'parent_areas', 'stations', 'station_areas', 'targets', 'target_milestones',
  'scenarios', 'uploads', 'upload_changes', 'upload_issues'] as const;

/**
 * What any write to the data tables changes: each table's row count and newest row version
 * (xmin: an insert or update writes a newer one, a delete lowers the count) and the last value
 * of their id sequences (a row added and removed again still moves the ids the next one gets).
 */
async function dataSignature(database: Database): Promise<string> {
  const tables = DATA_TABLES.map((t) => sql`select ${t}::text as t, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text as v from ${sql.table(t)}`);
  const { rows } = await sql<{ t: string; v: string }>`
    ${sql.join(tables, sql` union all `)}
    union all
    select s.relname::text, coalesce(pg_sequence_last_value(s.oid), 0)::text
    from pg_class s join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
    join pg_class t on t.oid = d.refobjid
    where s.relkind = 'S' and t.relname::text in (${sql.join(DATA_TABLES)})`.execute(database.db);
  return rows.map((r) => `${r.t}=${r.v}`).sort().join(' ');
}

const demoSignatures = new WeakMap<Database, string>();

/**
 * Puts the database in the state "the demo data, no upload": emptied and the demo loaded again,
 * unless nothing has written to the data tables since this process last loaded it (files run
 * one after another in one process, and most only read the demo: a load takes seconds).
 */
export async function resetToDemo(database: Database): Promise<void> {
  const loaded = demoSignatures.get(database);
  if (loaded !== undefined && loaded === await dataSignature(database)) return;
  demoSignatures.delete(database);
  await resetDatabase(database);
  await sql`truncate uploads restart identity cascade`.execute(database.db);
  await loadDemoData(database.db);
  demoSignatures.set(database, await dataSignature(database));
}

export const dbKind = () => (process.env.DATABASE_URL ? 'postgres' : 'pglite');
