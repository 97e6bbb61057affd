export * from './eco/index';
export * from './geo/index';
export * from './random';
