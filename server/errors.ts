// Errors as values at the edges (STYLE.md §12): services throw AppError with a protocol code;
// the HTTP layer maps it to a status, the socket layer to an ack.
import type { ErrorCode } from '../common/protocol';

const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  bad_credentials: 401,
  forbidden: 403,
  room_disabled: 403,
  history_disabled: 403,
  file_upload_disabled: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Extra fields for the error body, e.g. limitKB on too_large. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message ?? code.replace(/_/g, ' '));
    this.name = 'AppError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (what = 'not found') => new AppError('not_found', what);
export const forbidden = (why = 'forbidden') => new AppError('forbidden', why);
export const badRequest = (why = 'bad request') => new AppError('bad_request', why);
