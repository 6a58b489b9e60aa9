import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';

/** The one error type: a stable code a client can branch on, a message a person reads. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, details?: unknown) =>
  new AppError(404, 'not_found', `${what} was not found`, details);

export const badRequest = (message: string, details?: unknown) =>
  new AppError(400, 'bad_request', message, details);

/** Wraps a database error with what we were doing; the original stays as `cause` for the log. */
export class DatabaseError extends Error {
  constructor(context: string, cause: unknown) {
    super(`${context}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseError';
  }
}

export function describeZodError(err: ZodError): { message: string; details: unknown } {
  const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const message = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  return { message: `Invalid request: ${message}`, details };
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `No API route ${req.method} ${req.path}`));
};

/** Builds the single error handler; `log` receives unexpected errors with their cause chain. */
export function createErrorHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof ZodError) {
      const { message, details } = describeZodError(err);
      res.status(400).json({ error: { code: 'invalid_parameter', message, details } });
      return;
    }
    if (err instanceof AppError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details ?? null } });
      return;
    }
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status < 500) {
      // Body-parser and friends: malformed JSON, payload too large.
      const code = err.type === 'entity.too.large' ? 'payload_too_large' : 'bad_request';
      res.status(status).json({ error: { code, message: String(err.message ?? 'Bad request'), details: null } });
      return;
    }
    log(err);
    res.status(500).json({ error: { code: 'internal', message: 'Internal server error', details: null } });
  };
}
