import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { ANONYMOUS, audit, authenticate, safeEqual, SESSION_COOKIE, type Viewer } from './auth.service.js';
import { decide, findRule } from './policy.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The caller resolved by `accessControl`; anonymous before it ran (fails closed). */
export function viewerOf(res: Response): Viewer {
  return (res.locals.viewer as Viewer | undefined) ?? ANONYMOUS;
}

export const clientIp = (req: Request): string | null => req.ip ?? null;

export function isSecureRequest(req: Request): boolean {
  return req.secure; // honours TRUST_PROXY's X-Forwarded-Proto through Express's `trust proxy`
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: isSecureRequest(req), path: '/' });
}

/**
 * Authenticates the request, then applies the one policy table (policy.ts): no rule, no entry.
 * A cookie-authenticated write must carry the session's CSRF token in X-CSRF-Token. Refusals
 * are recorded in the audit trail.
 */
export function accessControl(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const path = req.baseUrl + req.path;
    const rule = findRule(req.method, path);
    if (!rule) throw new AppError(404, 'not_found', `No API route ${req.method} ${req.path}`);
    const viewer = await authenticate(ctx.db, { authorization: req.get('authorization'), cookie: req.get('cookie') });
    res.locals.viewer = viewer;
    const refuse = async (status: number, code: string, message: string, reason: string) => {
      await audit(ctx.db, {
        userId: viewer.user?.id ?? null, actor: viewer.user?.username ?? 'anonymous', action: 'access', outcome: 'denied',
        ip: clientIp(req), details: { method: req.method, path, reason },
      });
      throw new AppError(status, code, message);
    };

    // A stale cookie on a public page is just an anonymous visit; a bad token is an error a script must see.
    if (viewer.rejected && req.get('authorization') !== undefined && rule.allow !== 'everyone') {
      await refuse(401, 'unauthenticated', viewer.rejected, 'bad_token');
    }
    if (viewer.rejected && viewer.via === 'anonymous' && req.get('authorization') === undefined) clearSessionCookie(req, res);

    const decision = decide(rule, viewer.user?.role ?? null, ctx.config.publicRead);
    if (decision === 'unauthenticated') {
      await refuse(401, 'unauthenticated', viewer.rejected ?? 'Sign in to use this. / Hãy đăng nhập để sử dụng chức năng này.', 'anonymous');
    }
    if (decision === 'forbidden') {
      await refuse(403, 'forbidden', `Your role (${viewer.user!.role}) may not ${req.method} ${path}. / Vai trò của bạn không được phép làm việc này.`, 'role');
    }
    if (rule.stations === 'unscoped' && viewer.user?.jurisdictionCodes) {
      await refuse(403, 'forbidden', 'Your account is limited to some areas, and this answer cannot be limited to them. / Tài khoản của bạn chỉ xem được một số địa bàn.', 'jurisdiction');
    }
    if (viewer.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.get('x-csrf-token') ?? '';
      if (!viewer.csrfToken || !safeEqual(sent, viewer.csrfToken)) {
        await refuse(403, 'csrf', 'Missing or wrong X-CSRF-Token header: reload the page and try again. / Thiếu mã chống giả mạo (CSRF): hãy tải lại trang.', 'csrf');
      }
    }
    next();
  };
}
