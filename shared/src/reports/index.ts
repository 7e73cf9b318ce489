export * from './events';
export * from './targets';
export * from './reducers';
export * from './staff-month';
export * from './rollup';
export * from './dashboard';
export * from './events-of-records';
