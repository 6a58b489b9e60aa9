import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';

// The same transaction semantics on both drivers; on PGlite this exercises the dialect's mutex.
describe(`transactions through Kysely (${dbKind()})`, () => {
  let database: Database;
  const rows = async () => (await sql<{ k: string }>`select k from tx_probe order by k`.execute(database.db)).rows.map((r) => r.k);

  beforeAll(async () => {
    database = await getTestDatabase();
    await sql`create table if not exists tx_probe (k text primary key)`.execute(database.db);
    await sql`truncate tx_probe`.execute(database.db);
  });

  it('commits, and rolls back everything on an error', async () => {
    await database.db.transaction().execute(async (trx) => { await sql`insert into tx_probe values ('a')`.execute(trx); });
    await expect(database.db.transaction().execute(async (trx) => {
      await sql`insert into tx_probe values ('b')`.execute(trx);
      await sql`insert into tx_probe values ('a')`.execute(trx); // duplicate key
    })).rejects.toThrow();
    expect(await rows()).toEqual(['a']);
  });

  it('rolls back to a savepoint and keeps the rest', async () => {
    const trx = await database.db.startTransaction().execute();
    await sql`insert into tx_probe values ('c')`.execute(trx);
    const sp = await trx.savepoint('before_d').execute();
    await sql`insert into tx_probe values ('d')`.execute(sp);
    await sp.rollbackToSavepoint('before_d').execute();
    await trx.commit().execute();
    expect(await rows()).toEqual(['a', 'c']);
  });

  it('keeps 30 concurrent transactions apart: the failing ones leave nothing, the others all land', async () => {
    await sql`truncate tx_probe`.execute(database.db);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        database.db.transaction().execute(async (trx) => {
          await sql`insert into tx_probe values (${`t${String(i).padStart(2, '0')}`})`.execute(trx);
          const seen = (await sql<{ n: number }>`select count(*)::int as n from tx_probe where k = ${`t${String(i).padStart(2, '0')}`}`.execute(trx)).rows[0]!.n;
          expect(seen).toBe(1); // its own write is visible inside
          await new Promise((r) => setTimeout(r, i % 3));
          if (i % 4 === 0) throw new Error(`fail ${i}`);
        }),
      ),
    );
    const ok = results.map((r, i) => (r.status === 'fulfilled' ? `t${String(i).padStart(2, '0')}` : null)).filter(Boolean);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(8);
    expect(await rows()).toEqual(ok);
  });

  it('passes values only as parameters: quotes and SQL in a value stay text', async () => {
    const evil = "x'); drop table tx_probe; --";
    await sql`insert into tx_probe values (${evil})`.execute(database.db);
    expect(await rows()).toContain(evil);
  });
});
