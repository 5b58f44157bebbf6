import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/**
 * Whether `error` is a call to another service (user info, catalog, permissions) that
 * got no answer: Node's fetch fails with `TypeError('fetch failed')`, the socket's
 * error (ECONNRESET, ECONNREFUSED, a timeout) as its cause.
 */
export function isUnanswered(error: unknown): boolean {
  return error instanceof TypeError && error.message === 'fetch failed';
}

/**
 * A service the request needs did not answer: a 503 the caller may retry, not a 500
 * that reads as a defect of this plugin. Every other error passes on unchanged.
 */
export const unansweredAsUnavailable: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (!isUnanswered(error)) return next(error);
  const { code } = (error.cause ?? {}) as { code?: unknown };
  return next(
    new ServiceUnavailableError(
      `A service this request needs did not answer${
        typeof code === 'string' ? ` (${code})` : ''
      }; try again`,
      error,
    ),
  );
};
