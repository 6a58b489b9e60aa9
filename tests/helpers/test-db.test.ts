import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { ensureAccount } from './test-auth.js';
import { dbKind, getTestDatabase, resetToDemo } from './test-db.js';

// The fixture's "the demo data" is loaded again only when the data changed since the last load.
let database: Database;
/** The newest row version of the stations: a new load writes every row again. */
const loadedAs = async () => (await sql<{ x: string }>`select max(xmin::text::bigint)::text as x from stations`.execute(database.db)).rows[0]!.x;

beforeAll(async () => {
  database = await getTestDatabase();
  await resetToDemo(database);
});

it(`loads the demo again only after a write to the data, not after a sign-in (${dbKind()})`, async () => {
  const { db } = database;
  const first = await loadedAs();
  await ensureAccount(db, 'planner', { username: 'demo-reuse-planner' });
  await resetToDemo(database);
  expect(await loadedAs()).toBe(first);

  await sql`update targets set name = name where is_default`.execute(db);
  await resetToDemo(database);
  const second = await loadedAs();
  expect(second).not.toBe(first);

  // A row added and removed again leaves the rows as they were but moves the ids: loaded again.
  await sql`insert into scenarios (name, parameters) values ('tmp', '{}')`.execute(db);
  await sql`delete from scenarios`.execute(db);
  await resetToDemo(database);
  expect(await loadedAs()).not.toBe(second);
}, 180_000); // two loads of the demo
