export * from './store-calendar';
export * from './cadence';
export * from './results';
export * from './plan';
export * from './workbench';
export * from './escalation';
