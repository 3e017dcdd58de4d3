export * from './connection';
export * as schema from './schema/index';
export * from './schema/index';
export * from './prepared';
export * from './transaction';
export * from './insert-together';
export * from './sql-helpers';
