export * from './eco/index';
export * from './geo/index';
