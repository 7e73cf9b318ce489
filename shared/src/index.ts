import './locale';

export * from './contract';
export * from './model';
export * from './time';
export * from './settings';
export * from './identity';
export * from './referral-code';
export * from './referral';
export * from './attribution';
export * from './followup';
export * from './golden-time';
export * from './money';
export * from './rewards';
export * from './reports';
export * from './util/compare';
export * from './booking';
export * from './staff';
export * from './notify';
