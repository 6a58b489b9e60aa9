import { sql } from 'kysely';
import { expect } from 'vitest';
import { ensureClientBuilt } from '../../server/client-build.js';
import type { Database } from '../../server/db/database.js';
import { loadDemoData } from '../../server/demo/demo.service.js';
import { ensureTestUser, resetAuthTables, tokenFor } from './test-auth.js';
import { getTestDatabase, resetDatabase } from './test-db.js';

/**
 * Where the upload page's browser tests start: the client built, the demo stations and no
 * upload, fresh accounts with an operator account and an admin (and its API token, to look
 * at the data behind the page).
 */
export async function uploadPageDatabase(operator: { username: string; operator: string }, admin: string): Promise<{ database: Database; adminToken: string }> {
  expect(await ensureClientBuilt()).toBe(true);
  const database = await getTestDatabase();
  await resetDatabase(database);
  await sql`truncate uploads restart identity cascade`.execute(database.db);
  await loadDemoData(database.db);
  await resetAuthTables(database.db);
  await ensureTestUser(database.db, operator.username, { role: 'operator', operator: operator.operator });
  await ensureTestUser(database.db, admin, { role: 'admin' });
  return { database, adminToken: await tokenFor(database.db, admin, { role: 'admin' }) };
}
