import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * Refreshes the planner's statistics after a bulk load. Without it PostgreSQL plans the first
 * queries on a freshly loaded table blind (a bbox query then walks the primary key instead of
 * the GiST index: 200 ms instead of 3 ms at national scale). Runs outside any transaction.
 */
export async function analyzeTables(db: Kysely<DB>): Promise<void> {
  await sql`analyze stations, station_areas, areas`.execute(db);
}
