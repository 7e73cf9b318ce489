export * from './events';
export * from './targets';
export * from './reducers';
export * from './staff-month';
