import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { DatabaseError } from '../errors.js';
import type { DB } from './schema.js';

const QUERIES_DIR = fileURLToPath(new URL('../../sql/queries/', import.meta.url));
const cache = new Map<string, string>();

/** The names of the long queries kept in `sql/queries/*.sql`. */
export type QueryName = 'assign-stations' | 'station-steps' | 'upsert-stations' | 'station-grid' | 'upload-plan-rows' | 'upload-plan-decommission' | 'upload-write-stations' | 'upload-create-stations' | 'upload-changed-since' | 'planner-stations' | 'coverage' | 'insert-areas';

function loadQuery(name: QueryName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(`${QUERIES_DIR}/${name}.sql`, 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Runs a named `.sql` query with bound parameters ($1, $2, …) on a db or a transaction. */
export async function runQuery<R>(db: Kysely<DB> | Transaction<DB>, name: QueryName, params: readonly unknown[]) {
  try {
    return await db.executeQuery<R>(CompiledQuery.raw(loadQuery(name), [...params]));
  } catch (err) {
    throw new DatabaseError(`query ${name} failed`, err);
  }
}
