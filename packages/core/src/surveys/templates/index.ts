export * from './indicator-trees';
export * from './survey-templates';
