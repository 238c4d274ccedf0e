/** Typed domain errors; app/ maps them once to HTTP status codes (lib/http/respond.ts). */
export type ErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unprocessable'
  | 'upstream_failed'
  | 'upstream_timeout'
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const Invalid = (message: string, fields?: Record<string, string>) => new AppError('invalid', message, fields);
export const Unauthorized = (message = 'Sign in to continue.') => new AppError('unauthorized', message);
export const Forbidden = (message = 'You are not allowed to do that.') => new AppError('forbidden', message);
export const NotFound = (what = 'Resource') => new AppError('not_found', `${what} not found.`);
export const Conflict = (message: string) => new AppError('conflict', message);
export const TooLarge = (message: string) => new AppError('too_large', message);
/** The server could not finish the work in time (the time budget of lib/workers/pool.ts) or is too busy to start it. */
export const Unavailable = (message: string) => new AppError('unavailable', message);
/** Well-formed input that cannot be used: a linked page that is not an article, or behind a paywall. */
export const Unprocessable = (message: string, fields?: Record<string, string>) => new AppError('unprocessable', message, fields);
/** Another server (a linked site) failed or refused; not the caller's fault, not ours. */
export const UpstreamFailed = (message: string) => new AppError('upstream_failed', message);
export const UpstreamTimeout = (message: string) => new AppError('upstream_timeout', message);

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unavailable: 503,
  unprocessable: 422,
  upstream_failed: 502,
  upstream_timeout: 504,
};
