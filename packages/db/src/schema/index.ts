export * from './organisation';
export * from './identity';
export * from './platform';
export * from './service-desk';
export * from './incidents';
export * from './surveys';
export * from './analytics';
