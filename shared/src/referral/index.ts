export * from './status';
export * from './referral-progress';
