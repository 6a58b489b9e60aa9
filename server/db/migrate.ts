import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../sql/migrations/', import.meta.url));

/**
 * Makes sure PostGIS is there, then applies every `sql/migrations/NNNN_*.sql` not yet
 * recorded, each in its own transaction, in file-name order. Returns the versions applied.
 */
export async function migrate(db: Kysely<DB>, dir = MIGRATIONS_DIR): Promise<string[]> {
  await ensurePostgis(db);
  await sql`create table if not exists schema_migrations (
    version text primary key, applied_at timestamptz not null default now())`.execute(db);
  const done = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
  const files = readdirSync(dir).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    if (done.has(version)) continue;
    const script = readFileSync(`${dir}/${file}`, 'utf8');
    await db.transaction().execute(async (trx) => {
      await sql.raw(script).execute(trx);
      await trx.insertInto('schema_migrations').values({ version }).execute();
    });
    applied.push(version);
  }
  return applied;
}

/** Fails fast, saying how to fix it, when the server has no PostGIS (as martin does). */
export async function ensurePostgis(db: Kysely<DB>): Promise<string> {
  try {
    await sql`create extension if not exists postgis`.execute(db);
    const { rows } = await sql<{ v: string }>`select postgis_lib_version() as v`.execute(db);
    const version = rows[0]?.v ?? '';
    if (Number(version.split('.')[0]) < 3) throw new Error(`PostGIS ${version} is too old`);
    return version;
  } catch (err) {
    throw new Error(
      'PostGIS is not available in this database: ' + (err as Error).message + '\n' +
        'Fix: install PostGIS 3 for your PostgreSQL (Debian/Ubuntu: apt-get install postgresql-15-postgis-3, ' +
        'or run `docker compose up db` for a ready PostGIS) and make sure the user may CREATE EXTENSION; ' +
        'or unset DATABASE_URL to use the embedded database.',
      { cause: err },
    );
  }
}
