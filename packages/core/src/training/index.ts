export * from './courses';
export * from './drills';
export * from './quiz';
export * from './practice';
