import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/database.js';

/**
 * A fresh database for a bench part: never the user's, and never one a previous run left
 * (100,000 stations created and deleted per upload run leave dead rows that slow the next).
 * A real server gets a `<db>_<part>` database next to DATABASE_URL's; else an in-memory PGlite.
 */
export async function openBenchDatabase(part = 'bench'): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ pgliteDataDir: 'memory://' });
  const u = new URL(url);
  const name = `${u.pathname.slice(1) || 'planner'}_${part}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name.replaceAll('"', '')}"`);
  await admin.query(`create database "${name.replaceAll('"', '')}"`);
  await admin.end();
  u.pathname = `/${name}`;
  return openDatabase({ databaseUrl: u.toString(), pgliteDataDir: '' });
}

