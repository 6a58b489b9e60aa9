import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * Refreshes the planner's statistics after a bulk load. Without it PostgreSQL plans the first
 * queries on a freshly loaded table blind (a bbox query then walks the primary key instead of
 * the GiST index: 200 ms instead of 3 ms at national scale). Runs outside any transaction.
 */
export async function analyzeTables(db: Kysely<DB>): Promise<void> {
  await sql`analyze stations, station_areas, station_colocated, areas, parent_areas`.execute(db);
}

/**
 * After a write of `changedRows` stations (a commit, a rollback), ANALYZE the station tables when
 * autovacuum would, by its default rule: 50 rows + 10 % of the table changed since the last
 * ANALYZE. Autovacuum may be off (it is on the build machine), and stale statistics made the
 * co-location and list queries pick a plan that read every station of the operator per row.
 * The database's own count of changes lags (each connection reports it when idle, after the
 * ANALYZE as often as before), so the rule is applied to this write's rows, and to the drift of
 * the live row count from the one last analysed (small writes adding up).
 */
export async function analyzeAfterWrite(db: Kysely<DB>, changedRows: number): Promise<boolean> {
  if (changedRows <= 0) return false;
  const { rows } = await sql<{ reltuples: number; live: number }>`
    select c.reltuples::float8 as reltuples, coalesce(s.n_live_tup, 0)::float8 as live
    from pg_class c left join pg_stat_user_tables s on s.relid = c.oid
    where c.oid = 'stations'::regclass`.execute(db);
  const { reltuples = -1, live = 0 } = rows[0] ?? {};
  const threshold = 50 + 0.1 * Math.max(reltuples, 0);
  if (reltuples >= 0 && changedRows <= threshold && Math.abs(live - reltuples) <= threshold) return false;
  await sql`analyze stations, station_areas, station_colocated`.execute(db);
  return true;
}
