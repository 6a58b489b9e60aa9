import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { clearSessionCookie, clientIp, isSecureRequest, viewerOf } from './access.middleware.js';
import { findUserForLogin, listAuditEvents, listUsers, updateUser, type UserRow } from './auth.repository.js';
import {
  auditQuery, createTokenBody, createUserBody, loginBody, patchUserBody, passwordBody, tokenIdParams, userIdParams,
} from './auth.schemas.js';
import { audit, login, logout, SESSION_COOKIE, toUserView, type Viewer } from './auth.service.js';
import { createApiToken, createUser, listApiTokens, patchUser, revokeApiToken } from './auth-users.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { deleteUserSessions } from './auth.repository.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const tokenView = <T extends { createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }>(t: T) =>
  ({ ...t, createdAt: iso(t.createdAt)!, lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) });

function meBody(ctx: AppContext, v: Viewer) {
  return { user: v.user && toUserView(v.user), csrfToken: v.csrfToken, publicRead: ctx.config.publicRead, via: v.via };
}

/** The signed-in user; the policy already refused anonymous callers on the routes that use it. */
function actorOf(res: Response): UserRow {
  const user = viewerOf(res).user;
  if (!user) throw new AppError(401, 'unauthenticated', 'Sign in to use this');
  return user;
}

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const who = (req: Request, res: Response) => {
    const u = viewerOf(res).user;
    return { userId: u?.id ?? null, actor: u?.username ?? 'anonymous', ip: clientIp(req) };
  };

  router.post('/auth/login', async (req, res) => {
    const body = loginBody.parse(req.body ?? {});
    try {
      const r = await login(ctx.db, { ...body, ip: clientIp(req), ttlHours: ctx.config.sessionTtlHours });
      res.cookie(SESSION_COOKIE, r.secret, {
        httpOnly: true, sameSite: 'lax', secure: isSecureRequest(req), path: '/', expires: new Date(r.expiresAt),
      });
      res.json(meBody(ctx, { user: r.user, via: 'session', csrfToken: r.csrfToken, sessionHash: null, rejected: null }));
    } catch (err) {
      if (err instanceof AppError && err.status === 429) res.setHeader('Retry-After', String((err.details as { retryAfter: number }).retryAfter));
      throw err;
    }
  });

  router.post('/auth/logout', async (req, res) => {
    await logout(ctx.db, viewerOf(res), clientIp(req));
    clearSessionCookie(req, res);
    res.json({ ok: true });
  });

  router.get('/auth/me', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(meBody(ctx, viewerOf(res)));
  });

  router.post('/auth/password', async (req, res) => {
    const user = actorOf(res);
    const body = passwordBody.parse(req.body ?? {});
    const row = await findUserForLogin(ctx.db, user.username);
    if (!row || !(await verifyPassword(body.current, row.passwordHash))) {
      await audit(ctx.db, { ...who(req, res), action: 'password_change', outcome: 'failure' });
      throw new AppError(400, 'wrong_password', 'The current password is wrong. / Mật khẩu hiện tại không đúng.');
    }
    await updateUser(ctx.db, user.id, { passwordHash: await hashPassword(body.password) });
    await deleteUserSessions(ctx.db, user.id);
    await audit(ctx.db, { ...who(req, res), action: 'password_change', outcome: 'success' });
    clearSessionCookie(req, res);
    res.json({ ok: true });
  });

  router.get('/auth/tokens', async (_req, res) => {
    res.json({ tokens: (await listApiTokens(ctx.db, actorOf(res))).map(tokenView) });
  });

  router.post('/auth/tokens', async (req, res) => {
    const body = createTokenBody.parse(req.body ?? {});
    const created = await createApiToken(ctx.db, actorOf(res), body);
    await audit(ctx.db, { ...who(req, res), action: 'token_create', outcome: 'success', details: { tokenId: created.id, forUser: created.userId } });
    res.status(201).json(tokenView(created));
  });

  router.delete('/auth/tokens/:id', async (req, res) => {
    const { id } = tokenIdParams.parse(req.params);
    const revoked = await revokeApiToken(ctx.db, actorOf(res), id);
    await audit(ctx.db, { ...who(req, res), action: 'token_revoke', outcome: 'success', details: { tokenId: id } });
    res.json(tokenView(revoked));
  });

  router.get('/admin/users', async (_req, res) => {
    res.json({ users: (await listUsers(ctx.db)).map(toUserView) });
  });

  router.post('/admin/users', async (req, res) => {
    const body = createUserBody.parse(req.body ?? {});
    const { user, password } = await createUser(ctx.db, body);
    await audit(ctx.db, { ...who(req, res), action: 'user_create', outcome: 'success', details: { userId: user.id, username: user.username, role: user.role } });
    res.status(201).json({ ...toUserView(user), ...(password && { password }) });
  });

  router.patch('/admin/users/:id', async (req, res) => {
    const { id } = userIdParams.parse(req.params);
    const body = patchUserBody.parse(req.body ?? {});
    const user = await patchUser(ctx.db, actorOf(res), id, body);
    const changed = Object.keys(body).map((k) => (k === 'password' ? 'password (not recorded)' : k));
    await audit(ctx.db, { ...who(req, res), action: 'user_update', outcome: 'success', details: { userId: id, changed } });
    res.json(toUserView(user));
  });

  router.get('/audit', async (req, res) => {
    const q = auditQuery.parse(req.query);
    const rows = await listAuditEvents(ctx.db, { beforeId: q.before, limit: q.limit, action: q.action });
    const last = rows[rows.length - 1];
    res.json({ events: rows.map((r) => ({ ...r, at: iso(r.at)! })), nextBefore: rows.length === q.limit && last ? last.id : null });
  });
  return router;
}
