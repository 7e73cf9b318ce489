export * from './window';
export * from './ranking';
