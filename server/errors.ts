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

export type Logger = (err: unknown) => void;

export interface ErrorResponse {
  status: number;
  body: { error: { code: string; message: string; details: unknown } };
}

/**
 * The one conversion from an error to the answer a client gets, used by the error handler and
 * by answers already under way (server/http/ndjson.ts). `log` receives the unexpected (500)
 * errors with their cause chain; the client gets a generic message for those.
 */
export function toErrorResponse(err: unknown, log: Logger): ErrorResponse {
  const answer = (status: number, code: string, message: string, details: unknown = null): ErrorResponse =>
    ({ status, body: { error: { code, message, details } } });
  if (err instanceof ZodError) {
    const { message, details } = describeZodError(err);
    return answer(400, 'invalid_parameter', message, details);
  }
  if (err instanceof AppError) return answer(err.status, err.code, err.message, err.details ?? null);
  const e = err as { status?: unknown; type?: unknown; message?: unknown } | null | undefined;
  const status = typeof e?.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
  if (status < 500) {
    // Body-parser and friends: malformed JSON, payload too large.
    return answer(status, e?.type === 'entity.too.large' ? 'payload_too_large' : 'bad_request', String(e?.message ?? 'Bad request'));
  }
  log(err);
  return answer(500, 'internal', 'Internal server error');
}

/** Builds the single error handler. */
export function createErrorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const { status, body } = toErrorResponse(err, log);
    res.status(status).json(body);
  };
}
