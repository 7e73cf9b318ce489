export * from './history';
export * from './benefit';
export * from './attribute';
export * from './filing';
