import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ensurePostgis, migrate } from '../../server/db/migrate.js';
import type { DB } from '../../server/db/schema.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';

describe(`migrations (${dbKind()})`, () => {
  it('are recorded and applied once: a second run applies nothing', async () => {
    const { db } = await getTestDatabase();
    expect(await migrate(db)).toEqual([]);
    const done = await db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
    expect(done.map((d) => d.version)).toContain('0001_core');
  });

  it('fail fast with how to fix it when PostGIS is missing', async () => {
    // A database that answers nothing: no postgis_lib_version().
    const blind = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    await expect(ensurePostgis(blind)).rejects.toThrow(/PostGIS is not available.*apt-get install postgresql-15-postgis-3.*docker compose up db.*unset DATABASE_URL/s);
  });
});
