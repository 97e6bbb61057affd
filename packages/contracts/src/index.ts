export * from './error';
export * from './health';
export * from './indicator';
export * from './region';
export * from './snapshot';
export * from './theme';
