export * from './window';
export * from './ranking';
export * from './approach';
