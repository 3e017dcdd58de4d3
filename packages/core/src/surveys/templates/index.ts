export * from './indicator-trees';
export * from './survey-templates';
export * from './gbt-45698';
