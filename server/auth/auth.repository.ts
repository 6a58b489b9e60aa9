import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AuthTables, Role } from './auth.tables.js';

type Db = Kysely<DB> | Transaction<DB>;
const withAuth = (db: Db) => (db as Kysely<DB>).withTables<AuthTables>();

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  operatorId: number | null;
  operatorCode: string | null;
  jurisdictionSetId: number | null;
  jurisdictionCodes: string[] | null;
  disabled: boolean;
  createdAt: Date;
}

function selectUsers(db: Db) {
  return withAuth(db)
    .selectFrom('users as u')
    .leftJoin('operators as o', 'o.id', 'u.operator_id')
    .select([
      'u.id', 'u.username', 'u.display_name as displayName', 'u.role', 'u.operator_id as operatorId', 'o.code as operatorCode',
      'u.jurisdiction_set_id as jurisdictionSetId', 'u.jurisdiction_codes as jurisdictionCodes', 'u.disabled', 'u.created_at as createdAt',
    ]);
}

export const listUsers = (db: Db): Promise<UserRow[]> => selectUsers(db).orderBy('u.id').execute();
export const findUserById = (db: Db, id: number): Promise<UserRow | undefined> => selectUsers(db).where('u.id', '=', id).executeTakeFirst();

export async function findUserForLogin(db: Db, username: string): Promise<(UserRow & { passwordHash: string }) | undefined> {
  return selectUsers(db).select('u.password_hash as passwordHash')
    .where(sql<string>`lower(u.username)`, '=', username.toLowerCase()).executeTakeFirst();
}

export interface NewUser {
  username: string; displayName: string; role: Role; operatorId: number | null;
  jurisdictionSetId: number | null; jurisdictionCodes: string[] | null; passwordHash: string;
}

export async function insertUser(db: Db, u: NewUser): Promise<number> {
  const row = await withAuth(db).insertInto('users').values({
    username: u.username, display_name: u.displayName, role: u.role, operator_id: u.operatorId,
    jurisdiction_set_id: u.jurisdictionSetId, jurisdiction_codes: u.jurisdictionCodes, password_hash: u.passwordHash,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type UserPatch = Partial<Omit<NewUser, 'username'> & { disabled: boolean }>;

export async function updateUser(db: Db, id: number, p: UserPatch): Promise<boolean> {
  const set = {
    ...(p.displayName !== undefined && { display_name: p.displayName }),
    ...(p.role !== undefined && { role: p.role }),
    ...(p.operatorId !== undefined && { operator_id: p.operatorId }),
    ...(p.jurisdictionSetId !== undefined && { jurisdiction_set_id: p.jurisdictionSetId }),
    ...(p.jurisdictionCodes !== undefined && { jurisdiction_codes: p.jurisdictionCodes }),
    ...(p.passwordHash !== undefined && { password_hash: p.passwordHash }),
    ...(p.disabled !== undefined && { disabled: p.disabled }),
  };
  if (!Object.keys(set).length) return (await findUserById(db, id)) !== undefined;
  const r = await withAuth(db).updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await withAuth(db).selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin').where('disabled', '=', false).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countUsers(db: Db): Promise<number> {
  const r = await withAuth(db).selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

// Sessions: looked up by the hash of the cookie's secret, alive only before expires_at (DB clock).
/** Expiry by the database clock, the one findLiveSession compares with: instances' clocks may differ. */
export async function insertSession(db: Db, s: { idHash: string; userId: number; csrfToken: string; ttlHours: number }): Promise<Date> {
  const r = await withAuth(db).insertInto('sessions').values({
    id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken,
    expires_at: sql<Date>`now() + make_interval(secs => ${s.ttlHours * 3600}::float8)`,
  }).returning('expires_at').executeTakeFirstOrThrow();
  return r.expires_at;
}

export async function findLiveSession(db: Db, idHash: string): Promise<{ userId: number; csrfToken: string; expiresAt: Date } | undefined> {
  return withAuth(db).selectFrom('sessions')
    .select(['user_id as userId', 'csrf_token as csrfToken', 'expires_at as expiresAt'])
    .where('id_hash', '=', idHash).where('expires_at', '>', sql<Date>`now()`).executeTakeFirst();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await withAuth(db).deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await withAuth(db).deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await withAuth(db).deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).execute();
}

// API tokens
export async function insertToken(db: Db, t: { tokenHash: string; name: string; userId: number; createdBy: number | null }): Promise<number> {
  const r = await withAuth(db).insertInto('api_tokens')
    .values({ token_hash: t.tokenHash, name: t.name, user_id: t.userId, created_by: t.createdBy })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The live token's user id; marks it used (one write a request: tokens are for scripts, not page loads). */
export async function useToken(db: Db, tokenHash: string): Promise<number | undefined> {
  const r = await withAuth(db).updateTable('api_tokens').set({ last_used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash).where('revoked_at', 'is', null)
    .returning('user_id').executeTakeFirst();
  return r?.user_id;
}

export interface TokenRow { id: number; name: string; userId: number; username: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }

export async function listTokens(db: Db, userId?: number): Promise<TokenRow[]> {
  let q = withAuth(db).selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.name', 't.user_id as userId', 'u.username', 't.created_at as createdAt', 't.last_used_at as lastUsedAt', 't.revoked_at as revokedAt']);
  if (userId !== undefined) q = q.where('t.user_id', '=', userId);
  return q.orderBy('t.id').execute();
}

export async function findToken(db: Db, id: number): Promise<TokenRow | undefined> {
  return (await listTokens(db)).find((t) => t.id === id);
}

export async function revokeToken(db: Db, id: number): Promise<void> {
  await withAuth(db).updateTable('api_tokens').set({ revoked_at: sql<Date>`now()` }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

// Login rate limit: failures in a fixed window per key, counted by the database clock.
export async function readLoginFailures(db: Db, key: string, windowSeconds: number): Promise<{ failures: number; retryAfter: number }> {
  const r = await withAuth(db).selectFrom('login_failures')
    .select(['failures', sql<number>`ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}::float8) - now())))::int`.as('retryAfter')])
    .where('key', '=', key).where(sql<boolean>`window_start > now() - make_interval(secs => ${windowSeconds}::float8)`)
    .executeTakeFirst();
  return r ? { failures: r.failures, retryAfter: Math.max(1, r.retryAfter) } : { failures: 0, retryAfter: 0 };
}

export async function recordLoginFailure(db: Db, key: string, windowSeconds: number): Promise<void> {
  await sql`insert into login_failures as f (key, failures, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when f.window_start > now() - make_interval(secs => ${windowSeconds}::float8) then f.failures + 1 else 1 end,
      window_start = case when f.window_start > now() - make_interval(secs => ${windowSeconds}::float8) then f.window_start else now() end`.execute(db);
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await withAuth(db).deleteFrom('login_failures').where('key', '=', key).execute();
}

// Audit trail
export interface AuditInput { userId: number | null; actor: string; action: string; outcome: 'success' | 'failure' | 'denied'; ip: string | null; details?: Record<string, unknown> }

export async function insertAuditEvent(db: Db, e: AuditInput): Promise<void> {
  await withAuth(db).insertInto('audit_events').values({
    user_id: e.userId, actor: e.actor, action: e.action, outcome: e.outcome, ip: e.ip, details: JSON.stringify(e.details ?? {}),
  }).execute();
}

export async function listAuditEvents(db: Db, q: { beforeId?: number | undefined; limit: number; action?: string | undefined }) {
  let s = withAuth(db).selectFrom('audit_events')
    .select(['id', 'at', 'user_id as userId', 'actor', 'action', 'outcome', 'ip', 'details']);
  if (q.beforeId !== undefined) s = s.where('id', '<', q.beforeId);
  if (q.action) s = s.where('action', '=', q.action);
  return s.orderBy('id', 'desc').limit(q.limit).execute();
}

export async function findAreaCodes(db: Db, setId: number, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await db.selectFrom('areas').select('code').where('set_id', '=', setId).where('code', 'in', codes).execute();
  return rows.map((r) => r.code);
}
