export {
  type RatingAnswer,
  type RatingScale,
  type ValidAnswers,
  type MeanScore,
  fivePointScale,
  recommendScale,
  validAnswers,
  meanScore,
  rescaleTo100,
} from './answers';
export * from './distributions';
export * from './correlation';
export * from './linear-regression';
export * from './satisfaction-rate';
export * from './nps';
export * from './wave-change';
export * from './sample-size';
export * from './stratified-allocation';
export * from './indicator-weights';
export * from './weighted-index';
export * from './servqual';
export * from './kano';
export * from './importance-performance';
export * from './key-driver';
export * from './peak-end';
export * from './vocabulary';
export * from './fair-ranking';
export * from './fee-collection';
export * from './arrears';
