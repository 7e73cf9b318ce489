export * from './cells';
export * from './columns';
export * from './decide';
export * from './file';
export * from './outcomes';
export * from './row';
export * from './scope';
