export * from './credit';
export * from './ledger';
export * from './commission';
export * from './deal';
