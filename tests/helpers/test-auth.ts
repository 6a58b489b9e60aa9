import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.js';
import { findUserById, findUserForLogin } from '../../server/auth/auth.repository.js';
import { createApiToken, createUser } from '../../server/auth/auth-users.service.js';
import type { Role } from '../../server/auth/auth.tables.js';

export type { Role };

/**
 * Test accounts. resetDatabase leaves users alone (no foreign key from users to areas), so an
 * account made by one test file is still there in the next: each is found or made by name.
 */
export const TEST_PASSWORD = 'test-password-Mật-khẩu-1';

export interface AccountOptions {
  /** Default: by role, `test-admin`, `test-planner`, `test-operator-vnpt`, `test-inspector-883-884`. */
  username?: string;
  /** Operators only; default VNPT. */
  operator?: string;
  /** Inspectors only: the area codes they may see (default: no limit). */
  areas?: string[];
  /** The display name (default: the username) of an account made now. */
  name?: string;
}

export interface Account { id: number; username: string; password: string; role: Role }

export async function ensureTestUser(
  db: Kysely<DB>,
  username: string,
  spec: { role: Role; operator?: string; jurisdiction?: { set?: string | number; areas: string[] }; displayName?: string },
) {
  const found = await findUserForLogin(db, username);
  if (found) return (await findUserById(db, found.id))!;
  const { user } = await createUser(db, { ...spec, username, password: TEST_PASSWORD });
  return user;
}

/**
 * The account of a role, found by name or made (an existing one is taken as it is). The same
 * options give the same account, so `app.token('operator')` and `app.signIn(page, 'operator')`
 * are one person.
 */
export async function ensureAccount(db: Kysely<DB>, role: Role, o: AccountOptions = {}): Promise<Account> {
  const operator = role === 'operator' ? o.operator ?? 'VNPT' : undefined;
  const areas = role === 'inspector' ? o.areas : undefined;
  const username = o.username ?? ['test', role, operator?.toLowerCase(), ...(areas ?? [])].filter(Boolean).join('-');
  const user = await ensureTestUser(db, username, { role, operator, ...(areas && { jurisdiction: { areas } }), ...(o.name && { displayName: o.name }) });
  return { id: user.id, username, password: TEST_PASSWORD, role: user.role };
}

/** A fresh bearer token of the account `ensureAccount` names. */
export async function accountToken(db: Kysely<DB>, role: Role, o: AccountOptions = {}): Promise<string> {
  const { id } = await ensureAccount(db, role, o);
  return (await createApiToken(db, (await findUserById(db, id))!, { name: 'test' })).token;
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
