export * from './store-calendar';
export * from './cadence';
export * from './results';
