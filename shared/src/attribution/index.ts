export * from './history';
export * from './benefit';
export * from './attribute';
export * from './filing';
export * from './file-or-touch';
export * from './owner';
export * from './arrival';
export * from './lead';
