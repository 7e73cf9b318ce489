export * from './envelope';
export * from './user';
export * from './identity';
export * from './referral';
export * from './booking';
export * from './registry';
export * from './setup';
export * from './reminders';
