import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** The counter every write moves (triggers in 0001_core.sql); caches key on it. */
export async function readDataVersion(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.version;
}

/**
 * A small cache whose entries die when the database's data version moves, so several app
 * instances over one database never serve each other stale figures.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: number; value: V }>();
  constructor(private readonly maxEntries = 100) {}

  async get(key: string, version: number, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const value = await compute();
    this.entries.set(key, { version, value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
