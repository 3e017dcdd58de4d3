export * from './connection';
export * as schema from './schema/index';
export * from './schema/index';
export * from './prepared';
export * from './transaction';
export * from './sql-helpers';
export * from './distribution';
