export * from './clinic-settings';
export * from './clinic-profile';
