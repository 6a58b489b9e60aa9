import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { isDatabaseEmpty, loadDemoData } from './demo/demo.service.js';
import { analyzeTables } from './db/maintenance.js';
import { syncColocationDistance } from './stations/stations.repository.js';
import { ensureFirstAdmin } from './auth/auth-users.service.js';

/**
 * Opens the configured database, applies pending migrations and, on the first start of an
 * empty database, loads the demo data. Shared by the server, the CLI, tests and the bench.
 */
export async function bootstrapDatabase(config: Config, say: (msg: string) => void = () => {}): Promise<Database> {
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database.db);
    if (applied.length) say(`migrations applied: ${applied.join(', ')}`);
    if (await syncColocationDistance(database.db, config.colocationMeters)) {
      say(`co-location recomputed for COLOCATION_METERS=${config.colocationMeters}`);
      await analyzeTables(database.db);
    }
    if (config.seedDemo && (await isDatabaseEmpty(database.db))) {
      say('empty database: loading the demo data (approximate An Giang districts, synthetic stations)…');
      const r = await loadDemoData(database.db);
      say(`demo data loaded: ${r.areas} areas, ${r.stations} stations`);
    }
    await ensureFirstAdmin(database.db, say);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
