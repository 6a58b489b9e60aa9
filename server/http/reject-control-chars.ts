import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';

// C0 controls but tab/newline, and DEL. PostgreSQL refuses NUL in text outright, so such a
// value must be stopped here as the client's mistake, not reach the database as a 500.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function findControl(value: unknown, path: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) return value.map((v, i) => findControl(v, `${path}[${i}]`)).find((p) => p !== null) ?? null;
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => findControl(k, path) ?? findControl(v, path ? `${path}.${k}` : k)).find((p) => p !== null) ?? null;
  }
  return null;
}

/** Refuses control characters in the path and the query string with a 400 that names the parameter. */
export const rejectControlChars: RequestHandler = (req, _res, next) => {
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(req.path);
  } catch {
    return next(new AppError(400, 'invalid_parameter', 'The URL path is not valid percent-encoding', [{ path: 'path', message: 'bad encoding' }]));
  }
  const where = CONTROL.test(decodedPath) ? 'path' : findControl(req.query, '');
  if (where !== null) {
    return next(new AppError(400, 'invalid_parameter', `${where}: control characters are not allowed`, [{ path: where, message: 'control characters are not allowed' }]));
  }
  next();
};
