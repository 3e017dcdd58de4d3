export * from './organisation';
export * from './identity';
export * from './platform';
