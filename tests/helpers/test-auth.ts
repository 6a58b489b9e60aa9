import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.js';
import { findUserById, findUserForLogin, type UserRow } from '../../server/auth/auth.repository.js';
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

/** The user as the app stores it, with the password to sign in with. */
export type Account = UserRow & { password: string };

/**
 * The account of a role, found by name or made (an existing one is taken as it is). The same
 * options give the same account, so `app.token('operator')` and `app.signIn(page, 'operator')`
 * are one person.
 */
export async function ensureAccount(db: Kysely<DB>, role: Role, o: AccountOptions = {}): Promise<Account> {
  const operator = role === 'operator' ? o.operator ?? 'VNPT' : undefined;
  const areas = role === 'inspector' ? o.areas : undefined;
  const username = o.username ?? ['test', role, operator?.toLowerCase(), ...(areas ?? [])].filter(Boolean).join('-');
  const found = await findUserForLogin(db, username);
  const user = found ? (await findUserById(db, found.id))!
    : (await createUser(db, { username, role, operator, jurisdiction: areas && { areas }, displayName: o.name, password: TEST_PASSWORD })).user;
  return { ...user, password: TEST_PASSWORD };
}

/** A fresh bearer token of the account `ensureAccount` names. */
export async function accountToken(db: Kysely<DB>, role: Role, o: AccountOptions = {}): Promise<string> {
  return (await createApiToken(db, await ensureAccount(db, role, o), { name: 'test' })).token;
}

/** The test admin's token, for the benches' own servers (startApp sends it by default). */
export const testAdminToken = (db: Kysely<DB>) => accountToken(db, 'admin');

/** Empties the account tables: on a real PostGIS they outlive test runs, and counts must start clean. */
export async function resetAuthTables(db: Kysely<DB>): Promise<void> {
  await sql`truncate users, sessions, api_tokens, login_failures, audit_events restart identity cascade`.execute(db);
}
