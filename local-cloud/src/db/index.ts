export { CloudDatabase, type CloudDatabaseOptions, type WireReply } from './cloud-database';
export { DbError, DbErrorCode } from './errors';
export { TRANSACTION_IDLE_MS } from './transactions';
