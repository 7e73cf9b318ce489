export * from './phone';
export * from './mask';
export * from './scope';
export * from './person-name';
