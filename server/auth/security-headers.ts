import type { Express, RequestHandler } from 'express';
import type { Config } from '../config.js';

/** The origin tiles come from: `https://{s}.tile.example.org/{z}/…` → `https://*.tile.example.org`. */
export function tileOrigin(tileUrl: string): string | null {
  const m = /^(https?:\/\/[^/?#]+)/i.exec(tileUrl.trim());
  if (!m) return null;
  const origin = m[1]!.replace(/\{s\}/g, '*');
  // Anything still templated, or characters a CSP source cannot hold, is left out (tiles then fail, visibly).
  return /^https?:\/\/[A-Za-z0-9.*:-]+$/.test(origin) && !/\{/.test(origin) ? origin : null;
}

export function contentSecurityPolicy(config: Pick<Config, 'tileUrl'>): string {
  const tiles = tileOrigin(config.tileUrl);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "connect-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** What helmet would set, written out (no package): CSP, no sniffing, no framing, a short referrer. */
export function securityHeaders(config: Pick<Config, 'tileUrl'>): RequestHandler {
  const csp = contentSecurityPolicy(config);
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Tile servers (OpenStreetMap's policy) want a Referer: the origin, never the full URL with its filters.
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=15552000');
    next();
  };
}

/** Proxy trust (for req.ip and req.secure) and the headers, on the whole app: API and client alike. */
export function installHardening(app: Express, config: Pick<Config, 'tileUrl' | 'trustProxy'>): void {
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
}
