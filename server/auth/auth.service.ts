import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import {
  clearLoginFailures, deleteExpiredSessions, deleteSession, findLiveSession, findUserById, findUserForLogin,
  insertAuditEvent, insertSession, readLoginFailures, recordLoginFailure, useToken, type AuditInput, type UserRow,
} from './auth.repository.js';
import { hashPassword, verifyPassword } from './password.js';

export const SESSION_COOKIE = 'planner_session';
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/** Who is asking: a user (by session cookie or bearer token) or nobody. */
export interface Viewer {
  user: UserRow | null;
  via: 'session' | 'token' | 'anonymous';
  csrfToken: string | null;
  sessionHash: string | null;
  /** Credentials were sent but do not open anything: expired session, revoked token, disabled user. */
  rejected: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ user: null, via: 'anonymous', csrfToken: null, sessionHash: null, rejected: null });

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newSecret = () => randomBytes(32).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The session secret from a Cookie header, without a cookie parser (one cookie, one format). */
export function readSessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const v = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(v) ? v : null;
    }
  }
  return null;
}

/** Resolves the credentials of a request; never throws for bad credentials (the policy decides). */
export async function authenticate(db: Kysely<DB>, h: { authorization?: string | undefined; cookie?: string | undefined }): Promise<Viewer> {
  if (h.authorization !== undefined) {
    const m = /^Bearer[ ]+([A-Za-z0-9_-]{20,200})$/i.exec(h.authorization.trim());
    if (!m) return { ...ANONYMOUS, rejected: 'The Authorization header must be "Bearer <token>"' };
    const userId = await useToken(db, sha256(m[1]!));
    const user = userId === undefined ? undefined : await findUserById(db, userId);
    if (!user) return { ...ANONYMOUS, rejected: 'This API token is unknown or has been revoked' };
    if (user.disabled) return { ...ANONYMOUS, rejected: 'This account is disabled' };
    return { user, via: 'token', csrfToken: null, sessionHash: null, rejected: null };
  }
  const secret = readSessionCookie(h.cookie);
  if (!secret) return ANONYMOUS;
  const sessionHash = sha256(secret);
  const session = await findLiveSession(db, sessionHash);
  const user = session && (await findUserById(db, session.userId));
  if (!session || !user) return { ...ANONYMOUS, rejected: 'Your session has expired: sign in again' };
  if (user.disabled) return { ...ANONYMOUS, rejected: 'This account is disabled' };
  return { user, via: 'session', csrfToken: session.csrfToken, sessionHash, rejected: null };
}

export async function audit(db: Kysely<DB>, e: AuditInput): Promise<void> {
  await insertAuditEvent(db, { ...e, actor: e.actor.slice(0, 100) });
}

// Verifying against this when the user does not exist keeps the answer's timing the same.
let dummyHash: Promise<string> | undefined;

export interface LoginResult { user: UserRow; secret: string; csrfToken: string; expiresAt: Date }

/**
 * Checks a password and opens a session. Failures count per username and IP in the database
 * (every instance sees them); past LOGIN_MAX_FAILURES the answer is 429 with the wait.
 */
export async function login(db: Kysely<DB>, input: { username: string; password: string; ip: string | null; ttlHours: number }): Promise<LoginResult> {
  const key = `${input.username.toLowerCase()}|${input.ip ?? ''}`;
  const base = { actor: input.username, action: 'login', ip: input.ip };
  const limit = await readLoginFailures(db, key, LOGIN_WINDOW_SECONDS);
  if (limit.failures >= LOGIN_MAX_FAILURES) {
    await audit(db, { ...base, userId: null, outcome: 'denied', details: { reason: 'rate_limited' } });
    const minutes = Math.ceil(limit.retryAfter / 60);
    throw new AppError(429, 'too_many_attempts',
      `Too many failed sign-ins for this username from this address: try again in ${minutes} minute(s). / Đăng nhập sai quá nhiều lần: thử lại sau ${minutes} phút.`,
      { retryAfter: limit.retryAfter });
  }
  const found = await findUserForLogin(db, input.username);
  dummyHash ??= hashPassword(newSecret());
  const ok = await verifyPassword(input.password, found?.passwordHash ?? (await dummyHash));
  if (!found || !ok || found.disabled) {
    await recordLoginFailure(db, key, LOGIN_WINDOW_SECONDS);
    const reason = !found ? 'unknown_user' : !ok ? 'wrong_password' : 'disabled';
    await audit(db, { ...base, userId: found?.id ?? null, outcome: 'failure', details: { reason } });
    throw new AppError(401, 'invalid_credentials', 'Wrong username or password, or the account is disabled. / Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa.');
  }
  await clearLoginFailures(db, key);
  await deleteExpiredSessions(db);
  const { passwordHash: _, ...user } = found;
  const secret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = await insertSession(db, { idHash: sha256(secret), userId: user.id, csrfToken, ttlHours: input.ttlHours });
  await audit(db, { ...base, actor: user.username, userId: user.id, outcome: 'success', details: {} });
  return { user, secret, csrfToken, expiresAt };
}

export async function logout(db: Kysely<DB>, viewer: Viewer, ip: string | null): Promise<void> {
  if (viewer.sessionHash) await deleteSession(db, viewer.sessionHash);
  if (viewer.user) await audit(db, { userId: viewer.user.id, actor: viewer.user.username, action: 'logout', outcome: 'success', ip });
}

export function toUserView(u: UserRow) {
  return {
    id: u.id, username: u.username, displayName: u.displayName, role: u.role, operator: u.operatorCode,
    jurisdiction: u.jurisdictionSetId !== null && u.jurisdictionCodes ? { setId: u.jurisdictionSetId, areas: u.jurisdictionCodes } : null,
    disabled: u.disabled, createdAt: u.createdAt.toISOString(),
  };
}
