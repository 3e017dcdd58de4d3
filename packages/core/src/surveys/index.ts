export * from './definition';
export * from './definition-schema';
export * from './answers';
export * from './templates/index';
export * from './analysis/index';
