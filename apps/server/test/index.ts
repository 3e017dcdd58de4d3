export * from './app';
export * from './database';
export * from './factories';
export * from './survey-definition';
export * from './per-file';
