import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import { VersionedCache } from './db/data-version.js';
import type { DB } from './db/schema.js';

/** What a request handler may use: the database, the config, and caches keyed to the data version. */
export interface AppContext {
  readonly db: Kysely<DB>;
  readonly config: Config;
  readonly cache: VersionedCache<unknown>;
}

export function createContext(db: Kysely<DB>, config: Config): AppContext {
  return { db, config, cache: new VersionedCache<unknown>(200) };
}
