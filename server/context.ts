import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import { VersionedCache } from './db/data-version.js';
import type { DB } from './db/schema.js';
import type { Logger } from './errors.js';

/** What a request handler may use: the database, the config, caches keyed to the data version, and the log of unexpected errors. */
export interface AppContext {
  readonly db: Kysely<DB>;
  readonly config: Config;
  readonly cache: VersionedCache<unknown>;
  readonly log: Logger;
}

export function createContext(db: Kysely<DB>, config: Config, log: Logger): AppContext {
  return { db, config, cache: new VersionedCache<unknown>(200), log };
}
