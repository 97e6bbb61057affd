export * from './error';
export * from './health';
export * from './indicator';
export * from './region';
export * from './theme';
