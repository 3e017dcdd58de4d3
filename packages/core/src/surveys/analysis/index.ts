export * from './items';
export * from './tally';
export * from './analyse';
export * from './compare';
