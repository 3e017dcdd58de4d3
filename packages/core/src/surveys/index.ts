export * from './definition';
export * from './definition-schema';
export * from './answers';
