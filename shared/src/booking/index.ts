export * from './window';
export * from './slots';
export * from './booking-code';
export * from './grade';
export * from './benefits';
export * from './repeat';
