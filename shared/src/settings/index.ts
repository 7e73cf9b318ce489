export * from './clinic-settings';
