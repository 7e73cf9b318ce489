import type { ErrorCode } from '@clinic/shared';

/** Thrown by handlers for an expected refusal; the wrapper turns it into `{ ok: false, code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}
