export * from './people';
export * from './channels';
export * from './primitives';
export * from './entities';
export * from './pages';
