export * from './invite';
export * from './handover';
