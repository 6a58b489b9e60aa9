import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.js';
import { findUserById, findUserForLogin } from '../../server/auth/auth.repository.js';
import { createApiToken, createUser } from '../../server/auth/auth-users.service.js';
import type { Role } from '../../server/auth/auth.tables.js';

/**
 * Test accounts. resetDatabase leaves users alone (no foreign key from users to areas), so an
 * account made by one test file is still there in the next: each is found or made by name.
 */
export const TEST_PASSWORD = 'test-password-Mật-khẩu-1';

export async function ensureTestUser(
  db: Kysely<DB>,
  username: string,
  spec: { role: Role; operator?: string; jurisdiction?: { set?: string | number; areas: string[] } },
) {
  const found = await findUserForLogin(db, username);
  if (found) return (await findUserById(db, found.id))!;
  const { user } = await createUser(db, { username, role: spec.role, operator: spec.operator, jurisdiction: spec.jurisdiction, password: TEST_PASSWORD });
  return user;
}

/** A fresh bearer token for a user. */
export async function tokenFor(db: Kysely<DB>, username: string, spec: Parameters<typeof ensureTestUser>[2]): Promise<string> {
  const user = await ensureTestUser(db, username, spec);
  return (await createApiToken(db, user, { name: 'test' })).token;
}

export const testAdminToken = (db: Kysely<DB>) => tokenFor(db, 'test-admin', { role: 'admin' });

/** Empties the account tables: on a real PostGIS they outlive test runs, and counts must start clean. */
export async function resetAuthTables(db: Kysely<DB>): Promise<void> {
  await sql`truncate users, sessions, api_tokens, login_failures, audit_events restart identity cascade`.execute(db);
}
