export * from './phone';
export * from './mask';
export * from './scope';
export * from './person-name';
export * from './nickname';
export * from './avatar-file';
export * from './shown-referrer';
