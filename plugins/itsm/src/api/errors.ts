import { isError, ResponseError } from '@backstage/errors';

/**
 * The message to show a user for a failed call. A ResponseError's own message is only
 * "Request failed with 409 Conflict"; the server's explanation (e.g. "version is stale",
 * "cannot move from closed to ...") is in its cause.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    const cause = serverMessage(error);
    return cause ? `${cause} (${error.statusCode})` : error.message;
  }
  if (isError(error)) return error.message;
  return String(error);
}

/** The server's own message of a failed call, without the status; undefined if none. */
export function serverMessage(error: unknown): string | undefined {
  if (!(error instanceof ResponseError)) return undefined;
  return error.body?.error?.message ?? error.cause?.message;
}

/**
 * Whether a call failed with 404. The backend answers a record the caller may not read
 * exactly like a missing one, so this means "missing, or not yours to see".
 */
export function isNotFound(error: unknown): boolean {
  if (error instanceof ResponseError) return error.statusCode === 404;
  return isError(error) && error.name === 'NotFoundError';
}
