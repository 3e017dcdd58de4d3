export * from './organisation/vocabulary';
export * from './organisation/household-label';
export * from './organisation/phone';
export * from './service-desk/index';
export * from './metrics/index';
export * from './surveys/index';
export * from './training/index';
export * from './experience/journeys';
