import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { lockDataFolder } from './data-folder-lock.js';
import { PGliteDialect } from './pglite-dialect.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly db: Kysely<DB>;
  readonly kind: DatabaseKind;
  /** Where the data lives, for the log: a data folder or the URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

// Same parsing on both drivers: dates stay ISO strings (no time zone drift), int8 counts are numbers.
const parseInt8 = (v: string) => Number(v);
const keepText = (v: string) => v;
pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
pg.types.setTypeParser(pg.types.builtins.DATE, keepText);

/** Opens the configured database: a real PostgreSQL when `databaseUrl` is set, else embedded PGlite. */
export async function openDatabase(opts: { databaseUrl?: string | undefined; pgliteDataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPGlite(opts.pgliteDataDir);
}

async function openPostgres(url: string): Promise<Database> {
  // JIT compiles for hundreds of ms on queries that run in a few: off for this OLTP workload.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy();
    throw new Error(`Cannot connect to DATABASE_URL (${redact(url)}): ${(err as Error).message}`, { cause: err });
  }
  return { db, kind: 'postgres', location: redact(url), close: () => db.destroy() };
}

async function openPGlite(dataDir: string): Promise<Database> {
  // Loaded only here: with DATABASE_URL the server never needs PGlite's ~70 MB of WebAssembly.
  const [{ PGlite, types }, { postgis }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-postgis')]);
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataFolder(dataDir);
  let pglite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : dataDir, {
      extensions: { postgis },
      parsers: { [types.INT8]: parseInt8, [types.DATE]: keepText },
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  // Kysely's destroy closes PGlite, which flushes the data folder; skipping it can corrupt it.
  const close = async () => {
    try { await db.destroy(); } finally { unlock(); }
  };
  return { db, kind: 'pglite', location: inMemory ? 'memory' : dataDir, close };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
