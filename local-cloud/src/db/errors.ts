/**
 * Error codes the stand-in returns, as `{ code, message }` with HTTP 200 (docs/wire-protocol.md §3).
 * wx-server-sdk maps the DATABASE_* strings it knows to numeric errCodes; anything else becomes -501001.
 */
export const DbErrorCode = {
  /** → -502005. */
  collectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  /** `db.createCollection` surfaces the raw code (errCode -1). The real code is unverified (docs/wire-protocol.md §3). */
  collectionAlreadyExist: 'DATABASE_COLLECTION_ALREADY_EXIST',
  /**
   * → -502001. Used for duplicate `_id` too (message "E11000 duplicate key error …"), as agreed for this
   * project. docs.cloudbase.net documents a separate code, DATABASE_DUPLICATE_WRITE, which the SDK would map to -501001.
   */
  requestFailed: 'DATABASE_REQUEST_FAILED',
  /** → -502002 (the misspelling is the real one). Unknown query/update operator. */
  invalidOperator: 'DATABASE_INVALID_OPERRATOR',
  /** Retried by runTransaction only when returned by commitTransaction (docs/wire-protocol.md §6). */
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  /** Unknown, finished or expired transaction id: docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL. */
  transactionFail: 'DATABASE_TRANSACTION_FAIL',
  /** → -501007. Malformed request (bad EJSON, missing collectionName, unknown action). */
  invalidParam: 'INVALID_PARAM',
} as const;

export type DbErrorCodeValue = (typeof DbErrorCode)[keyof typeof DbErrorCode];

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

/** The text users reported from the real backend (docs/wire-protocol.md §3, unverified); the SDK never reads it. */
export const collectionNotExist = (): DbError =>
  new DbError(
    DbErrorCode.collectionNotExist,
    '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
  );

export const transactionNotExist = (id: string): DbError =>
  new DbError(
    DbErrorCode.transactionFail,
    `[ResourceUnavailable.TransactionNotExist] Transaction ${id} does not exist or has expired (transactions must finish within 30 s).`,
  );
