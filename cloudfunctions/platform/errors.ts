import { ERROR_CATALOGUE, type ErrorCode } from '@clinic/shared';

/**
 * Thrown by handlers and services for an expected refusal; the function wrapper turns it into
 * `{ ok: false, code, message }`. The code is one of the catalogue's; the message is the
 * catalogue's unless a more specific one is given (the field that failed, the amount left).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOGUE[code],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A refusal with the catalogue's message for its code (or a more specific one). */
export const refuse = (code: ErrorCode, message?: string): AppError => new AppError(code, message);
