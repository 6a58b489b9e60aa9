import { sql } from 'kysely';
import { loadConfig, type Config } from '../../server/config.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';

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

export const dbKind = () => (process.env.DATABASE_URL ? 'postgres' : 'pglite');
