export * from './code';
export * from './scene';
export * from './card';
export * from './self-referral';
export * from './invitation-clinic';
