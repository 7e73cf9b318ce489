export * from './invite';
